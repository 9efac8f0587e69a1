import Foundation
import Testing
import MathML

@Suite struct RobustnessTests {
    /// Pieces that stress the parser's terminators and offsets when strung together at random.
    private static let pieces = [
        "{", "}", "^", "_", "'", "&", #"\\"#, #"\left("#, #"\right)"#, #"\begin{bmatrix}"#,
        #"\end{bmatrix}"#, #"\frac"#, #"\sqrt["#, "]", "x", "12", ".", "-", "α", #"\text{a}"#,
        #"\mathbf"#, #"\hat"#, #"\foo"#, " ", "\\", "%", #"\begin{array}{c}"#, #"\end{array}"#,
    ]

    /// Random formulas never crash or hang: each converts, or throws an error whose offset
    /// lies within the formula.
    @Test func randomFormulasConvertOrFailInsideTheFormula() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            var tex = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                tex += Self.pieces[Int(state >> 33) % Self.pieces.count]
            }
            do {
                _ = try MathML.convert(tex, display: true)
            } catch {
                #expect(error.offset >= 0 && error.offset <= tex.utf8.count, "\(tex): \(error)")
            }
        }
    }

    /// Found by the fuzzer: `\mathbf{` repeated 32,765 times overflowed the stack. Nesting of
    /// every recursive construct stops at a limit with an error at the level that passes it.
    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let depth = 50_000
        let nestings: [(open: String, close: String)] = [
            ("{", "}"), (#"\mathbf{"#, "}"), (#"\frac{"#, "}{1}"), (#"\sqrt{"#, "}"), ("x^{", "}"),
            (#"\hat "#, ""), (#"\left("#, #"\right)"#), (#"\begin{bmatrix}"#, #"\end{bmatrix}"#), (#"\sqrt["#, "]{2}"),
            (#"\overset"#, "a"), ("{x^", "}"),
        ]
        for (open, close) in nestings {
            let tex = String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)
            do {
                _ = try MathML.convert(tex, display: true)
                Issue.record("\(open)…: converted")
            } catch {
                #expect(error.kind == .tooDeep(maximum: 50), "\(open)…: \(error)")
                #expect(error.offset > 0 && error.offset < tex.utf8.count)
            }
        }
    }

    /// The deepest formula allowed converts, on a thread with a small stack, in a debug build.
    @Test func theDeepestAllowedFormulaFitsOnASmallStack() {
        let nestings: [(open: String, close: String)] = [
            (#"\begin{bmatrix}"#, #"\end{bmatrix}"#), (#"\left("#, #"\right)"#), (#"\frac{"#, "}{1}"), ("{", "}"),
            ("x^{", "}"), (#"\hat "#, ""),
        ]
        for (open, close) in nestings {
            // The nesting that reaches the limit exactly, found by halving.
            var low = 1, high = 200
            while low < high {
                let middle = (low + high + 1) / 2
                let tex = String(repeating: open, count: middle) + "x" + String(repeating: close, count: middle)
                if (try? MathML.convert(tex, display: true)) != nil { low = middle } else { high = middle - 1 }
            }
            let tex = String(repeating: open, count: low) + "x" + String(repeating: close, count: low)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                _ = try? MathML.convert(tex, display: true)
                done.signal()
            }
            thread.stackSize = 512 * 1024
            thread.start()
            done.wait()
            #expect(low >= 20, "\(open)…: only \(low) levels convert")
        }
    }
}
