import Foundation
import Testing
@testable import Report

/// Issue 19, items 1 and 8: whatever prose holds, rendering it takes time linear in its length
/// with bounded recursion. Ink 0.6 took exponential time on ~25 `[` or `![` and overflowed the
/// stack on 3,000 `[` or 3,000 nested list items; 20,000 formulas took over 120 s.
@Suite struct MarkdownLimitsTests {
    let writer = HTMLWriter()

    @Test func runsOfBracketsAreText() {
        for count in [25, 30, 3_000, 100_000] {
            #expect(writer.prose(String(repeating: "[", count: count)) == "<p>" + String(repeating: "[", count: count) + "</p>")
            #expect(writer.prose(String(repeating: "![", count: count)) == "<p>" + String(repeating: "![", count: count) + "</p>")
        }
        #expect(writer.inline(String(repeating: "[", count: 30) + "a](b)") == String(repeating: "[", count: 29) + "<a href=\"b\">a</a>")
    }

    @Test func runsOfEmphasisCodeAndLinksAreLinear() {
        let started = Date()
        for piece in ["*", "_", "`", "**a ", "](", "[a](", "&", "$x$ ", "> ", "- "] {
            let html = writer.prose(String(repeating: piece, count: 30_000 / piece.count))
            #expect(html.hasPrefix("<"))
            _ = MarkdownWriter().markdown(for: ReportDocument(title: "t", blocks: [.prose(String(repeating: piece, count: 30_000 / piece.count))]))
        }
        // Linear is well under a second per 30 kB even in a debug build; quadratic is minutes.
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func nestingIsBounded() {
        let quotes = writer.prose(String(repeating: ">", count: 3_000) + " a")
        #expect(quotes == String(repeating: "<blockquote>", count: 8) + "<p>" + String(repeating: "&gt;", count: 2_992) + " a</p>"
            + String(repeating: "</blockquote>", count: 8))
        let list = writer.prose((0..<3_000).map { String(repeating: " ", count: $0) + "- a" }.joined(separator: "\n"))
        #expect(list.components(separatedBy: "<ul>").count - 1 == 8)
        #expect(list.hasSuffix(String(repeating: "</li></ul>", count: 8)))
    }

    @Test func twentyThousandFormulasTakeLinearTime() {
        let prose = String(repeating: "with $x_1$ ", count: 20_000)
        let started = Date()
        let html = writer.prose(prose)
        let seconds = Date().timeIntervalSince(started)
        #expect(html.components(separatedBy: "<math ").count - 1 == 20_000)
        #expect(!html.contains("\u{E000}"))
        // Linear is a few seconds in a debug build; the replace-per-formula loop took over 120 s.
        #expect(seconds < 60, "\(seconds) s")
    }
}
