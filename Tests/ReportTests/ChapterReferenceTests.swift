import Testing
@testable import Report

/// Prose refers to other chapters by lesson name; the page says "chapter N" and links to it.
@Suite struct ChapterReferenceTests {
    let neighbours = ReportDocument.Neighbours(number: "5", chapters: ["03-gradient-descent": "3", "92-references": "C"])

    @Test func theNamesAProseCitesAreFoundOnceEach() {
        let text = "As in {chapter:03-gradient-descent} and {Chapter:01-perceptron}, see {chapter:03-gradient-descent}; {chapter:broken\n} {eq:x}"
        #expect(ChapterReferences.names(in: text) == ["03-gradient-descent", "01-perceptron"])
        #expect(ChapterReferences.citations(in: "ab {chapter:x}").map(\.offset) == [3])
    }

    @Test func bothWritersLinkTheNumberedChapter() {
        let document = ReportDocument(
            title: "T",
            blocks: [
                .prose("{Chapter:03-gradient-descent} walks downhill; the sources are in {chapter:92-references}."),
                .note("Compare {chapter:03-gradient-descent}."),
                .figure(ReportFigure(file: "f.png", caption: "As in {chapter:03-gradient-descent}", alternativeText: "a")),
                .prose("{chapter:99-unknown} stays as written."),
            ],
            neighbours: neighbours)
        let html = HTMLWriter().page(for: document)
        #expect(html.contains("<a href=\"../03-gradient-descent/index.html\">Chapter 3</a> walks downhill"))
        #expect(html.contains("<a href=\"../92-references/index.html\">appendix C</a>."))
        #expect(html.contains("Compare <a href=\"../03-gradient-descent/index.html\">chapter 3</a>."))
        #expect(html.contains("As in <a href=\"../03-gradient-descent/index.html\">chapter 3</a>"))
        #expect(html.contains("{chapter:99-unknown} stays as written."))
        let markdown = MarkdownWriter().markdown(for: document)
        #expect(markdown.contains("[Chapter 3](../03-gradient-descent/README.md) walks downhill"))
        #expect(markdown.contains("> Compare [chapter 3](../03-gradient-descent/README.md)."))
    }

    @Test func aDocumentOutsideABookKeepsItsReferences() {
        let document = ReportDocument(title: "T", blocks: [.prose("See {chapter:03-gradient-descent}.")])
        #expect(MarkdownWriter().markdown(for: document).contains("See {chapter:03-gradient-descent}."))
    }
}

/// Several formulas side by side (`\qquad`) wrap on a narrow page, in prose, in a displayed
/// equation and in a checked relation's symbolic row alike.
@Suite struct EquationRowTests {
    @Test func aRelationsSideBySideFormulasWrap() {
        let relation = RelationBlock(
            symbolic: "a = b, \\qquad c = d", numeric: "1 = 1", step: "epoch 1, step 1",
            check: .holds(largestDeviation: 0, tolerance: 1e-9))
        let html = HTMLWriter().page(for: ReportDocument(title: "T", blocks: [.relation(relation), .math("x = 1 \\qquad y = 2"), .math("z = 3")]))
        #expect(html.components(separatedBy: "<span class=\"equation-row\">").count == 3)
        #expect(!html.contains("<span class=\"equation-row\"><math display=\"block\"><mi>z"))
    }
}
