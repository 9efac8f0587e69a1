import Testing
@testable import Report

@Suite struct HTMLWriterTests {
    let writer = HTMLWriter()

    @Test func proseMathBecomesMathML() {
        let html = writer.prose("The output is $a = \\sigma(n)$.")
        #expect(html.hasPrefix("<p>The output is <math xmlns=\"http://www.w3.org/1998/Math/MathML\">"))
        #expect(html.contains("<mi>σ</mi>"))
        #expect(html.contains("<annotation encoding=\"application/x-tex\">a = \\sigma(n)</annotation>"))
        #expect(!html.contains("mathplaceholder"))
    }

    @Test func displayMathIsABlock() {
        let html = writer.html(for: .math("x^2"))
        #expect(html.hasPrefix("<div class=\"equation\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
    }

    @Test func relationShowsBothFormsAndTheCheck() {
        let block = RelationBlock(
            symbolic: "n^1 = a^0 W^1", numeric: "\\begin{bmatrix} 2 & 2 \\end{bmatrix} = \\begin{bmatrix} 1 & 1 \\end{bmatrix}",
            step: "epoch 1, sample 1", check: .holds(largestDeviation: 0, tolerance: 1e-9))
        let html = writer.html(for: .relation(block))
        #expect(html.hasPrefix("<figure class=\"relation holds\">"))
        #expect(html.contains("<mtable"))
        #expect(html.contains(
            "<figcaption class=\"check\">✓ Checked at epoch 1, sample 1: both sides are equal in every entry (allowed: 10⁻⁹ of the size of the terms that formed each entry).</figcaption>"))
        let failed = writer.html(for: .relation(RelationBlock(symbolic: "a", numeric: "1", step: "epoch 2", check: .fails("left 1 ≠ right 2"))))
        #expect(failed.contains("<figure class=\"relation fails\">"))
        #expect(failed.contains("✗ Check failed at epoch 2: left 1 ≠ right 2"))
    }

    @Test func textFromLessonsIsEscaped() {
        let page = writer.page(for: ReportDocument(
            title: "<script>alert(1)</script>",
            blocks: [.error(ReportError(position: "a.md:1:1", message: "bad <b>"))],
            footer: ["seed 7"]))
        #expect(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("<div class=\"error\" role=\"alert\"><strong>Error</strong> <code>a.md:1:1</code> bad &lt;b&gt;</div>"))
        #expect(page.contains("<footer>seed 7</footer>"))
    }

    @Test func tablesAlignNumbersAndRenderMath() {
        let table = ReportTable(headers: ["$x_1$", "a"], rows: [["0", "1"]], caption: "The AND gate", numericColumns: [1])
        let html = writer.html(for: .table(table))
        #expect(html.contains("<caption>The AND gate</caption>"))
        #expect(html.contains("<th><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"))
        // Each cell carries its column's heading, which only a phone's stacked rows show.
        #expect(html.contains("<td><span class=\"label\" aria-hidden=\"true\"><math"))
        #expect(html.contains("</span>0</td><td class=\"number\"><span class=\"label\" aria-hidden=\"true\">a</span>1</td>"))
    }

    @Test func figuresHaveAlternativeText() {
        let html = writer.html(for: .figure(ReportFigure(file: "fig-01-and.png", caption: "The AND data", alternativeText: "four points", width: 640)))
        #expect(html.contains("<img src=\"fig-01-and.png\" alt=\"four points\" width=\"640\">"))
        #expect(html.contains("<figcaption>The AND data</figcaption>"))
    }

    @Test func aFormulaThatDoesNotConvertShowsItsSourceAndReason() {
        let html = writer.html(for: .math("\\nosuchcommand"))
        #expect(html.contains("<code class=\"math-error\""))
        #expect(html.contains("\\nosuchcommand"))
    }
}

@Suite struct ProseSafetyTests {
    @Test func rawHTMLInProseIsShownAsText() {
        let html = HTMLWriter().prose("Try <script>alert(1)</script> & see.")
        #expect(!html.contains("<script>"))
        #expect(html == "<p>Try &lt;script&gt;alert(1)&lt;/script&gt; &amp; see.</p>")
    }

    @Test func aLineStartingWithCodeStaysInItsParagraph() {
        #expect(HTMLWriter().prose("First line\n`code` starts this one.\n\n```\n`kept`\n```") ==
            "<p>First line <code>code</code> starts this one.</p><pre><code>`kept`\n</code></pre>")
    }

    @Test func anEscapedDollarIsADollar() {
        #expect(HTMLWriter().prose("It costs \\$5.") == "<p>It costs $5.</p>")
    }
}

@Suite struct HeadingAnchorTests {
    /// Sections can be linked to and are listed under the title; two headings that read alike
    /// get different anchors, and a formula's TeX stays out of its anchor.
    @Test func headingsGetAnchorsAndAContentsList() {
        let document = ReportDocument(title: "t", blocks: [
            .prose("## The rule\n\ntext\n\n### Why $a = b$\n\n## The rule"), .prose("## Gradient descent, once more"),
        ])
        let page = HTMLWriter().page(for: document)
        #expect(page.contains("<h2 id=\"the-rule\">The rule</h2>"))
        #expect(page.contains("<h2 id=\"the-rule-2\">The rule</h2>"))
        #expect(page.contains("<h3 id=\"why-a-b\">Why <math"))
        #expect(page.contains("<h2 id=\"gradient-descent-once-more\">"))
        #expect(page.contains(
            "<nav class=\"contents\" aria-label=\"Contents\"><ol><li><a href=\"#the-rule\">The rule</a></li><li><a href=\"#the-rule-2\">The rule</a></li><li><a href=\"#gradient-descent-once-more\">Gradient descent, once more</a></li></ol></nav>"))
        #expect(!HTMLWriter().page(for: ReportDocument(title: "t", blocks: [.prose("## Only one")])).contains("class=\"contents\""))
    }
}
