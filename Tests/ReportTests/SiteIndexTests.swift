import Testing
@testable import Report

@Suite struct SiteIndexTests {
    let index = SiteIndex(
        title: "Neural networks, worked",
        introduction: "Every equation is checked against the engine's numbers.",
        chapters: [
            .init(title: "The perceptron", folder: "01-perceptron", thumbnail: "fig-01-and.png", numbers: ["converged in 4 epochs"]),
            .init(title: "Broken <chapter>", folder: "02-broken", failed: true),
        ])

    @Test func htmlHasACardPerChapter() {
        let html = index.html()
        #expect(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"))
        #expect(html.contains(
            "<li><a class=\"chapter-card\" href=\"01-perceptron/index.html\"><img src=\"01-perceptron/fig-01-and.png\" alt=\"\"><div><h2>The perceptron</h2><p class=\"numbers\">converged in 4 epochs</p></div></a></li>"))
        #expect(html.contains("<a class=\"chapter-card failed\" href=\"02-broken/index.html\">"))
        #expect(html.contains("<h2>Broken &lt;chapter&gt;</h2>"))
    }

    @Test func markdownListsTheChapters() {
        #expect(index.markdown() == """
            # Neural networks, worked

            Every equation is checked against the engine's numbers.

            - [The perceptron](01-perceptron/README.md) — converged in 4 epochs
            - [Broken \\<chapter\\>](02-broken/README.md) (failed)

            """)
    }
}

@Suite struct SiteIndexDarkThumbnailTests {
    @Test func aThumbnailWithADarkDrawingIsAPicture() {
        let index = SiteIndex(title: "b", introduction: "", chapters: [
            .init(title: "1. A", folder: "01-a", thumbnail: "fig-01-x.png", darkThumbnail: "fig-01-x-dark.png"),
            .init(title: "2. B", folder: "02-b", thumbnail: "fig-01-y.png"),
        ])
        let html = index.html()
        #expect(html.contains(
            "<picture><source srcset=\"01-a/fig-01-x-dark.png\" media=\"(prefers-color-scheme: dark)\"><img src=\"01-a/fig-01-x.png\" alt=\"\"></picture>"))
        #expect(html.contains("<a class=\"chapter-card\" href=\"02-b/index.html\"><img src=\"02-b/fig-01-y.png\" alt=\"\">"))
    }
}
