import Engine
import LessonFormat

/// A `model` cell: the network's layers, activations and starting weights.
///
/// ```yaml
/// layers: [2, 3, 1]            # inputs first; or [2, 8, dropout: 0.5, 8, batch-norm, 1]
/// activation: sigmoid          # every dense layer, or `activations: [relu, softmax]`
/// slope: 0.01                  # the leaky ReLU's slope below 0; `alpha: 1` the ELU's α
/// init: xavier                 # zeros, uniform, normal, xavier, xavier-normal, he, he-uniform, explicit
/// ```
/// With `init: explicit`, each dense layer's weights and bias are given as `Wk`, `bk`, with
/// `k` its number among all layers.
struct ModelCell: Sendable, Equatable {
    /// The layers, as `layers:` lists them.
    public var layers: ModelLayers
    /// The sizes of the inputs and the dense layers, inputs first; setting them leaves only
    /// dense layers.
    public var sizes: [Int] {
        get { layers.denseSizes }
        set { layers = ModelLayers(sizes: newValue) }
    }
    /// One activation per dense layer.
    public var activations: [Activation]
    /// How weights are drawn, or `nil` for explicit weights.
    public var initializer: Initializer?
    /// The explicit layers, when `init: explicit`.
    public var explicitLayers: [DenseLayer]

    static let initializers: [String: Initializer] = [
        "zeros": .zeros, "xavier": .xavierUniform, "xavier-normal": .xavierNormal, "he": .heNormal,
        "he-uniform": .heUniform,
    ]

    static let activationNames = Activation.names

    /// The most weights a lesson may ask for; more would exhaust memory before training starts.
    public static let maximumParameterCount = 50_000_000

