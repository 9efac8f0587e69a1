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
}
