import Testing
@testable import Engine

/// Finite inputs, however large, never make an activation, a loss or a gradient NaN.
///
/// Training at a huge learning rate drives net inputs to ±1000 and beyond; the trainer stops
/// at the first non-finite loss or weight and says so, so a NaN born inside exp or log would
/// be reported as divergence although nothing diverged. (The engine has no softplus
/// activation; the softplus log(1 + eʸ) lives inside binary cross-entropy and is tested there.)
@Suite struct ExtremeValueTests {
    /// Net inputs from the largest negative to the largest positive double, one sample per row.
    static let extremes: [Double] = [-1e308, -1000, -710, -1, 0, 1, 710, 1000, 1e308]

    /// One column of every extreme value.
    let column = Matrix(column: extremes)
    /// Rows of two to three classes mixing extremes, for softmax.
    let rows = Matrix([
        [1e308, -1e308, 0], [-1e308, 1e308, 0], [1000, -1000, 0], [-1000, -1000, -1000],
        [1e308, 1e308, 1e308], [-1e308, -1e308, -1e308], [1e308, 1e308, -1e308], [710, -710, 1],
    ])

    private func expectNoNaN(_ matrix: Matrix, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!matrix.values.contains { $0.isNaN }, "\(what): \(matrix)", sourceLocation: sourceLocation)
    }

    private func expectFinite(_ matrix: Matrix, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(matrix.isFinite, "\(what): \(matrix)", sourceLocation: sourceLocation)
    }

    @Test(arguments: Activation.allCases)
    func valuesAreFiniteAndInRange(_ activation: Activation) {
        let net = activation == .softmax ? rows : column
        var output = activation.apply(net)
        if activation == .linear || activation == .relu {
            #expect(output.values.allSatisfy { !$0.isNaN })  // they pass ±1e308 through unchanged
        } else {
            expectFinite(output, "\(activation)")
        }
        switch activation {
        case .sigmoid:
            // σ(−710) = e^(−710) / (1 + e^(−710)) is a subnormal 4.5e-309, not 0 and not NaN.
            #expect(output[2, 0] > 0 && output[2, 0] < 1e-308)
            output[2, 0] = 0
            #expect(output.values == [0, 0, 0, 0.2689414213699951, 0.5, 0.7310585786300049, 1, 1, 1])
        case .tanh:
            #expect(output.values == [-1, -1, -1, -0.7615941559557649, 0, 0.7615941559557649, 1, 1, 1])
        case .softmax:
            for row in 0..<output.rows {
                let total = output.row(row).values.reduce(0, +)
                #expect(abs(total - 1) < 1e-15, "row \(row) sums to \(total)")
            }
            #expect(output.row(0) == Matrix(row: [1, 0, 0]))
            #expect(output.row(1) == Matrix(row: [0, 1, 0]))
            #expect(output.row(4) == Matrix(row: [1.0 / 3, 1.0 / 3, 1.0 / 3]))
            #expect(output.row(6) == Matrix(row: [0.5, 0.5, 0]))
        default:
            break
        }
    }

    @Test(arguments: Activation.allCases.filter { $0 != .softmax })
    func derivativesAreFinite(_ activation: Activation) {
        let output = activation.apply(column)
        let derivative = activation.derivative(net: column, output: output)
        expectFinite(derivative, "\(activation)'")
        if activation == .sigmoid || activation == .tanh {
            // Saturated at both ends: the slope is exactly zero there, not NaN.
            #expect(derivative[0, 0] == 0 && derivative[8, 0] == 0)
        }
    }

    @Test(arguments: Activation.allCases)
    func backwardOfAFiniteGradientIsFinite(_ activation: Activation) {
        let net = activation == .softmax ? rows : column
        let output = activation.apply(net)
        let upstream = net.map { _ in 0.75 } - Matrix(rows: net.rows, columns: net.columns) { row, _ in Double(row % 3) }
        expectFinite(activation.backward(upstream, net: net, output: output), "\(activation) backward")
    }

    /// The output activations each loss is paired with in a lesson.
    static let pairs: [(Loss, Activation)] = Loss.allCases.flatMap { loss in
        Activation.allCases.map { (loss, $0) }
    }

    @Test(arguments: 0..<pairs.count)
    func lossesAndTheirGradientsNeverAreNaN(_ index: Int) {
        let (loss, activation) = Self.pairs[index]
        let net = activation == .softmax ? rows : column
        let output = activation.apply(net)
        for targetValue in [0.0, 1.0] {
            let target: Matrix =
                if activation == .softmax {
                    Matrix(rows: net.rows, columns: net.columns) { row, column in
                        column == (row + Int(targetValue)) % net.columns ? 1 : 0
                    }
                } else {
                    Matrix(rows: net.rows, columns: 1, repeating: targetValue)
                }
            let what = "\(loss) after \(activation), targets \(targetValue)"
            expectNoNaN(loss.perSample(output: output, net: net, target: target, activation: activation), "\(what): loss")
            expectNoNaN(loss.outputGradient(output: output, target: target), "\(what): ∂L/∂a")
            let sensitivity = loss.outputSensitivity(output: output, net: net, target: target, activation: activation)
            expectNoNaN(sensitivity, "\(what): ∂L/∂n")
            if [.sigmoid, .tanh, .softmax, .hardLimit].contains(activation) {
                // Bounded outputs: the loss's gradients stay finite too.
                expectFinite(sensitivity, "\(what): ∂L/∂n")
                expectFinite(loss.outputGradient(output: output, target: target), "\(what): ∂L/∂a")
            }
        }
    }

    @Test func binaryCrossEntropyIsExactAtTheExtremes() {
        let target = Matrix(column: [1, 0, 1, 0, 1, 0])
        let net = Matrix(column: [1e308, 1e308, -1e308, -1e308, 1000, -1000])
        let output = Activation.sigmoid.apply(net)
        let perSample = Loss.binaryCrossEntropy.perSample(output: output, net: net, target: target, activation: .sigmoid)
        // Right and sure: 0. Wrong and sure: |n|, the softplus of the wrong sign.
        #expect(perSample == Matrix(column: [0, 1e308, 1e308, 0, 0, 0]))
        #expect(Loss.binaryCrossEntropy.outputSensitivity(output: output, net: net, target: target, activation: .sigmoid)
            == Matrix(column: [0, 1, -1, 0, 0, 0]))
        // Without the net input (a probability from elsewhere), the clamped log stays finite.
        let clamped = Loss.binaryCrossEntropy.perSample(output: output, net: net, target: target, activation: .linear)
        expectFinite(clamped, "clamped log-loss")
        #expect(isClose(clamped[1, 0], -_log(1e-15), tolerance: 1e-3))
    }

    @Test func categoricalCrossEntropyIsExactAtTheExtremes() {
        let net = Matrix([[1e308, -1e308, 0], [1e308, -1e308, 0], [1000, -1000, 0], [-1000, -1000, -1000]])
        let target = Matrix([[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]])
        let output = Activation.softmax.apply(net)
        let perSample = Loss.categoricalCrossEntropy.perSample(output: output, net: net, target: target, activation: .softmax)
        #expect(perSample[0, 0] == 0)
        #expect(perSample[1, 0] == 1e308)
        #expect(perSample[2, 0] == 2000)
        #expect(isClose(perSample[3, 0], _log(3)))
        #expect(Loss.categoricalCrossEntropy.outputSensitivity(output: output, net: net, target: target, activation: .softmax)
            == output - target)
    }
}
