import MathML
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

    @Test func typesetsEachFormulaAsTheConverterDoes() throws {
        let pieces = try ProseMath.typeset("so $x^2$ and $$\\frac{a}{b}$$ but $\\foo$.")
        #expect(pieces.count == 7)
        #expect(pieces[0] == .text("so "))
        #expect(pieces[1] == .math("x^2", display: false, .success(try MathML.convert("x^2", display: false)), offset: 4))
        #expect(pieces[3] == .math("\\frac{a}{b}", display: true, .success(try MathML.convert("\\frac{a}{b}", display: true)), offset: 15))
        guard case let .math("\\foo", false, .failure(error), 34) = pieces[5] else {
            Issue.record("not the failed formula: \(pieces[5])")
            return
        }
        #expect(error.offset == 0)
    }

    @Test func theFirstMistakeIsFoundInCharactersOfTheProse() {
        #expect(ProseMath.firstMistake(in: "all $x$ good $$y$$ and \\$5") == nil)
        #expect(ProseMath.firstMistake(in: "pay $5 now") == .unclosed(offset: 4))
        // σ is two UTF-8 bytes: the converter's offset 6 (bytes into the formula) is 5 characters.
        let mistake = ProseMath.firstMistake(in: "ok $a$, σσ: $σ + \\foo$ and $\\bar$")
        guard case let .formula(tex, error, offset) = mistake else {
            Issue.record("no formula mistake: \(String(describing: mistake))")
            return
        }
        #expect(tex == "σ + \\foo" && error.offset == 5)
        #expect(offset == 13 + 4)
        #expect(Array("ok $a$, σσ: $σ + \\foo$ and $\\bar$")[offset] == "\\")
    }
}
