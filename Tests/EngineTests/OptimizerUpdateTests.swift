import Testing

@testable import Engine

/// The optimizers' vectorized update loops (`MatrixKernels/update.c`) give the bits of the
/// scalar formulas, in both versions and split over two threads, and catch a non-finite value.
@Suite(.serialized) struct OptimizerUpdateTests {
    static let optimizers: [Optimizer] = [
        .gradientDescent, .defaultMomentum, .defaultRMSProp, .defaultAdam, .adam(beta1: 0.8, beta2: 0.99, epsilon: 1e-3),
        // β₁ = 0: 1 − β₁ᵗ is 1 from the first step, as it is for β₁ = 0.9 after a few hundred
        // steps, and the loop that skips that division runs.
        .adam(beta1: 0, beta2: 0.99, epsilon: 1e-3),
    ]

    /// A 181×190 first layer (34,390 weights, split over two threads) and a 190×3 second one
    /// (570 weights, an odd count that leaves a tail after the vector lanes).
    func network() -> Network {
        Network(layers: [
            DenseLayer(weights: randomMatrix(181, 190, seed: 21), bias: randomMatrix(1, 190, seed: 22), activation: .relu),
            DenseLayer(weights: randomMatrix(190, 3, seed: 23), bias: randomMatrix(1, 3, seed: 24), activation: .linear),
        ])
    }

    /// Three steps of `optimizer` with fixed gradients, through the engine.
    func engineSteps(_ optimizer: Optimizer) -> Network {
        var network = network()
        var state = OptimizerState(optimizer: optimizer, network: network)
        for step in 1...3 {
            let weights = network.layers.indices.map { randomMatrix(network[dense: $0].weights.rows, network[dense: $0].weights.columns, seed: UInt64(100 * step + $0)) }
            let biases = network.layers.indices.map { randomMatrix(1, network[dense: $0].bias.columns, seed: UInt64(100 * step + 50 + $0)) }
            let gradients = zip(weights, biases).flatMap { [$0.0, $0.1] }
            #expect(state.update(&network, gradients: gradients, learningRate: 0.05) == nil)
        }
        return network
    }

    /// The same three steps, entry by entry, with the formulas written out in Swift.
    func scalarSteps(_ optimizer: Optimizer) -> Network {
        var network = network()
        var parameters = network.denseLayers.flatMap { [$0.weights.values, $0.bias.values] }
        var first = parameters.map { [Double](repeating: 0, count: $0.count) }
        var second = first
        for step in 1...3 {
            let gradients = network.layers.indices.flatMap { layer in
                [randomMatrix(network[dense: layer].weights.rows, network[dense: layer].weights.columns, seed: UInt64(100 * step + layer)).values,
                 randomMatrix(1, network[dense: layer].bias.columns, seed: UInt64(100 * step + 50 + layer)).values]
            }
            var c1 = 1.0, c2 = 1.0
            if let adam = optimizer.rule as? Adam {
                for _ in 0..<step { c1 *= adam.beta1; c2 *= adam.beta2 }
                c1 = 1 - c1
                c2 = 1 - c2
            }
            for slot in parameters.indices {
                for i in parameters[slot].indices {
                    let g = gradients[slot][i], w = parameters[slot][i]
                    switch optimizer.rule {
                    case is GradientDescent:
                        parameters[slot][i] = w + -0.05 * g
                    case let momentum as Momentum:
                        first[slot][i] = first[slot][i] * momentum.beta + g
                        parameters[slot][i] = w + -0.05 * first[slot][i]
                    case let rms as RMSProp:
                        second[slot][i] = rms.rho * second[slot][i] + (1 - rms.rho) * g * g
                        parameters[slot][i] = w + -0.05 * (g / (second[slot][i].squareRoot() + rms.epsilon))
                    case let adam as Adam:
                        first[slot][i] = adam.beta1 * first[slot][i] + (1 - adam.beta1) * g
                        second[slot][i] = adam.beta2 * second[slot][i] + (1 - adam.beta2) * g * g
                        parameters[slot][i] = w + -0.05 * ((first[slot][i] / c1) / ((second[slot][i] / c2).squareRoot() + adam.epsilon))
                    default:
                        Issue.record("no scalar formula for \(optimizer)")
                    }
                }
            }
        }
        for layer in network.layers.indices {
            network[dense: layer].weights.values = parameters[2 * layer]
            network[dense: layer].bias.values = parameters[2 * layer + 1]
        }
        return network
    }

    @Test(arguments: optimizers)
    func bothVersionsGiveTheBitsOfTheFormulas(optimizer: Optimizer) {
        let expected = scalarSteps(optimizer)
        #expect(engineSteps(optimizer) == expected)
        #expect(Kernels.withBaseline { engineSteps(optimizer) } == expected)
    }

    @Test(arguments: optimizers)
    func aNonFiniteValueAnywhereLeavesTheNetworkUnchanged(optimizer: Optimizer) {
        for (layer, index) in [(0, 0), (0, 34_389), (0, 17_195), (1, 569), (1, 3)] {
            var network = network()
            let before = network
            var state = OptimizerState(optimizer: optimizer, network: network)
            var weights = network.denseLayers.map { Matrix(rows: $0.weights.rows, columns: $0.weights.columns) }
            let biases = network.denseLayers.map { Matrix(rows: 1, columns: $0.bias.columns) }
            weights[layer].values[index] = .infinity
            let gradients = zip(weights, biases).flatMap { [$0.0, $0.1] }
            let bad = state.update(&network, gradients: gradients, learningRate: 0.05)
            #expect(bad?.name == "W\(layer + 1)")
            #expect(bad.map { !$0.value.isFinite } == true)
            #expect(network == before)
        }
    }
}
