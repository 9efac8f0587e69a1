import Engine
import LessonFormat

/// A `model` cell: the network's layer sizes, activations and starting weights.
///
/// ```yaml
/// layers: [2, 3, 1]            # inputs first
/// activation: sigmoid          # every layer, or `activations: [relu, softmax]`
/// init: xavier                 # zeros, uniform, normal, xavier, xavier-normal, he, he-uniform, explicit
/// ```
/// With `init: explicit`, each layer's weights and bias are given as `W1`, `b1`, `W2`, `b2`…
struct ModelCell: Sendable, Equatable {
    /// Layer sizes, inputs first.
    public var sizes: [Int]
    /// One activation per layer after the inputs.
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
        let layerKeys = (1...9).flatMap { ["W\($0)", "b\($0)"] }
        let fields = try FieldReader(
            cell.body, place: "model cell", at: cell.position,
            allowedKeys: ["layers", "activation", "activations", "init", "range", "std"] + layerKeys)
        sizes = try fields.integers("layers", in: 1...100_000, minimumCount: 2)
        let layerCount = sizes.count - 1

        if fields.contains("activations") {
            let value = try fields.required("activations")
            guard let items = value.items else {
                throw LessonError(.wrongType(key: "activations", in: "model cell", expected: "a list like [relu, softmax]", found: value.kindDescription), at: value.position)
            }
            guard items.count == layerCount else {
                throw LessonError(
                    .invalidValue(key: "activations", in: "model cell", message: "lists \(items.count) activations for \(layerCount) layers"),
                    at: value.position)
            }
            var list = [Activation]()
            for item in items { list.append(try Self.activation(item)) }
            activations = list
        } else {
            let name = try fields.choice("activation", among: Self.activationNames, default: "sigmoid")
            activations = Array(repeating: Activation(named: name)!, count: layerCount)
        }

        let parameters = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
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
            var layers = [DenseLayer]()
            for layer in 1...layerCount {
                let weights = try fields.matrix("W\(layer)")
                let bias = try fields.matrix("b\(layer)")
                let expected = (sizes[layer - 1], sizes[layer])
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
                layers.append(DenseLayer(weights: Matrix(weights), bias: Matrix(bias), activation: activations[layer - 1]))
            }
            explicitLayers = layers
        default:
            initializer = Self.initializers[method]
        }
        if method != "explicit", let stray = layerKeys.first(where: fields.contains) {
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

    /// The network, with weights drawn from `generator` unless they are explicit.
    public func network(using generator: inout SeededGenerator) -> Network {
        guard let initializer else { return Network(layers: explicitLayers) }
        return Network(sizes: sizes, activations: activations, initializer: initializer, generator: &generator)
    }
}
