/// A feed-forward network of dense layers, `a⁰ = x`, `aᵏ = fᵏ(aᵏ⁻¹ Wᵏ + bᵏ)`.
public struct Network: Sendable, Hashable, CustomStringConvertible {
    /// The layers, first hidden layer first, output layer last.
    public var layers: [DenseLayer]

    /// Creates a network from explicit layers, whose sizes must chain.
    public init(layers: [DenseLayer]) {
        require(!layers.isEmpty, "Network: a network needs at least one layer")
        for (index, pair) in zip(layers, layers.dropFirst()).enumerated() {
            require(
                pair.0.outputCount == pair.1.inputCount,
                "Network: layer \(index + 1) weights \(pair.0.weights.shapeDescription) do not chain into "
                    + "layer \(index + 2) weights \(pair.1.weights.shapeDescription)")
        }
        self.layers = layers
    }

    /// Creates a network with the given layer sizes (inputs first) and freshly drawn weights.
    ///
    /// - Parameters:
    ///   - sizes: the number of units per layer, the input layer first: `[2, 3, 1]` is a 2-3-1 network.
    ///   - activations: one activation per non-input layer.
    ///   - initializer: how weights are drawn; biases start at zero.
    ///   - generator: the source of every random weight.
    public init(sizes: [Int], activations: [Activation], initializer: Initializer, generator: inout SeededGenerator) {
        require(sizes.count >= 2, "Network: sizes \(sizes) need an input and at least one layer")
        require(
            activations.count == sizes.count - 1,
            "Network: \(activations.count) activations for \(sizes.count - 1) layers")
        var layers = [DenseLayer]()
        for index in 1..<sizes.count {
            layers.append(
                DenseLayer(
                    weights: initializer.weights(inputs: sizes[index - 1], outputs: sizes[index], using: &generator),
                    bias: Matrix(rows: 1, columns: sizes[index]),
                    activation: activations[index - 1]))
        }
        self.init(layers: layers)
    }

    /// The layer sizes, inputs first (`[2, 3, 1]`).
    public var sizes: [Int] { [layers[0].inputCount] + layers.map(\.outputCount) }
    /// The number of weights and biases.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }
    /// The output layer.
    public var outputLayer: DenseLayer { layers[layers.count - 1] }

    /// `Network(2→3, sigmoid; 3→1, sigmoid)`.
    public var description: String {
        "Network(" + layers.map { "\($0.inputCount)→\($0.outputCount), \($0.activation)" }.joined(separator: "; ") + ")"
    }

    /// The forward pass, keeping every layer's net input and activation.
    public func forward(_ input: Matrix) -> ForwardPass {
        var buffers = PassBuffers(layerCount: layers.count)
        forward(input, into: &buffers)
        return ForwardPass(input: input, nets: buffers.nets, outputs: buffers.outputs)
    }

    /// The network's output for `input`.
    public func predict(_ input: Matrix) -> Matrix {
        var buffers = PassBuffers(layerCount: layers.count)
        forward(input, into: &buffers)
        return buffers.outputs[layers.count - 1]
    }

    /// The backward pass: every layer's sensitivity and parameter gradients for the batch mean loss.
    ///
    /// ```
    /// dZᴸ = ∂Lᵢ/∂nᴸ (per sample)          dZᵏ = (dZᵏ⁺¹ (Wᵏ⁺¹)ᵀ) ⊙ fᵏ'(nᵏ)
    /// dWᵏ = (aᵏ⁻¹)ᵀ dZᵏ / m               dbᵏ = Σ rows of dZᵏ / m
    /// ```
    public func backward(_ pass: ForwardPass, target: Matrix, loss: Loss) -> Gradients {
        var buffers = PassBuffers(layerCount: layers.count)
        buffers.nets = pass.nets
        buffers.outputs = pass.outputs
        backward(input: pass.input, target: target, loss: loss, in: &buffers)
        return Gradients(
            sensitivities: buffers.sensitivities, weights: buffers.weightGradients, biases: buffers.biasGradients)
    }
}

/// What the forward pass computed: every layer's net input `nᵏ` (`Zᵏ`) and activation `aᵏ` (`Aᵏ`).
public struct ForwardPass: Sendable {
    /// The input `a⁰ = x`, `m × inputs`.
    public let input: Matrix
    /// The net inputs, one per layer.
    public let nets: [Matrix]
    /// The activations, one per layer.
    public let outputs: [Matrix]

    /// The network's output, the last layer's activation.
    public var output: Matrix { outputs[outputs.count - 1] }

    /// The input to layer `index` (0-based): `x` for the first layer, the previous activation otherwise.
    public func activation(ofLayer index: Int) -> Matrix {
        index == 0 ? input : outputs[index - 1]
    }
}

/// The gradients of one backward pass, one entry per layer.
public struct Gradients: Sendable {
    /// The per-sample sensitivities `dZᵏ = ∂Lᵢ/∂nᵏ` (δ in one notation, s in another).
    public var sensitivities: [Matrix]
    /// `∂L/∂Wᵏ`, averaged over the batch.
    public var weights: [Matrix]
    /// `∂L/∂bᵏ`, averaged over the batch.
    public var biases: [Matrix]
}
