import Testing
@testable import Engine

@Suite struct PerceptronRuleTests {
    func train(targets: [Double], epochs: Int) -> (PerceptronRule.Result, DenseLayer) {
        var layer = DenseLayer(weights: Matrix(rows: 2, columns: 1), bias: Matrix(scalar: 0), activation: .hardLimit)
        let rule = PerceptronRule(learningRate: 0.1, maximumEpochs: epochs)
        let result = rule.train(&layer, on: LabeledData(inputs: truthTableInputs, targets: Matrix(column: targets)))
        return (result, layer)
    }

    @Test(arguments: [("AND", [0.0, 0, 0, 1]), ("OR", [0.0, 1, 1, 1])])
    func convergesOnALinearlySeparableGate(name: String, targets: [Double]) {
        let (result, layer) = train(targets: targets, epochs: 50)
        #expect(result.converged, "\(name) did not converge in 50 epochs: \(result.errorsPerEpoch)")
        #expect(result.epochsRun <= 10)
        #expect(result.errorsPerEpoch.last == 0)
        let network = Network(layers: [layer])
        #expect(network.predict(truthTableInputs) == Matrix(column: targets))
    }

    @Test func andFromZeroWeightsTakesTheExpectedUpdates() {
        let (result, layer) = train(targets: [0, 0, 0, 1], epochs: 50)
        // Epoch 1: hardlim(0) = 1 on (0,0) is a mistake: b ← 0 + 0.1·(0 − 1) = −0.1.
        let first = result.updates[0]
        #expect(first.output == Matrix(scalar: 1))
        #expect(first.error == Matrix(scalar: -1))
        #expect(first.biasChange == Matrix(scalar: -0.1))
        #expect(first.weightChange == Matrix(column: [0, 0]))
        // In exact arithmetic epoch 4 would misclassify (1,0) with n = 0.2 − 0.2 = 0. In binary
        // floating point b = −0.3 + 0.1 is −0.20000000000000004, so n < 0 and epoch 4 is clean.
        #expect(result.errorsPerEpoch == [2, 3, 3, 0])
        #expect(layer.weights == Matrix(column: [0.2, 0.1]))
        #expect(layer.bias == Matrix(scalar: -0.20000000000000004))
    }

    @Test func neverConvergesOnXOR() {
        let (result, _) = train(targets: [0, 1, 1, 0], epochs: 200)
        #expect(!result.converged)
        #expect(result.epochsRun == 200)
        #expect(result.errorsPerEpoch.allSatisfy { $0 >= 1 })
    }

    @Test func traceHoldsTheRuleFilledIn() throws {
        let (result, _) = train(targets: [0, 0, 0, 1], epochs: 50)
        let record = try #require(result.trace.record(at: TraceStep(epoch: 1, step: 4)))
        let theta = try #require(record["theta"]), thetaNew = try #require(record["theta_new"])
        let x = try #require(record["x"]), y = try #require(record["y"]), a = try #require(record["a"])
        let eta = try #require(record["eta"]).scalar
        // θ_new = θ + η [1 x]ᵀ (y − a)
        let augmented = Matrix.horizontalConcatenation([Matrix(scalar: 1), x])
        expectClose(thetaNew, theta + Matrix.product(augmented, y - a, transposingLeft: true) * eta)
        #expect(theta.rows == 3 && theta.columns == 1)
    }
}
