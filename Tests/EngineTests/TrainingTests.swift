import Testing
@testable import Engine

@Suite struct TrainingTests {
    static let xor = LabeledData(inputs: truthTableInputs, targets: Matrix(column: [0, 1, 1, 0]))

    func xorNetwork(seed: UInt64) -> Network {
        var generator = SeededGenerator(seed: seed, stream: "weights")
        return Network(
            sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], initializer: .xavierUniform, generator: &generator)
    }

    @Test func twoTwoOneSigmoidNetworkLearnsXOR() throws {
        var network = xorNetwork(seed: 3)
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .binaryCrossEntropy, learningRate: 1.0, epochs: 3000))
        let result = try trainer.train(&network, on: Self.xor)
        let output = network.predict(truthTableInputs)
        #expect(output.map { $0 >= 0.5 ? 1 : 0 } == Matrix(column: [0, 1, 1, 0]))
        #expect(result.history.trainingLoss.last! < 0.1 * result.history.trainingLoss.first!)
    }

    @Test func twoThreeOneNetworkSeparatesConcentricCircles() throws {
        let training = concentricCircles(count: 1000, seed: 1)
        let test = concentricCircles(count: 1000, seed: 2)
        var generator = SeededGenerator(seed: 7, stream: "weights")
        var network = Network(
            sizes: [2, 3, 1], activations: [.sigmoid, .sigmoid], initializer: .xavierUniform, generator: &generator)
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .binaryCrossEntropy, learningRate: 1.0, epochs: 5000))
        _ = try trainer.train(&network, on: training)
        let accuracy = Accuracy.fraction(output: network.predict(test.inputs), target: test.targets)
        #expect(accuracy >= 0.95, "test accuracy \(accuracy)")
    }

    @Test func sameSeedGivesBitIdenticalParameters() throws {
        func run() throws -> Network {
            var network = xorNetwork(seed: 11)
            let trainer = GradientDescentTrainer(
                configuration: TrainingConfiguration(
                    loss: .binaryCrossEntropy, optimizer: .defaultAdam, learningRate: 0.05, epochs: 50,
                    batching: .miniBatch(size: 3), seed: 5))
            _ = try trainer.train(&network, on: Self.xor)
            return network
        }
        let first = try run(), second = try run()
        #expect(first.denseLayers.map(\.weights.values) == second.denseLayers.map(\.weights.values))
        #expect(first.denseLayers.map(\.bias.values) == second.denseLayers.map(\.bias.values))
        #expect(first != xorNetwork(seed: 11))
    }

    @Test(arguments: [Optimizer.gradientDescent, .defaultMomentum, .defaultRMSProp, .defaultAdam])
    func everyOptimizerLowersTheLoss(optimizer: Optimizer) throws {
        var network = xorNetwork(seed: 3)
        let rate: Double = optimizer == .gradientDescent || optimizer == .defaultMomentum ? 0.5 : 0.05
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .binaryCrossEntropy, optimizer: optimizer, learningRate: rate, epochs: 300,
                batching: .stochastic, seed: 1))
        let result = try trainer.train(&network, on: Self.xor)
        #expect(result.iterations == 1200)
        #expect(result.history.trainingLoss.last! < result.history.trainingLoss.first! * 0.8)
    }

    /// Recording every 4th epoch keeps epochs 1, 4, 8 and the last, with the numbers an
    /// every-epoch run records for them, and changes no update.
    @Test func recordingFewerEpochsChangesNoUpdate() throws {
        func run(recordsEvery: Int) throws -> (Network, TrainingResult) {
            var network = xorNetwork(seed: 4)
            let trainer = GradientDescentTrainer(
                configuration: TrainingConfiguration(
                    loss: .binaryCrossEntropy, optimizer: .defaultMomentum, learningRate: 0.3, epochs: 10,
                    batching: .miniBatch(size: 2), seed: 2, recordsEvery: recordsEvery))
            let result = try trainer.train(&network, on: Self.xor)
            return (network, result)
        }
        let (every, everyResult) = try run(recordsEvery: 1)
        let (sparse, sparseResult) = try run(recordsEvery: 4)
        #expect(sparse == every)
        #expect(sparseResult.iterations == everyResult.iterations)
        #expect(sparseResult.history.epochs.map(\.epoch) == [1, 4, 8, 10])
        #expect(sparseResult.history.epochs == everyResult.history.epochs.filter { [1, 4, 8, 10].contains($0.epoch) })
    }

    @Test func momentumFollowsPyTorchsForm() throws {
        // One weight, loss ½(w·1 − 0)²: g = w. v₁ = g₁, w₁ = w₀ − η v₁; v₂ = β v₁ + g₂.
        var network = Network(layers: [DenseLayer(weights: Matrix(scalar: 1), bias: Matrix(scalar: 0), activation: .linear)])
        let data = LabeledData(inputs: Matrix(scalar: 1), targets: Matrix(scalar: 0))
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .halfSquaredError, optimizer: .momentum(beta: 0.9), learningRate: 0.1, epochs: 2))
        _ = try trainer.train(&network, on: data)
        // w, b after step 1: 0.9, −0.1; gradient 0.8 for both; v = 0.9 + 0.8 = 1.7 and −0.9·... for b.
        #expect(isClose(network[dense: 0].weights.scalar, 0.9 - 0.1 * (0.9 * 1 + 0.8)))
        #expect(isClose(network[dense: 0].bias.scalar, -0.1 - 0.1 * (0.9 * 1 + 0.8)))
    }

    @Test func weightDecayShrinksTheWeights() throws {
        func trainedWeightNorm(decay: Double) throws -> Double {
            var network = xorNetwork(seed: 3)
            let trainer = GradientDescentTrainer(
                configuration: TrainingConfiguration(
                    loss: .binaryCrossEntropy, learningRate: 1, epochs: 500, weightDecay: decay))
            _ = try trainer.train(&network, on: Self.xor)
            return network.denseLayers.reduce(0) { $0 + $1.weights.sumOfSquares() }
        }
        #expect(try trainedWeightNorm(decay: 0.05) < 0.5 * trainedWeightNorm(decay: 0))
    }

    @Test func earlyStoppingStopsAndRestoresTheBestEpoch() throws {
        // Training on one XOR labelling and validating on the opposite one: validation only gets worse.
        var network = xorNetwork(seed: 3)
        let flipped = LabeledData(inputs: truthTableInputs, targets: Matrix(column: [1, 0, 0, 1]))
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .binaryCrossEntropy, learningRate: 1, epochs: 3000,
                earlyStopping: EarlyStopping(patience: 20)))
        let result = try trainer.train(&network, on: Self.xor, validation: flipped)
        let best = try #require(result.bestEpoch)
        #expect(result.stoppedEarly)
        #expect(result.history.epochs.count == best + 20)
        let bestLoss = result.history.validationLoss[best - 1]
        #expect(isClose(trainer.evaluate(network, on: flipped).loss, bestLoss, tolerance: 1e-12))
        #expect(result.history.validationLoss.allSatisfy { $0 >= bestLoss })
    }

    @Test func aHugeLearningRateIsReportedAsDivergence() {
        var generator = SeededGenerator(seed: 3, stream: "weights")
        var network = Network(
            sizes: [2, 2, 1], activations: [.sigmoid, .linear], initializer: .xavierUniform, generator: &generator)
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .squaredError, learningRate: 1e200, epochs: 100, batching: .stochastic))
        let before = network
        #expect {
            try trainer.train(&network, on: Self.xor)
        } throws: { error in
            guard let error = error as? TrainingError, case let .diverged(step, quantity, _, rate) = error else {
                return false
            }
            return step.epoch == 1 && rate == 1e200 && quantity.hasPrefix("the ")
                && error.description.hasPrefix("training diverged in epoch \(step.epoch) (update \(step.step)): \(quantity) became ")
                && error.description.hasSuffix("; try a smaller learning rate than 1e+200")
        }
        #expect(network.denseLayers.allSatisfy { $0.weights.isFinite && $0.bias.isFinite })
        #expect(network != before)
    }

    /// The first layer skips the batch's zeros without checking its weights only once the
    /// trainer knows they are finite. An infinite weight at a pixel no image uses would then never
    /// be read; checked first, it makes every net input NaN (0 · ∞), and training says so.
    @Test func anInfiniteStartingWeightAtAnUnusedPixelIsStillReportedAsDivergence() {
        var generator = SeededGenerator(seed: 77)
        let inputs = Matrix(rows: 128, columns: 784) { _, p in
            p >= 100 && generator.nextUniform(from: 0, to: 1) < 0.2 ? generator.nextUniform(from: 0, to: 1) : 0
        }
        let targets = Matrix(rows: 128, columns: 10) { i, j in j == i % 10 ? 1 : 0 }
        var network = Network(
            sizes: [784, 128, 10], activations: [.sigmoid, .softmax], initializer: .xavierUniform, generator: &generator)
        var first = network.layers[0] as! DenseLayer
        first.weights[3, 5] = .infinity  // pixel 3 is zero in every image
        network.layers[0] = first
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .categoricalCrossEntropy, learningRate: 0.01, epochs: 1, batching: .miniBatch(size: 64)))
        #expect {
            try trainer.train(&network, on: LabeledData(inputs: inputs, targets: targets))
        } throws: { error in
            guard let error = error as? TrainingError, case let .diverged(step, quantity, _, _) = error else { return false }
            return step.epoch == 1 && step.step == 1 && quantity == "the loss"
        }
    }

    /// A loss that grows by orders of magnitude while staying finite was reported as a finished
    /// run (26 → 1.6·10⁵). One weight and one bias, loss ½a² with a = w + b: each step
    /// multiplies a by 1 − 2η = −2, so epoch k's loss is ½·4^(k−1): 128 in epoch 5 (256 times
    /// the first) is still training, 512 in epoch 6 (1024 times) has diverged.
    @Test func aLossThatGrowsAThousandfoldIsReportedAsDivergence() {
        var network = Network(layers: [DenseLayer(weights: Matrix(scalar: 1), bias: Matrix(scalar: 0), activation: .linear)])
        let data = LabeledData(inputs: Matrix(scalar: 1), targets: Matrix(scalar: 0))
        var losses = [Double]()
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .halfSquaredError, learningRate: 1.5, epochs: 20)
        ) { losses.append($0.trainingLoss) }
        #expect {
            try trainer.train(&network, on: data)
        } throws: { error in
            (error as? TrainingError)?.description
                == "training diverged in epoch 6: the training loss grew from 0.5 in epoch 1 to 512, more than 1000 times "
                + "as much; try a smaller learning rate than 1.5"
        }
        #expect(losses == [0.5, 2, 8, 32, 128, 512])
    }

    @Test func traceRecordsTheScheduledStepsAndTheirRelationsHold() throws {
        var network = xorNetwork(seed: 3)
        let schedule = TraceSchedule(steps: [TraceStep(epoch: 2, step: 1)], everyIterations: 5)
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .binaryCrossEntropy, learningRate: 0.5, epochs: 3, batching: .miniBatch(size: 2),
                shuffles: false, trace: schedule))
        let result = try trainer.train(&network, on: Self.xor)
        #expect(result.trace.records.map(\.iteration) == [3, 5])
        let record = try #require(result.trace.record(at: TraceStep(epoch: 2, step: 1)))
        let a1 = try #require(record["a1"]), s2 = try #require(record["s2"]), m = try #require(record["m"]).scalar
        let eta = try #require(record["eta"]).scalar
        // The chapters' relations: n¹ = x W¹ + b¹, dZ² = A² − Y, dW² = (A¹)ᵀ dZ² / m, W²_new = W² − η dW².
        expectClose(try #require(record["n1"]), try #require(record["x"]).matmul(try #require(record["W1"])) + (try #require(record["b1"])))
        expectClose(s2, try #require(record["A2"]) - (try #require(record["y"])))
        expectClose(try #require(record["dW2"]), Matrix.product(a1, s2, transposingLeft: true) / m)
        expectClose(try #require(record["W2_new"]), try #require(record["W2"]) - (try #require(record["dW2"])) * eta)
        #expect(record["nothing"] == nil)
    }

    @Test func bipolarTargetsSplitAtZeroInTheTrainingAccuracy() throws {
        // Outputs 0.3 and −0.3 for targets +1 and −1: both right when the classes split at 0
        // (at 0.5 the first would count as wrong).
        var network = Network(layers: [
            DenseLayer(weights: Matrix(column: [0.3]), bias: Matrix(scalar: 0), activation: .linear)
        ])
        let data = LabeledData(inputs: Matrix(column: [1, -1]), targets: Matrix(column: [1, -1]))
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .squaredError, learningRate: 0, epochs: 1, batching: .stochastic))
        let result = try trainer.train(&network, on: data, validation: data)
        #expect(result.history.epochs[0].trainingAccuracy == 1)
        #expect(result.history.epochs[0].validationAccuracy == 1)
        #expect(Accuracy.threshold(for: .linear, targets: Matrix(column: [0, 1])) == 0.5)
        #expect(Accuracy.threshold(for: .tanh, targets: Matrix(column: [-1, 1])) == 0)
        // An output in [0, 1] is split at 0.5 whatever the targets say.
        #expect(Accuracy.threshold(for: .sigmoid, targets: Matrix(column: [-1, 1])) == 0.5)
    }
}
