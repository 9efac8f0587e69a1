import Testing
@testable import Engine

/// The worked example of one backpropagation step at the end of seed 004: x = [1 1], y = 0,
/// W¹ = [[1, 1], [1, 1]], b¹ = [0 0], W² = [1 1]ᵀ, b² = 0, ReLU hidden layer, linear output,
/// squared error (y − a)², η = 0.1. Every number below is the seed's.
@Suite struct BackpropagationExampleTests {
    let network = Network(layers: [
        DenseLayer(weights: Matrix([[1, 1], [1, 1]]), bias: Matrix(row: [0, 0]), activation: .relu),
        DenseLayer(weights: Matrix(column: [1, 1]), bias: Matrix(scalar: 0), activation: .linear),
    ])
    let example = LabeledData(inputs: Matrix(row: [1, 1]), targets: Matrix(scalar: 0))

    @Test func forwardPassMatchesTheSeed() {
        let pass = network.forward(example.inputs)
        #expect(pass.nets[0] == Matrix(row: [2, 2]))  // n¹ (eq. 40)
        #expect(pass.outputs[0] == Matrix(row: [2, 2]))  // a¹ (eq. 41)
        #expect(pass.nets[1] == Matrix(scalar: 4))  // n² (eq. 42)
        #expect(pass.outputs[1] == Matrix(scalar: 4))  // a² (eq. 43)
    }

    @Test func sensitivitiesMatchTheSeed() {
        let gradients = network.backward(network.forward(example.inputs), target: example.targets, loss: .squaredError)
        #expect(gradients.sensitivities[1] == Matrix(scalar: 8))  // s² = −2(0 − 4)·1 (eq. 45)
        #expect(gradients.sensitivities[0] == Matrix(row: [8, 8]))  // s¹ = s² (W²)ᵀ F¹ (eq. 47)
    }

    @Test func oneUpdateGivesTheSeedsParameters() throws {
        var trained = network
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .squaredError, learningRate: 0.1, epochs: 1, trace: .all))
        let result = try trainer.train(&trained, on: example)
        expectClose(trained[dense: 0].weights, Matrix([[0.2, 0.2], [0.2, 0.2]]))  // eq. 48
        expectClose(trained[dense: 0].bias, Matrix(row: [-0.8, -0.8]))  // eq. 49
        expectClose(trained[dense: 1].weights, Matrix(column: [-0.6, -0.6]))  // eq. 50
        expectClose(trained[dense: 1].bias, Matrix(scalar: -0.8))  // eq. 51

        let record = try #require(result.trace.record(at: TraceStep(epoch: 1, step: 1)))
        #expect(record["s2"] == Matrix(scalar: 8))
        #expect(record["dZ1"] == Matrix(row: [8, 8]))
        #expect(record["loss"] == Matrix(scalar: 16))
        #expect(record["W1"] == Matrix([[1, 1], [1, 1]]))
        expectClose(try #require(record["W1_new"]), Matrix([[0.2, 0.2], [0.2, 0.2]]))
    }
}
