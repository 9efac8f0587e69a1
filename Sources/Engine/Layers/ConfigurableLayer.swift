/// A layer kind a lesson's model places between dense layers by its name, with numeric
/// settings: `dropout: 0.5`, `batch-norm: {momentum: 0.9}`, or the bare name `batch-norm`.
///
/// A kind is one file: the type, its `settings`, and its registration in `lessons_layers`.
/// The model cell reads the settings (each checked against its range, with the lesson's
/// position on a mistake) and builds the layer from the size of the layer before it.
public protocol ConfigurableLayer: Layer {
    /// The settings the kind reads; `kind: value` sets the first one.
    static var settings: [LayerSetting] { get }
    /// Whether the layer applies the activation of the dense layer before it, which then
    /// stays linear: batch normalization normalizes the net input, not the activation.
    static var takesActivation: Bool { get }
    /// Whether the layer has an activation of its own, as a dense layer does (a
    /// convolution): it takes its turn in the model's list of activations.
    static var usesActivation: Bool { get }
    /// One line on what the layer does, for the lesson format's documentation and messages.
    static var summary: String { get }

    /// A layer of this kind on `input`, with every setting of `settings` given (the defaults
    /// filled in, a choice as its index) and `activation` when it takes or uses one; a
    /// layer that cannot be built on that input throws.
    init(input: LayerInput, settings: [String: Double], activation: Activation) throws(LayerShapeError)

    /// The image shape of the outputs, or `nil` when they are not images.
    var outputImage: ImageShape? { get }
}

extension ConfigurableLayer {
    public static var takesActivation: Bool { false }
    public static var usesActivation: Bool { false }
}

/// One number a configurable layer reads: its name, the values it may take and its default.
public struct LayerSetting: Sendable {
    /// The key a lesson writes (`rate`).
    public var name: String
    /// The values allowed, ends included unless `excludesUpperBound`.
    public var range: ClosedRange<Double>
    /// Whether the upper end is excluded (a dropout rate of 1 would drop every unit).
    public var excludesUpperBound: Bool
    /// The value when the lesson gives none.
    public var defaultValue: Double
    /// What the number means.
    public var meaning: String
    /// For a setting written as a word, the words it takes; the value is the word's index.
    public var choices: [String]
    /// Whether the value must be a whole number.
    public var isWhole: Bool

    /// Creates a setting.
    public init(
        _ name: String, range: ClosedRange<Double>, excludingUpperBound: Bool = false, whole: Bool = false,
        default defaultValue: Double, meaning: String
    ) {
        self.name = name
        self.range = range
        self.excludesUpperBound = excludingUpperBound
        self.defaultValue = defaultValue
        self.meaning = meaning
        self.choices = []
        self.isWhole = whole
    }

    /// A setting written as one of `choices` (`padding: same`), the first the default.
    public init(_ name: String, choices: [String], meaning: String) {
        self.init(name, range: 0...Double(choices.count - 1), whole: true, default: 0, meaning: meaning)
        self.choices = choices
    }

    /// Whether `value` is allowed.
    public func allows(_ value: Double) -> Bool {
        range.contains(value) && !(excludesUpperBound && value == range.upperBound) && (!isWhole || value == value.rounded())
    }
}

extension Network {
    /// The registered layer kinds a model may place between dense layers, by name.
    public static let configurableLayerKinds: [any ConfigurableLayer.Type] =
        Registry.entries(of: .layers, as: (any Layer.Type).self).compactMap { $0 as? any ConfigurableLayer.Type }
}
