import Testing

@testable import Engine

/// `a = c x`: a layer without parameters, written as a newcomer would write one (not
/// registered: it lives in the tests only).
struct Scaling: Layer {
    static let name = "scaling"
    var width: Int
    var factor: Double

    var inputCount: Int { width }
    var outputCount: Int { width }
    var description: String { "Scaling(×\(factor))" }

    /// Keeps the factor it used for the backward pass, as dropout keeps its mask.
    func forward(_ input: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        buffers.output = input.map { $0 * factor }
        buffers.kept = [Matrix(scalar: factor)]
    }

    /// `∂L/∂x = c ∂L/∂a`, with the `c` its forward pass kept.
    func backward(_ input: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        let used = buffers.kept[0][0, 0]
        if inputGradient != nil { inputGradient = buffers.sensitivity.map { $0 * used } }
    }
}

/// Passes its input through in training and doubles it in evaluation, so a test sees which
/// mode each pass ran in.
struct ModeProbe: Layer {
    static let name = "mode-probe"
    var width: Int

    var inputCount: Int { width }
    var outputCount: Int { width }
    var description: String { "ModeProbe" }

    func forward(_ input: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        let factor = context.mode == .training ? 1.0 : 2.0
        buffers.output = input.map { $0 * factor }
    }

    func backward(_ input: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        if inputGradient != nil { inputGradient = buffers.sensitivity }
    }
}

/// `a = x − μ`: subtracts the batch's mean in training and the running mean
/// `μ ← 0.5 μ + 0.5 mean(batch)` in evaluation, as batch normalization does with its statistics.
struct Centering: Layer {
    static let name = "centering"
    var width: Int
    var runningMean: Matrix

    init(width: Int) {
        self.width = width
        runningMean = Matrix(rows: 1, columns: width)
    }

    var inputCount: Int { width }
    var outputCount: Int { width }
    var description: String { "Centering" }

    func forward(_ input: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        let mean = context.mode == .training ? input.mean(along: .rows) : runningMean
        buffers.kept = [mean]
        buffers.output = Matrix(rows: input.rows, columns: width) { row, column in input[row, column] - mean[0, column] }
    }

    /// `∂L/∂x = ∂L/∂a − mean of ∂L/∂a` over the batch (the mean depends on every sample).
    func backward(_ input: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        guard inputGradient != nil else { return }
        let g = buffers.sensitivity
        let mean = g.mean(along: .rows)
        inputGradient = Matrix(rows: g.rows, columns: g.columns) { row, column in g[row, column] - mean[0, column] }
    }

    mutating func finishTrainingStep(_ buffers: LayerBuffers) {
        runningMean = Matrix(rows: 1, columns: width) { _, column in 0.5 * runningMean[0, column] + 0.5 * buffers.kept[0][0, column] }
    }
}

/// The layer protocol admits a layer without parameters in the middle of a network: the
/// trainer, the gradient check and the trace need no change for it.
@Suite struct LayerProtocolTests {
    var generator = SeededGenerator(seed: 5)

    /// Dense(3→4, tanh), ×0.5, Dense(4→2, sigmoid), with non-zero biases.
    func network(factor: Double = 0.5) -> Network {
        Network(layers: [
            DenseLayer(weights: randomMatrix(3, 4, seed: 1), bias: randomMatrix(1, 4, seed: 2), activation: .tanh),
            Scaling(width: 4, factor: factor),
            DenseLayer(weights: randomMatrix(4, 2, seed: 3), bias: randomMatrix(1, 2, seed: 4), activation: .sigmoid),
        ])
    }

    var data: LabeledData {
        LabeledData(
            inputs: randomMatrix(7, 3, seed: 6),
            targets: Matrix(rows: 7, columns: 2) { row, column in Double((row + column) % 2) })
    }

    @Test func gradientsThroughAParameterFreeLayerMatchFiniteDifferences() {
        let entries = GradientCheck.compare(network(), on: data, loss: .binaryCrossEntropy)
        #expect(entries.count == 3 * 4 + 4 + 4 * 2 + 2)
        #expect(Set(entries.map(\.layer)) == [1, 3])
        let worst = entries.max { $0.relativeError < $1.relativeError }!
        #expect(worst.relativeError < 1e-6, "worst: \(worst)")
    }

    /// A wrong backward pass (the factor left out of `∂L/∂x`) is caught by the same check.
    @Test func theCheckCatchesALayerThatForgetsItsFactor() {
        struct Forgetful: Layer {
            static let name = "forgetful"
            var inputCount: Int { 4 }
            var outputCount: Int { 4 }
            var description: String { "Forgetful" }
            func forward(_ input: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
                buffers.output = input.map { $0 * 0.5 }
            }
            func backward(_ input: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
                if inputGradient != nil { inputGradient = buffers.sensitivity }
            }
        }
        var wrong = network()
        wrong.layers[1] = Forgetful()
        let entries = GradientCheck.compare(wrong, on: data, loss: .binaryCrossEntropy)
        #expect(entries.filter { $0.layer == 1 }.contains { $0.relativeError > 0.4 })
    }