    /// Reads and checks a model cell.
    public init(_ cell: Cell) throws(LessonError) {
        let layerKeys = (1...19).flatMap { ["W\($0)", "b\($0)"] }
        let fields = try FieldReader(
            cell.body, place: "model cell", at: cell.position,
            allowedKeys: ["layers", "activation", "activations", "slope", "alpha", "init", "range", "std"] + layerKeys)
        layers = try ModelLayers(try fields.required("layers"))
        let layerCount = layers.activationCount

        if fields.contains("activations") {
            let value = try fields.required("activations")
            guard let items = value.items else {
                throw LessonError(.wrongType(key: "activations", in: "model cell", expected: "a list like [relu, softmax]", found: value.kindDescription), at: value.position)
            }
            guard items.count == layerCount else {
                throw LessonError(
                    .invalidValue(key: "activations", in: "model cell", message: "lists \(items.count) activations for \(layerCount) \(layers.activationCount == layers.denseSizes.count - 1 ? "dense" : "dense and convolution") layers"),
                    at: value.position)
            }
            var list = [Activation]()
            for item in items { list.append(try Self.activation(item)) }
            activations = list
        } else {
            let name = try fields.choice("activation", among: Self.activationNames, default: "sigmoid")
            activations = Array(repeating: Activation(named: name)!, count: layerCount)
        }
        for (key, kind) in [("slope", Activation.leakyRelu(slope: 0)), ("alpha", .elu(alpha: 0))] where fields.contains(key) {
            guard activations.contains(where: { $0.name == kind.name }) else {
                throw LessonError(
                    .invalidValue(key: key, in: "model cell", message: "is only read for a '\(kind.name)' layer"),
                    at: try fields.required(key).position)
            }
            let value = try fields.number(key, in: key == "slope" ? 0...1 : 0...100)
            activations = activations.map { $0.name == kind.name ? $0.with(parameter: value) : $0 }
        }

        let parameters = layers.parameterCount
        guard parameters <= Self.maximumParameterCount else {
            let value = try fields.required("layers")
            throw LessonError(
                .invalidValue(key: "layers", in: "model cell", message: "asks for \(NumberText.grouped(parameters)) weights; the limit is \(NumberText.grouped(Self.maximumParameterCount))"),
                at: value.position)
        }

        let method = try fields.choice(
            "init", among: Array(Self.initializers.keys).sorted() + ["uniform", "normal", "explicit"], default: "xavier")
        explicitLayers = []
        switch method {
        case "uniform":
            let range = fields.contains("range") ? try fields.matrix("range") : [[-1, 1]]
            guard range.count == 1, range[0].count == 2, range[0][0] < range[0][1] else {
                throw LessonError(.invalidValue(key: "range", in: "model cell", message: "should be [low, high] with low < high"), at: try fields.required("range").position)
            }
            initializer = .uniform(low: range[0][0], high: range[0][1])
        case "normal":
            initializer = .normal(mean: 0, standardDeviation: try fields.number("std", default: 1, in: 0...1e6))
        case "explicit":
            initializer = nil
            if let convolution = layers.items.firstIndex(where: { if case .dense = $0 { false } else { ModelLayers.usesActivation($0) } }) {
                throw LessonError(
                    .invalidValue(key: "init", in: "model cell", message: "'explicit' gives dense layers' weights; layer \(convolution + 1) has filters to draw: choose a drawn initialization"),
                    at: try fields.required("init").position)
            }
            var explicit = [DenseLayer]()
            let sizes = layers.denseSizes
            for (index, layer) in layers.denseLayerNumbers.enumerated() {
                let weights = try fields.matrix("W\(layer)")
                let bias = try fields.matrix("b\(layer)")
                let expected = (sizes[index], sizes[index + 1])
                guard weights.count == expected.0, weights[0].count == expected.1 else {
                    throw LessonError(
                        .invalidValue(key: "W\(layer)", in: "model cell", message: "is \(weights.count)×\(weights[0].count); layers \(sizes) need \(expected.0)×\(expected.1)"),
                        at: try fields.required("W\(layer)").position)
                }
                guard bias.count == 1, bias[0].count == expected.1 else {
                    throw LessonError(
                        .invalidValue(key: "b\(layer)", in: "model cell", message: "is \(bias.count)×\(bias[0].count); layers \(sizes) need 1×\(expected.1)"),
                        at: try fields.required("b\(layer)").position)
                }
                explicit.append(DenseLayer(weights: Matrix(weights), bias: Matrix(bias), activation: activations[index]))
            }
            explicitLayers = explicit
        default:
            initializer = Self.initializers[method]
        }
        let denseKeys = Set(layers.denseLayerNumbers.flatMap { ["W\($0)", "b\($0)"] })
        if let stray = layerKeys.first(where: { fields.contains($0) && (method != "explicit" || !denseKeys.contains($0)) }) {
            guard method != "explicit" else {
                throw LessonError(
                    .invalidValue(key: stray, in: "model cell", message: "names no dense layer; the dense layers are \(layers.denseLayerNumbers.map { "W\($0)" }.joined(separator: ", "))"),
                    at: try fields.required(stray).position)
            }
            throw LessonError(
                .invalidValue(key: stray, in: "model cell", message: "is only read with 'init: explicit'"),
                at: try fields.required(stray).position)
        }
    }

    private static func activation(_ value: LessonValue) throws(LessonError) -> Activation {
        guard let name = value.text, let activation = Activation(named: name) else {
            let hint = value.text.flatMap { suggestion(for: $0, among: activationNames) }.map { " (did you mean '\($0)'?)" } ?? ""
            throw LessonError(
                .invalidValue(key: "activations", in: "model cell",
                              message: "items must be one of \(activationNames.map { "'\($0)'" }.joined(separator: ", ")), not \(value.kindDescription)\(hint)"),
                at: value.position)
        }
        return activation
    }

    /// The network, with weights drawn from `generator` in layer order (biases at zero)
    /// unless they are explicit.
    public func network(using generator: inout SeededGenerator) -> Network {
        guard let initializer else {
            var network = layers.network(activation: { activations[$0] }) { Matrix(rows: $0, columns: $1) }
            var explicit = explicitLayers.makeIterator()
            for index in network.layers.indices {
                guard var dense = network.layers[index] as? DenseLayer, let given = explicit.next() else { continue }
                (dense.weights, dense.bias) = (given.weights, given.bias)
                network.layers[index] = dense
            }
            return network
        }
        return layers.network(activation: { activations[$0] }) { inputs, outputs in
            initializer.weights(inputs: inputs, outputs: outputs, using: &generator)
        }
    }
}
