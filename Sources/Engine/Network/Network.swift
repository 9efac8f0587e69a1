/// A feed-forward network, `a⁰ = x`, `aᵏ = layerᵏ(aᵏ⁻¹)`; a dense layer's is `fᵏ(aᵏ⁻¹ Wᵏ + bᵏ)`.
///
/// The last layer is dense: the loss reads its activation and net input.
public struct Network: Sendable, Hashable, CustomStringConvertible {
    /// The layers, first hidden layer first, output layer last.
    public var layers: [any Layer]

    /// Creates a network from explicit layers, whose sizes must chain and whose last layer is dense.
    public init(layers: [any Layer]) {
        require(!layers.isEmpty, "Network: a network needs at least one layer")
        for (index, pair) in zip(layers, layers.dropFirst()).enumerated() {
            require(
                pair.0.outputCount == pair.1.inputCount,
                "Network: layer \(index + 1) \(pair.0) (\(pair.0.outputCount) outputs) does not chain into "
                    + "layer \(index + 2) \(pair.1) (\(pair.1.inputCount) inputs)")
        }
        require(layers.last is DenseLayer, "Network: the last layer must be dense, not \(layers[layers.count - 1])")
        self.layers = layers
    }

    /// Creates a network of dense layers.
    public init(layers: [DenseLayer]) {
        self.init(layers: layers.map { $0 as any Layer })
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

    /// Layer `index` (from 0), which must be dense, to read or change.
    public subscript(dense index: Int) -> DenseLayer {
        get {
            guard let layer = layers[index] as? DenseLayer else { preconditionFailure("Network: layer \(index + 1) is \(layers[index]), not dense") }
            return layer
        }
        set { layers[index] = newValue }
    }

    /// The dense layers, in order (every layer of a network built from sizes).
    public var denseLayers: [DenseLayer] { layers.compactMap { $0 as? DenseLayer } }
    /// Whether every layer is dense.
    public var isDense: Bool { layers.allSatisfy { type(of: $0) == DenseLayer.self } }
    /// The layer sizes, inputs first (`[2, 3, 1]`).
    public var sizes: [Int] { [layers[0].inputCount] + layers.map(\.outputCount) }
    /// The number of weights and biases.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }
    /// The multiply-adds of one sample's forward pass, over all layers (see `Layer.multiplyAdds`).
    public var multiplyAdds: Int { layers.reduce(0) { $0 + $1.multiplyAdds } }
    /// The output layer.
    public var outputLayer: DenseLayer { layers[layers.count - 1] as! DenseLayer }

    /// Every parameter, layer by layer in each layer's order (`W1`, `b1`, `W2`, …).
    public var parameters: [Matrix] { layers.flatMap(\.parameters) }
    /// Their trace names, in the same order.
    public var parameterNames: [String] {
        layers.enumerated().flatMap { index, layer in layer.parameterSymbols.map { "\($0)\(index + 1)" } }
    }

    /// Adds `shift` to entry `(row, column)` of parameter `parameter` of layer `layer` (both from 0).
    public mutating func shiftParameter(_ parameter: Int, ofLayer layer: Int, row: Int, column: Int, by shift: Double) {
        var values = layers[layer].parameters
        values[parameter][row, column] += shift
        layers[layer].swapParameters(with: &values)
    }

    /// `Network(2→3, sigmoid; 3→1, sigmoid)`.
    public var description: String {
        "Network(" + layers.map { layer in
            (layer as? DenseLayer).map { "\($0.inputCount)→\($0.outputCount), \($0.activation)" } ?? "\(layer)"
        }.joined(separator: "; ") + ")"
    }

    public static func == (lhs: Network, rhs: Network) -> Bool {
        lhs.layers.count == rhs.layers.count
            && zip(lhs.layers, rhs.layers).allSatisfy { $0.0.isEqual(to: $0.1) }
    }

    public func hash(into hasher: inout Hasher) {
        for layer in layers { hasher.combine(layer) }
    }

    /// The forward pass, keeping every layer's net input and activation.
    public func forward(_ input: Matrix, context: PassContext = .evaluation) -> ForwardPass {
        var buffers = PassBuffers(layerCount: layers.count)
        var context = context
        forward(input, into: &buffers, context: &context)
        return ForwardPass(input: input, nets: buffers.nets, outputs: buffers.outputs, layerBuffers: buffers.layers)
    }

    /// The network's output for `input`, passed in slices of rows (`forwardInSlices`).
    public func predict(_ input: Matrix) -> Matrix {
        outputs(of: input)
    }

    /// The backward pass: every layer's sensitivity and parameter gradients for the batch mean loss.
    ///
    /// ```
    /// dZᴸ = ∂Lᵢ/∂nᴸ (per sample)          dZᵏ = (dZᵏ⁺¹ (Wᵏ⁺¹)ᵀ) ⊙ fᵏ'(nᵏ)
    /// dWᵏ = (aᵏ⁻¹)ᵀ dZᵏ / m               dbᵏ = Σ rows of dZᵏ / m
    /// ```
    public func backward(_ pass: ForwardPass, target: Matrix, loss: Loss) -> Gradients {
        var buffers = PassBuffers(layerCount: layers.count)
        buffers.layers = pass.layerBuffers
        backward(input: pass.input, target: target, loss: loss, in: &buffers)
        return buffers.gradients
    }
}

/// What the forward pass computed: every layer's net input `nᵏ` (`Zᵏ`) and activation `aᵏ` (`Aᵏ`).
public struct ForwardPass: Sendable {
    /// The input `a⁰ = x`, `m × inputs`.
    public let input: Matrix
    /// The net inputs, one per layer (a layer without one: empty).
    public let nets: [Matrix]
    /// The activations, one per layer.
    public let outputs: [Matrix]
    /// Everything each layer kept for its backward pass (a dropout mask, say).
    let layerBuffers: [LayerBuffers]

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
    /// Each layer's parameter gradients, averaged over the batch, in its parameters' order.
    public var parameters: [[Matrix]]

    /// `∂L/∂Wᵏ` of each layer (the first parameter; empty for a layer without parameters).
    public var weights: [Matrix] { parameters.map { $0.first ?? Matrix(rows: 0, columns: 0) } }
    /// `∂L/∂bᵏ` of each layer (the second parameter; empty for a layer without).
    public var biases: [Matrix] { parameters.map { $0.count > 1 ? $0[1] : Matrix(rows: 0, columns: 0) } }
}