    /// Scaling by c before a dense layer is that layer with c W: the first layer's gradients agree.
    @Test func aScalingLayerGivesTheGradientsOfTheFoldedNetwork() {
        let scaled = network(factor: 0.5)
        var folded = Network(layers: [scaled[dense: 0], scaled[dense: 2]])
        folded[dense: 1].weights = scaled[dense: 2].weights.map { $0 * 0.5 }
        let (x, y) = (data.inputs, data.targets)
        let a = scaled.backward(scaled.forward(x), target: y, loss: .binaryCrossEntropy)
        let b = folded.backward(folded.forward(x), target: y, loss: .binaryCrossEntropy)
        expectClose(a.weights[0], b.weights[0], tolerance: 1e-12)
        expectClose(a.biases[0], b.biases[0], tolerance: 1e-12)
        expectClose(a.biases[2], b.biases[1], tolerance: 1e-12)
        #expect(a.parameters[1].isEmpty)
    }

    @Test func theTrainerTrainsItAndTracesEveryLayer() throws {
        var trained = network()
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .binaryCrossEntropy, learningRate: 0.5, epochs: 30, trace: TraceSchedule(steps: [TraceStep(epoch: 1, step: 1)])))
        let result = try trainer.train(&trained, on: data)
        let losses = result.history.epochs.map(\.trainingLoss)
        #expect(losses.last! < losses.first!)
        let record = try #require(result.trace.record(at: TraceStep(epoch: 1, step: 1)))
        #expect(record.names == [
            "x", "y", "eta", "m", "W1", "b1", "n1", "a1", "a2", "W3", "b3", "n3", "a3", "loss",
            "s3", "dW3", "db3", "s2", "s1", "dW1", "db1", "W1_new", "b1_new", "W3_new", "b3_new",
        ])
        // The middle layer's input gradient is the first layer's ∂L/∂a: s1 = (c s2) ⊙ (1 − a1²).
        let s2 = try #require(record["s2"]), a1 = try #require(record["a1"])
        let expected = Matrix(rows: s2.rows, columns: s2.columns) { row, column in
            0.5 * s2[row, column] * (1 - a1[row, column] * a1[row, column])
        }
        expectClose(try #require(record["s1"]), expected, tolerance: 1e-12)
        #expect(trained.layers[1] is Scaling)
    }

    /// A layer with statistics: training updates them after each step, evaluation uses them,
    /// and its batch-dependent backward pass passes the finite-difference check.
    @Test func aLayerKeepsItsStatisticsFromTrainingForEvaluation() throws {
        var network = Network(layers: [
            Centering(width: 3),
            DenseLayer(weights: randomMatrix(3, 2, seed: 3), bias: randomMatrix(1, 2, seed: 4), activation: .sigmoid),
        ])
        let entries = GradientCheck.compare(network, on: data, loss: .binaryCrossEntropy)
        #expect(entries.allSatisfy { $0.relativeError < 1e-6 })
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .binaryCrossEntropy, learningRate: 0.1, epochs: 2))
        _ = try trainer.train(&network, on: data)
        // Two full-batch steps: μ = 0.5 · (0.5 · 0 + 0.5 m) + 0.5 m = 0.75 m.
        let batchMean = data.inputs.mean(along: .rows)
        let centering = try #require(network.layers[0] as? Centering)
        expectClose(centering.runningMean, batchMean.map { 0.75 * $0 })
        let first = network.predict(Matrix([[0.0, 0.0, 0.0]]))
        var shifted = network
        shifted.layers[0] = Centering(width: 3)
        #expect(shifted.predict(Matrix([[0.0, 0.0, 0.0]])) != first)
    }

    /// The dense layer registers itself; a layer that does not (the tests' own) is not listed.
    @Test func registeredLayerKinds() {
        let names = Network.layerKinds.map { $0.name }
        #expect(names.contains("dense"))
        #expect(!names.contains(Scaling.name))
    }

    @Test func trainingPassesTrainAndPredictionsEvaluate() throws {
        let network = Network(layers: [
            ModeProbe(width: 2), DenseLayer(weights: Matrix([[1.0], [1.0]]), bias: Matrix(scalar: 0), activation: .linear),
        ])
        #expect(network.predict(Matrix([[1.0, 2.0]])) == Matrix(scalar: 6))
        var trained = network
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .squaredError, learningRate: 0, epochs: 1, trace: .all))
        let result = try trainer.train(&trained, on: LabeledData(inputs: Matrix([[1.0, 2.0]]), targets: Matrix(scalar: 0)))
        #expect(result.trace.records[0]["a1"] == Matrix([[1.0, 2.0]]))
    }
}
