import Foundation
import MathML

/// The numeric typesetting examples: an update step from seed 004 written with the values
/// the engine would record, and a large matrix elided.
func numberExamples() -> [(label: String, fragment: String)] {
    let weights: [[Double]] = (0..<784).map { i in (0..<128).map { j in sin(Double(i * 128 + j)) * 0.05 } }
    let samples: [Double] = [2.0 / 3, -1.0 / 7, 12345.678, 0.000012345, 60000, .nan, -.infinity]
    let sampleRow = MathML.row([samples.map { MathML.number($0) }.joined(separator: MathML.op(","))])
    let rows: [(String, String)] = [
        (
            #"\mathbf{W}^1 = \mathbf{W}^1 - \eta (\mathbf{a}^0)^\top \mathbf{s}^1"#,
            MathML.row([
                MathML.matrix([[0.2, 0.2], [0.2, 0.2]]), MathML.op("="), MathML.matrix([[1, 1], [1, 1]]),
                MathML.op("−"), MathML.number(0.1), MathML.op("×"), MathML.matrix([[1], [1]]),
                MathML.matrix([[8, 8]]),
            ])
        ),
        (
            #"\mathbf{b}^2 = \mathbf{b}^2 - \eta \mathbf{s}^2"#,
            MathML.row([MathML.number(-0.8), MathML.op("="), MathML.number(0), MathML.op("−"), MathML.number(0.1), MathML.op("×"), MathML.number(8)])
        ),
        (
            "rounding: 2/3, −1/7, 12345.678, 0.000012345, 60000, NaN, −∞",
            sampleRow
        ),
        (
            #"\mathbf{W}^{[1]} = \ldots \quad \text{(784×128, elided, shape shown)}"#,
            MathML.row([(try? MathML.fragment(#"\mathbf{W}^{[1]}"#)) ?? "", MathML.op("="), MathML.matrix(weights)])
        ),
        (
            "a long row vector, shape never shown",
            MathML.matrix([(1...10).map(Double.init)], layout: MatrixLayout(shape: .never))
        ),
    ]
    return rows
}
