import Testing
@testable import Engine

/// Evaluation passes go slice by slice of rows, so that memory stays bounded, and give the
/// numbers of one pass over all samples.
@Suite struct EvaluationSliceTests {
    /// A 2-4000-3 network: slices of 1,000 rows, the 2,500 samples in three of them.
    private let network = Network(layers: [
        DenseLayer(weights: randomMatrix(2, 4000, seed: 1), bias: randomMatrix(1, 4000, seed: 2), activation: .tanh),
        DenseLayer(weights: randomMatrix(4000, 3, seed: 3).map { $0 / 40 }, bias: randomMatrix(1, 3, seed: 4), activation: .softmax),
    ])

    @Test func slicesHoldAtMostTheBudgetAndGiveTheOnePassNumbers() {
        #expect(network.evaluationSliceRows == 1000)
        let input = randomMatrix(2500, 2, seed: 5)
        var ranges = [Range<Int>]()
        network.forwardInSlices(input) { range, _, _ in ranges.append(range) }
        #expect(ranges == [0..<1000, 1000..<2000, 2000..<2500])
        let whole = network.forward(input).output
        #expect(network.predict(input) == whole)

        let labels = (0..<2500).map { $0 % 3 }
        let data = LabeledData(inputs: input, targets: Matrix(rows: 2500, columns: 3) { row, column in labels[row] == column ? 1 : 0 })
        let trainer = GradientDescentTrainer(configuration: TrainingConfiguration(loss: .categoricalCrossEntropy, learningRate: 0.1, epochs: 1))
        let (loss, accuracy) = trainer.evaluate(network, on: data)
        let pass = network.forward(input)
        #expect(loss == Loss.categoricalCrossEntropy.value(output: whole, net: pass.nets[1], target: data.targets, activation: .softmax))
        #expect(accuracy == Accuracy.fraction(output: whole, target: data.targets))
    }
}
