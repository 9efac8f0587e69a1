import Testing
@testable import Engine

/// Backpropagation agrees with central finite differences for every activation and loss pairing.
@Suite struct GradientCheckTests {
    struct Pairing: Sendable, CustomTestStringConvertible {
        var hidden: Activation
        var output: Activation
        var loss: Loss
        var testDescription: String { "\(hidden) hidden, \(output) output, \(loss)" }
    }

    /// Output activation and loss pairs that make sense (cross-entropies need probabilities).
    static let outputs: [(Activation, Loss)] = [
        (.linear, .squaredError), (.linear, .halfSquaredError), (.sigmoid, .squaredError),
        (.sigmoid, .binaryCrossEntropy), (.tanh, .halfSquaredError), (.relu, .squaredError),
        (.softmax, .categoricalCrossEntropy), (.softmax, .halfSquaredError), (.softmax, .binaryCrossEntropy),
        (.sigmoid, .categoricalCrossEntropy),
    ]
    static let pairings: [Pairing] = [Activation.sigmoid, .tanh, .relu, .linear].flatMap { hidden in
        outputs.map { Pairing(hidden: hidden, output: $0.0, loss: $0.1) }
    }

    @Test(arguments: pairings)
    func analyticGradientsMatchFiniteDifferences(_ pairing: Pairing) {
        var generator = SeededGenerator(seed: 2025, stream: "\(pairing.testDescription)")
        var network = Network(
            sizes: [3, 5, 4, 3], activations: [pairing.hidden, pairing.hidden, pairing.output],
            initializer: .normal(mean: 0, standardDeviation: 0.8), generator: &generator)
        // Non-zero biases keep ReLU's kink away: with zero biases a unit whose inputs are all
        // zero sits exactly at n = 0, where the derivative is not defined.
        for index in network.layers.indices {
            network[dense: index].bias = network[dense: index].bias.map { _ in generator.nextNormal(mean: 0.3, standardDeviation: 0.5) }
        }
        let inputs = Matrix(rows: 6, columns: 3) { _, _ in generator.nextNormal() }
        let targets: Matrix
        switch pairing.loss {
        case .categoricalCrossEntropy:
            targets = Matrix(rows: 6, columns: 3) { row, column in row % 3 == column ? 1 : 0 }
        case .binaryCrossEntropy:
            targets = Matrix(rows: 6, columns: 3) { _, _ in generator.nextUniform() < 0.5 ? 0 : 1 }
        default:
            targets = Matrix(rows: 6, columns: 3) { _, _ in generator.nextNormal() }
        }
        let entries = GradientCheck.compare(network, on: LabeledData(inputs: inputs, targets: targets), loss: pairing.loss)
        #expect(entries.count == network.parameterCount)
        let worst = entries.max { $0.relativeError < $1.relativeError }!
        #expect(worst.relativeError < 1e-6, "worst: \(worst) of \(entries.filter { $0.relativeError > 1e-6 }.count)")
        // A check that cannot fail proves nothing: the gradients must not all vanish.
        #expect(entries.contains { abs($0.analytic) > 1e-3 }, "largest gradient \(entries.map { abs($0.analytic) }.max()!), outputs \(network.predict(inputs))")
    }

    @Test func aWrongGradientIsCaught() {
        // Scaling the learning signal must show up as a large relative error.
        let network = Network(layers: [
            DenseLayer(weights: Matrix([[0.3], [-0.2]]), bias: Matrix(scalar: 0.1), activation: .sigmoid)
        ])
        let data = LabeledData(inputs: Matrix([[1, 2], [0.5, -1]]), targets: Matrix(column: [1, 0]))
        let entries = GradientCheck.compare(network, on: data, loss: .binaryCrossEntropy)
        let doubled = entries.map { entry -> GradientCheck.Entry in
            var wrong = entry
            wrong.analytic *= 2
            return wrong
        }
        #expect(entries.allSatisfy { $0.relativeError < 1e-6 })
        #expect(doubled.allSatisfy { $0.relativeError > 0.4 })
    }
}
