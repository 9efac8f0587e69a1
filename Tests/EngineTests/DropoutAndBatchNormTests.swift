import Testing
@testable import Engine

/// Dropout and batch normalization: their forward rules, their gradients against finite
/// differences in training passes, and what evaluation passes do.
@Suite struct DropoutAndBatchNormTests {
    var data: LabeledData {
        LabeledData(
            inputs: randomMatrix(9, 3, seed: 6),
            targets: Matrix(rows: 9, columns: 2) { row, column in Double((row + column) % 2) })
    }
    let training = PassContext(mode: .training, generator: SeededGenerator(seed: 11, stream: "layers"))

    func network(middle: any Layer, firstActivation: Activation = .tanh) -> Network {
        Network(layers: [
            DenseLayer(weights: randomMatrix(3, 4, seed: 1), bias: randomMatrix(1, 4, seed: 2), activation: firstActivation),
            middle,
            DenseLayer(weights: randomMatrix(4, 2, seed: 3), bias: randomMatrix(1, 2, seed: 4), activation: .sigmoid),
        ])
    }

    @Test func dropoutKeepsUnitsWithProbabilityOneMinusPAndScalesThem() {
        let layer = DropoutLayer(units: 1000, rate: 0.3)
        let input = Matrix(rows: 20, columns: 1000, repeating: 2)
        var buffers = LayerBuffers()
        var context = training
        layer.forward(input, into: &buffers, context: &context)
        let mask = buffers.kept[0]
        #expect(Set(mask.values) == [0, 1])
        let kept = Double(mask.values.filter { $0 == 1 }.count) / Double(mask.count)
        #expect(abs(kept - 0.7) < 0.01, "kept \(kept) of the units")  // 20,000 draws: σ ≈ 0.0032
        #expect(zip(buffers.output.values, mask.values).allSatisfy { $0 == $1 * 2 * (1 / 0.7) })
        // The expected output is the input.
        #expect(abs(buffers.output.values.reduce(0, +) / Double(input.count) - 2) < 0.03)
        var evaluation = PassContext.evaluation
        layer.forward(input, into: &buffers, context: &evaluation)
        #expect(buffers.output == input)
    }

    @Test func dropoutGradientsMatchFiniteDifferencesWithTheSameMask() {
        let net = network(middle: DropoutLayer(units: 4, rate: 0.5))
        let entries = GradientCheck.compare(net, on: data, loss: .binaryCrossEntropy, context: training)
        let worst = entries.max { $0.relativeError < $1.relativeError }!
        #expect(worst.relativeError < 1e-6, "worst: \(worst)")
        // The first layer's gradients differ from those without dropout: the mask acts.
        let plain = GradientCheck.compare(net, on: data, loss: .binaryCrossEntropy)
        #expect(zip(entries, plain).contains { abs($0.analytic - $1.analytic) > 1e-3 })
    }

    @Test func batchNormNormalizesEachUnitOverTheBatch() {
        let layer = BatchNormLayer(units: 3, activation: .linear)
        var buffers = LayerBuffers()
        var context = training
        let input = data.inputs.map { 5 + 3 * $0 }
        layer.forward(input, into: &buffers, context: &context)
        let z = buffers.net
        for column in 0..<3 {
            let values = (0..<z.rows).map { z[$0, column] }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
            #expect(abs(mean) < 1e-12)
            #expect(abs(variance - 1) < 1e-3, "ε = 10⁻⁵ keeps the variance just under 1: \(variance)")
        }
    }

    @Test(arguments: [Activation.linear, .relu, .tanh])
    func batchNormGradientsMatchFiniteDifferencesInTraining(activation: Activation) {
        var middle = BatchNormLayer(units: 4, activation: activation)
        middle.gamma = randomMatrix(1, 4, seed: 8).map { 1 + 0.5 * $0 }
        middle.beta = randomMatrix(1, 4, seed: 9)
        let net = network(middle: middle, firstActivation: .linear)
        for context in [training, .evaluation] {
            let entries = GradientCheck.compare(net, on: data, loss: .binaryCrossEntropy, context: context)
            #expect(Set(entries.map(\.parameter)) == ["W", "b", "gamma", "beta"])
            let worst = entries.max { $0.relativeError < $1.relativeError }!
            #expect(worst.relativeError < 1e-6, "\(context.mode) worst: \(worst)")
        }
    }

    /// The batch's own mean is removed, so the first layer's bias cannot change the loss in
    /// training: its gradient is zero, which the finite differences confirm.
    @Test func theBiasBeforeBatchNormHasNoGradientInTraining() throws {
        let net = network(middle: BatchNormLayer(units: 4, activation: .relu), firstActivation: .linear)
        let gradients = net.backward(net.forward(data.inputs, context: training), target: data.targets, loss: .binaryCrossEntropy)
        #expect(gradients.biases[0].values.allSatisfy { abs($0) < 1e-15 })
    }

    @Test func runningAveragesFollowTheMomentumAndServeEvaluation() throws {
        var net = network(middle: BatchNormLayer(units: 4, activation: .relu, momentum: 0.8), firstActivation: .linear)
        let trainer = GradientDescentTrainer(configuration: TrainingConfiguration(loss: .binaryCrossEntropy, learningRate: 0, epochs: 1))
        _ = try trainer.train(&net, on: data)
        // η = 0: the first layer is unchanged, so one full-batch step gives μ_run = 0.2 μ.
        let layer = try #require(net.layers[1] as? BatchNormLayer)
        let batchMean = net[dense: 0].net(data.inputs).mean(along: .rows)
        expectClose(layer.runningMean, batchMean.map { 0.2 * $0 }, tolerance: 1e-12)
        var buffers = LayerBuffers()
        var evaluation = PassContext.evaluation
        layer.forward(net[dense: 0].net(data.inputs), into: &buffers, context: &evaluation)
        expectClose(buffers.kept[0], layer.runningMean, tolerance: 0)
    }
}
