import Testing
@testable import Engine

/// Layer statistics: each layer's output spread and weight-gradient norm, measured as the
/// definitions say, and the vanishing gradient of a deep sigmoid network shown by them.
@Suite struct LayerStatisticsTests {
    @Test func theStatisticsAreTheDefinitions() {
        let network = Network(layers: [
            DenseLayer(weights: randomMatrix(3, 4, seed: 1), bias: randomMatrix(1, 4, seed: 2), activation: .tanh),
            DenseLayer(weights: randomMatrix(4, 1, seed: 3), bias: randomMatrix(1, 1, seed: 4), activation: .sigmoid),
        ])
        let data = LabeledData(inputs: randomMatrix(6, 3, seed: 5), targets: Matrix(rows: 6, columns: 1) { row, _ in Double(row % 2) })
        let statistics = LayerStatistics.measure(network, on: data, loss: .binaryCrossEntropy, context: .evaluation)
        let a1 = network.forward(data.inputs).outputs[0].values
        let mean = a1.reduce(0, +) / 24
        #expect(abs(statistics[0].activationMean - mean) < 1e-15)
        #expect(abs(statistics[0].activationSpread - (a1.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 24).squareRoot()) < 1e-15)
        let dW1 = network.backward(network.forward(data.inputs), target: data.targets, loss: .binaryCrossEntropy).weights[0]
        #expect(abs(statistics[0].gradientNorm! - dW1.values.map { $0 * $0 }.reduce(0, +).squareRoot()) < 1e-15)
    }

    @Test func aDeepSigmoidNetworksFirstLayerLearnsSlowest() throws {
        var generator = SeededGenerator(seed: 7)
        var network = Network(
            sizes: [2, 16, 16, 16, 16, 16, 1], activations: Array(repeating: .sigmoid, count: 6), initializer: .xavierUniform,
            generator: &generator)
        let data = LabeledData(inputs: randomMatrix(64, 2, seed: 8), targets: Matrix(rows: 64, columns: 1) { row, _ in Double(row % 2) })
        var configuration = TrainingConfiguration(loss: .binaryCrossEntropy, learningRate: 0.1, epochs: 3)
        configuration.measuresLayers = true
        let result = try GradientDescentTrainer(configuration: configuration).train(&network, on: data)
        let initial = try #require(result.history.initialLayers)
        let norms = initial.map { $0.gradientNorm! }
        // σ' ≤ 1/4 at every layer: the gradient shrinks by more than 10× over the five layers below the output.
        #expect(norms[0] * 10 < norms[5], "\(norms)")
        #expect(result.history.epochs.allSatisfy { $0.layers?.count == 6 })
        var unmeasured = configuration
        unmeasured.measuresLayers = false
        var again = network
        let plain = try GradientDescentTrainer(configuration: unmeasured).train(&again, on: data)
        #expect(plain.history.initialLayers == nil && plain.history.epochs.allSatisfy { $0.layers == nil })
    }
}
