import Testing

@testable import Engine

/// A small logistic network's pass by halves of the batch on two threads gives the bits of
/// the serial forward and backward pass, and training with it the bits of training on one thread.
struct PassInHalvesTests {
    /// Targets of 0 and 1, `rows × columns`.
    private func labels(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns) { _, _ in generator.nextUniform() < 0.5 ? 0 : 1 }
    }

    private func network(_ sizes: [Int], seed: UInt64) -> Network {
        var generator = SeededGenerator(seed: seed)
        return Network(
            sizes: sizes, activations: Array(repeating: .sigmoid, count: sizes.count - 1), initializer: .xavierUniform,
            generator: &generator)
    }

    /// The circles network (two layers), a deeper one (three: the gradients alternate between
    /// the threads), halves of odd sizes, and layers whose products take each loop of the direct
    /// kernels (one to four outputs, more than four).
    @Test(arguments: [([2, 3, 1], 1000), ([2, 4, 3, 1], 1003), ([3, 5, 2], 257), ([4, 9, 6, 2], 300), ([1, 1], 999)])
    func aPassByHalvesHasTheBitsOfTheSerialPass(sizes: [Int], rows: Int) throws {
        let network = network(sizes, seed: 71)
        let input = randomMatrix(rows, sizes[0], seed: 72)
        let target = labels(rows, sizes.last!, seed: 73)
        try #require(network.passesInHalves(rows: rows, loss: .binaryCrossEntropy))
        var halves = PassBuffers(layerCount: network.layers.count)
        network.passInHalves(input: input, target: target, in: &halves)
        var serial = PassBuffers(layerCount: network.layers.count)
        network.forward(input, into: &serial)
        network.backward(input: input, target: target, loss: .binaryCrossEntropy, in: &serial)
        let pairs = [
            ("n", halves.nets, serial.nets), ("a", halves.outputs, serial.outputs),
            ("s", halves.gradients.sensitivities, serial.gradients.sensitivities),
            ("dW", halves.gradients.weights, serial.gradients.weights), ("db", halves.gradients.biases, serial.gradients.biases),
        ]
        for (name, split, whole) in pairs {
            for index in whole.indices {
                #expect(split[index].rows == whole[index].rows && split[index].columns == whole[index].columns)
                #expect(
                    split[index].values.map(\.bitPattern) == whole[index].values.map(\.bitPattern),
                    "\(name)\(index + 1) of \(sizes) over \(rows) rows")
            }
        }
    }

    /// Only small logistic networks trained with cross-entropy over a large batch on two threads.
    @Test func onlyASmallLogisticNetworkOverALargeBatchIsSplit() {
        let small = network([2, 3, 1], seed: 74)
        #expect(small.passesInHalves(rows: 1000, loss: .binaryCrossEntropy))
        #expect(!small.passesInHalves(rows: 255, loss: .binaryCrossEntropy))
        #expect(!small.passesInHalves(rows: 1000, loss: .squaredError))
        var generator = SeededGenerator(seed: 75)
        let tanh = Network(sizes: [2, 3, 1], activations: [.tanh, .sigmoid], initializer: .xavierUniform, generator: &generator)
        #expect(!tanh.passesInHalves(rows: 1000, loss: .binaryCrossEntropy))
        #expect(!network([2, 17, 1], seed: 76).passesInHalves(rows: 1000, loss: .binaryCrossEntropy))
        #expect(!network([20, 3, 1], seed: 77).passesInHalves(rows: 1000, loss: .binaryCrossEntropy))
    }

    /// Training the circles network on two threads (by halves) and on one (the serial pass)
    /// ends with the same parameters and the same recorded losses, bit for bit.
    @Test func trainingByHalvesEndsWhereTrainingOnOneThreadDoes() throws {
        let input = randomMatrix(1000, 2, seed: 78)
        let target = labels(1000, 1, seed: 79)
        let data = LabeledData(inputs: input, targets: target)
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .binaryCrossEntropy, learningRate: 1, epochs: 300, seed: 1, recordsEvery: 50))
        var results: [(Network, [Double])] = []
        for threads in [2, 1] {
            try Kernels.withSettings(threads: threads) {
                var trained = network([2, 3, 1], seed: 80)
                let result = try trainer.train(&trained, on: data)
                results.append((trained, result.history.epochs.map(\.trainingLoss)))
            }
        }
        for (split, serial) in zip(results[0].0.denseLayers, results[1].0.denseLayers) {
            #expect(split.weights.values.map(\.bitPattern) == serial.weights.values.map(\.bitPattern))
            #expect(split.bias.values.map(\.bitPattern) == serial.bias.values.map(\.bitPattern))
        }
        #expect(results[0].1.map(\.bitPattern) == results[1].1.map(\.bitPattern))
        #expect(results[0].1.count >= 2)
    }
}
