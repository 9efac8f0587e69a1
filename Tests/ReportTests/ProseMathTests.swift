import Testing
@testable import Report

@Suite struct ProseMathTests {
    @Test func findsInlineAndDisplayMath() throws {
        let segments = try ProseMath.segments("A neuron fires when $w x + b \\ge 0$:\n$$a = f(n)$$ done")
        #expect(segments == [
            .text("A neuron fires when "), .math("w x + b \\ge 0", display: false, offset: 21), .text(":\n"),
            .math("a = f(n)", display: true, offset: 39), .text(" done"),
        ])
    }

    @Test func leavesEscapedDollarsAndCodeAlone() throws {
        #expect(try ProseMath.segments("costs \\$5 and `$x$` stay") == [.text("costs \\$5 and `$x$` stay")])
        #expect(try ProseMath.segments("```\nlet a = \"$\"\n```\n") == [.text("```\nlet a = \"$\"\n```\n")])
    }

    @Test func anUnclosedDollarIsAnError() {
        #expect(throws: ProseMath.UnclosedMath(offset: 4)) { try ProseMath.segments("pay $5 now") }
    }
}
