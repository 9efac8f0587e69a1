import Testing
@testable import Report

/// A figure drawn for a dark page and for a phone is one `<picture>`: the browser picks the
/// drawing by the colour scheme and the screen's width, without script; Markdown shows the light
/// drawing for the column.
@Suite struct FigureHTMLTests {
    let figure = ReportFigure(
        file: "fig-03-regions.png", caption: "Regions", alternativeText: "a heatmap", width: 680, height: 460,
        darkFile: "fig-03-regions-dark.png",
        narrow: ReportFigure.Variant(
            file: "fig-03-regions-narrow.png", darkFile: "fig-03-regions-narrow-dark.png", width: 340, height: 460))

    @Test func aFigureWithVariantsIsAPictureWithSourcesInOrder() {
        let html = HTMLWriter().html(for: .figure(figure))
        let breakpoint = HTMLWriter.narrowBreakpoint(wideWidth: 680)
        #expect(breakpoint == 655)
        #expect(html == """
            <figure class="plot">
            <picture>
            <source srcset="fig-03-regions-narrow-dark.png" media="(max-width: 655px) and (prefers-color-scheme: dark)" width="340" height="460">
            <source srcset="fig-03-regions-narrow.png" media="(max-width: 655px)" width="340" height="460">
            <source srcset="fig-03-regions-dark.png" media="(prefers-color-scheme: dark)" width="680" height="460">
            <img src="fig-03-regions.png" alt="a heatmap" width="680" height="460">
            </picture>
            <figcaption>Regions</figcaption>
            </figure>
            """)
        #expect(!html.contains("<script"))
    }

    @Test func theNarrowDrawingTakesOverBeforeTheWideOneShrinksBelowNineTenths() {
        // At the breakpoint the column (viewport less the page's padding) shows the wide drawing at 0.9.
        for width in [480, 680, 780] {
            let viewport = Double(HTMLWriter.narrowBreakpoint(wideWidth: width))
            let scale = (viewport - HTMLWriter.columnPadding) / Double(width)
            #expect(scale >= 0.9 && scale < 0.9 + 1.0 / Double(width))
        }
    }

    @Test func onlyADarkDrawingNeedsNoNarrowSource() {
        var plain = figure
        plain.narrow = nil
        let html = HTMLWriter().html(for: .figure(plain))
        #expect(html.contains("<source srcset=\"fig-03-regions-dark.png\" media=\"(prefers-color-scheme: dark)\""))
        #expect(!html.contains("max-width"))
    }

    @Test func namesAreEscaped() {
        var odd = figure
        odd.darkFile = "fig-\"x\".png"
        #expect(HTMLWriter().html(for: .figure(odd)).contains("srcset=\"fig-&quot;x&quot;.png\""))
    }

    @Test func markdownKeepsTheLightDrawingForTheColumn() {
        let markdown = MarkdownWriter().markdown(
            for: ReportDocument(title: "Figures", blocks: [.figure(figure)], footer: []))
        #expect(markdown.contains("![a heatmap](fig-03-regions.png)"))
        #expect(!markdown.contains("dark"))
        #expect(!markdown.contains("narrow"))
    }
}
