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
    /// One line on what the layer does, for the lesson format's documentation and messages.
    static var summary: String { get }

    /// A layer of this kind after a layer with `inputCount` outputs, with every setting of
    /// `settings` given (the defaults filled in) and `activation` when `takesActivation`.
    init(inputCount: Int, settings: [String: Double], activation: Activation)
}

extension ConfigurableLayer {
    public static var takesActivation: Bool { false }
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

    /// Creates a setting.
    public init(_ name: String, range: ClosedRange<Double>, excludingUpperBound: Bool = false, default defaultValue: Double, meaning: String) {
        self.name = name
        self.range = range
        self.excludesUpperBound = excludingUpperBound
        self.defaultValue = defaultValue
        self.meaning = meaning
    }

    /// Whether `value` is allowed.
    public func allows(_ value: Double) -> Bool {
        range.contains(value) && !(excludesUpperBound && value == range.upperBound)
    }
}

extension Network {
    /// The registered layer kinds a model may place between dense layers, by name.
    public static let configurableLayerKinds: [any ConfigurableLayer.Type] =
        Registry.entries(of: .layers, as: (any Layer.Type).self).compactMap { $0 as? any ConfigurableLayer.Type }
}
