import Testing
@testable import Report

/// Issue 19, item 4: every field of a chapter and of the index is escaped in README.md by the
/// rule of its kind (plain text or authored Markdown), as it is in HTML.
@Suite struct MarkdownEscapingTests {
    let writer = MarkdownWriter()

    func page(_ blocks: [ReportBlock], title: String = "T", footer: [String] = [], neighbours: ReportDocument.Neighbours = .init()) -> String {
        writer.markdown(for: ReportDocument(title: title, blocks: blocks, footer: footer, neighbours: neighbours))
    }

    @Test func titleIsOneLineOfText() {
        #expect(page([], title: "<script>x</script>\n# Owned").hasPrefix("# \\<script\\>x\\</script\\> \\# Owned\n\n---"))
    }

    @Test func headingIsText() {
        #expect(writer.markdown(for: .heading(level: 2, text: "A *b* [c](javascript:x)")) == "## A \\*b\\* \\[c\\](javascript:x)")
    }

    @Test func neighbourTitlesCannotPlantLinks() {
        let links = writer.links(.init(previous: ("x](javascript:alert(1)) [y", "01-a"), next: ("<img src=x onerror=alert(1)>", "03 c")))
        #expect(links == "← [x\\](javascript:alert(1)) \\[y](../01-a/README.md) · [All chapters](../README.md) · "
            + "[\\<img src=x onerror=alert(1)\\>](../03%20c/README.md) →")
    }

    @Test func footerIsText() {
        #expect(page([], footer: ["seed 7", "<b>x</b>"]).hasSuffix("seed 7 · \\<b\\>x\\</b\\>\n"))
    }

    @Test func errorPositionAndMessageAreText() {
        #expect(writer.markdown(for: .error(ReportError(position: "a.md:1:1", message: "<img src=x onerror=alert(1)>")))
            == "> **Error** `a.md:1:1`: \\<img src=x onerror=alert(1)\\>")
        #expect(writer.markdown(for: .error(ReportError(position: "a`b.md:1:1", message: "m"))) == "> **Error** a\\`b.md:1:1: m")
    }

    @Test func figureAltTextIsTextAndCaptionIsSafeMarkdownOnOneLine() {
        let figure = ReportFigure(file: "fig 1.png", caption: "<b>x</b>\n# h [l](javascript:x)", alternativeText: "a](javascript:x)")
        #expect(writer.markdown(for: .figure(figure)) == "![a\\](javascript:x)](fig%201.png)\n\n*\\<b>x\\</b> # h [l](#)*")
    }

    @Test func tableHeadersCellsAndCaptionAreSafeMarkdown() {
        let table = ReportTable(headers: ["<i>a</i>", "b|c"], rows: [["[x](data:text/html,y)", "\\*cat\\*"]], caption: "<s>\nz")
        #expect(writer.markdown(for: .table(table)) == """
            | \\<i>a\\</i> | b\\|c |
            | --- | --- |
            | [x](#) | \\*cat\\* |

            *\\<s> z*
            """)
    }

    @Test func proseKeepsMarkdownButNotHTMLOrScriptLinks() {
        let prose = "Hi <script>alert(1)</script> and [x](javascript:alert(1)) and $x<y$ and ![i]( javascript:z)\n\n[r]:\n  vbscript:q\n\n```\n<kept>\n```"
        #expect(writer.markdown(for: .prose(prose)) ==
            "Hi \\<script>alert(1)\\</script> and [x](#(1)) and $`x< y`$ and ![i]( #)\n\n[r]:\n  #\n\n```\n<kept>\n```")
        #expect(writer.markdown(for: .note("<!-- x -->")) == "> \\<!-- x -->")
    }

    /// Code hosts eat `\\`, `\,` and braces inside `$…$`: math goes out as $`…`$ and as
    /// ```math blocks on lines of their own, even when the lesson wrote `$$…$$` inside a line.
    @Test func mathIsWrittenAsCodeHostsReadIt() {
        #expect(writer.markdown(for: .prose("so $\\{a\\}\\,b$ and $$x \\\\ y$$ then")) ==
            "so $`\\{a\\}\\,b`$ and \n```math\nx \\\\ y\n```\n then")
        #expect(writer.markdown(for: .prose("odd $a`b$")) == "odd $a`b$")
    }

    @Test func aFenceThatIsNotOneKeepsEscaping() {
        // A backtick in the info string makes it no fence in CommonMark, so the line below is HTML there.
        #expect(writer.markdown(for: .prose("```a`b\n<img src=x>")) == "```a`b\n\\<img src=x>")
    }

    @Test func indexEntriesAreEscaped() {
        let index = SiteIndex(title: "<b>Book</b>", introduction: "<i>hi</i>", chapters: [
            .init(title: "T](http://evil) [", folder: "01-a", summary: "<img src=x onerror=alert(1)>\n# Owned", numbers: ["<u>1</u>"]),
        ])
        #expect(index.markdown() == """
            # \\<b\\>Book\\</b\\>

            \\<i>hi\\</i>

            - [T\\](http://evil) \\[](01-a/README.md) — \\<u\\>1\\</u\\>
               \\<img src=x onerror=alert(1)> # Owned

            """)
    }
}

/// Issue 19, item 14: a NUL byte (and every other character HTML and XML do not allow) becomes
/// U+FFFD in both formats.
@Suite struct DisallowedCharacterTests {
    @Test func nulAndControlsBecomeReplacementCharacters() {
        #expect(HTMLWriter().prose("a\u{0}b\u{7}c\u{FFFF}") == "<p>a\u{FFFD}b\u{FFFD}c\u{FFFD}</p>")
        #expect(MarkdownWriter().markdown(for: .prose("a\u{0}b\u{1B}c")) == "a\u{FFFD}b\u{FFFD}c")
        let document = ReportDocument(title: "t\u{0}", blocks: [.heading(level: 2, text: "h\u{0}")], footer: ["f\u{0}"])
        let html = HTMLWriter().page(for: document)
        let markdown = MarkdownWriter().markdown(for: document)
        #expect(!html.unicodeScalars.contains("\u{0}") && !markdown.unicodeScalars.contains("\u{0}"))
        #expect(html.contains("<h1>t\u{FFFD}</h1>") && html.contains("<h2 id=\"h\">h\u{FFFD}</h2>") && html.contains("<footer>f\u{FFFD}</footer>"))
        #expect(markdown.hasPrefix("# t\u{FFFD}\n\n## h\u{FFFD}\n\n"))
        #expect(HTMLWriter().html(for: .math("\\nosuch\u{0}")).contains("\\nosuch\u{FFFD}"))
        #expect(HTMLWriter().prose("tab\tand line\nend") == "<p>tab and line end</p>")
    }
}
