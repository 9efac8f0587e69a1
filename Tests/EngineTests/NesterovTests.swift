import Testing

@testable import Engine

/// Nesterov momentum against two updates worked out by hand, η = 0.1, β = 0.9, the same
/// gradient both times:
/// ```
/// w = 1,  g = 0.5:  v = 0.5,   w = 1 − 0.1 (0.5 + 0.45)        = 0.905
///                   v = 0.95,  w = 0.905 − 0.1 (0.5 + 0.855)   = 0.7695
/// w = 2,  g = −1:   v = −1,    w = 2 − 0.1 (−1 − 0.9)          = 2.19
///                   v = −1.9,  w = 2.19 − 0.1 (−1 − 1.71)      = 2.461
/// b = 0.5, g = 2:   v = 2,     b = 0.5 − 0.1 (2 + 1.8)         = 0.12
///                   v = 3.8,   b = 0.12 − 0.1 (2 + 3.42)       = −0.422
/// ```
@Suite struct NesterovTests {
    @Test func twoUpdatesGiveTheNumbersWorkedOutByHand() throws {
        var network = Network(layers: [
            DenseLayer(weights: Matrix([[1.0], [2.0]]), bias: Matrix(scalar: 0.5), activation: .sigmoid)
        ])
        let optimizer = Optimizer(try #require(Optimizer.rule(named: "nesterov")), ["momentum": 0.9])
        var state = OptimizerState(optimizer: optimizer, network: network)
        let gradients = [Matrix([[0.5], [-1.0]]), Matrix(scalar: 2)]
        #expect(state.update(&network, gradients: gradients, learningRate: 0.1) == nil)
        expectClose(network[dense: 0].weights, Matrix([[0.905], [2.19]]))
        expectClose(network[dense: 0].bias, Matrix(scalar: 0.12))
        #expect(state.update(&network, gradients: gradients, learningRate: 0.1) == nil)
        expectClose(network[dense: 0].weights, Matrix([[0.7695], [2.461]]))
        expectClose(network[dense: 0].bias, Matrix(scalar: -0.422))
        expectClose(state.state(0, ofParameter: 0, inLayer: 0), Matrix([[0.95], [-1.9]]))
    }

    /// A lesson finds it by name, with β as the key `momentum` (0.9 unless given), and its
    /// velocity is traced as `W1_v`.
    @Test func itIsRegisteredWithItsSettingAndState() throws {
        let rule = try #require(Optimizer.rule(named: "nesterov"))
        #expect(rule.hyperparameters.map(\.key) == ["momentum"])
        #expect(rule.stateNames == ["v"])
        #expect(Optimizer(rule).description == "Nesterov momentum (β = 0.9)")
        let names = Optimizer.rules.map { $0.name }
        #expect(names.firstIndex(of: "nesterov")! == names.firstIndex(of: "momentum")! + 1)
    }

    @Test func aDivergingUpdateNamesTheParameter() {
        var network = Network(layers: [DenseLayer(weights: Matrix([[1.0]]), bias: Matrix(scalar: 0), activation: .linear)])
        var state = OptimizerState(optimizer: Optimizer(Optimizer.rule(named: "nesterov")!), network: network)
        let bad = state.update(&network, gradients: [Matrix([[Double.infinity]]), Matrix(scalar: 0)], learningRate: 0.1)
        #expect(bad?.name == "W1")
        #expect(network[dense: 0].weights == Matrix([[1.0]]))
    }
}
