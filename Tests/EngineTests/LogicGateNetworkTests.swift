import Testing
@testable import Engine

/// The hand-designed perceptrons and the XOR network of seed 004 compute their truth tables.
@Suite struct LogicGateNetworkTests {
    func perceptron(bias: Double) -> Network {
        Network(layers: [DenseLayer(weights: Matrix(column: [1, 1]), bias: Matrix(scalar: bias), activation: .hardLimit)])
    }

    @Test func andPerceptron() {
        #expect(perceptron(bias: -1.5).predict(truthTableInputs) == Matrix(column: [0, 0, 0, 1]))
    }

    @Test func orPerceptron() {
        #expect(perceptron(bias: -0.5).predict(truthTableInputs) == Matrix(column: [0, 1, 1, 1]))
    }

    @Test func xorNetwork() {
        let network = Network(layers: [
            DenseLayer(weights: Matrix([[1, -1], [-1, 1]]), bias: Matrix(row: [-0.5, -0.5]), activation: .hardLimit),
            DenseLayer(weights: Matrix(column: [1, 1]), bias: Matrix(scalar: -0.5), activation: .hardLimit),
        ])
        let pass = network.forward(truthTableInputs)
        // The hidden units detect "x₁ and not x₂" and "x₂ and not x₁"; the output ORs them.
        #expect(pass.outputs[0] == Matrix([[0, 0], [0, 1], [1, 0], [0, 0]]))
        #expect(pass.output == Matrix(column: [0, 1, 1, 0]))
    }
}
