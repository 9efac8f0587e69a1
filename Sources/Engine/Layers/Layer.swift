/// One layer of a network: its forward and its backward pass side by side, its parameters,
/// and the names of the quantities it records in a trace.
///
/// With one sample per row, a layer maps an input `m × inputCount` to an output
/// `m × outputCount` (a batch of images is stored flattened, one image a row).
///
/// The backward pass starts from `buffers.sensitivity`, filled before it is called: `∂Lᵢ/∂a`
/// per sample for a layer without a net input, and the layer's own sensitivity once
/// `receive(_:)` has turned `∂Lᵢ/∂a` into it (the dense layer's `∂Lᵢ/∂n = ∂Lᵢ/∂a ⊙ f'(n)`).
/// It averages its parameter gradients over the batch and, when asked, writes `∂Lᵢ/∂input`
/// for the layer before.
///
/// A layer kind is one file that conforms to `Layer` and registers itself in the section
/// `lessons_layers` (see `Registrable`). Layers without parameters return none; layers that
/// behave differently in training and evaluation read `PassContext.mode`.
public protocol Layer: Registrable, Sendable, Hashable, CustomStringConvertible {
    /// The number of inputs per sample.
    var inputCount: Int { get }
    /// The number of outputs per sample.
    var outputCount: Int { get }

    /// The multiplications (each with its addition) of one sample's forward pass through the
    /// layer's weights: a measure of its cost that no clock changes. 0 for layers without weights.
    var multiplyAdds: Int { get }

    /// The parameters, in the order of `parameterSymbols`.
    var parameters: [Matrix] { get }
    /// Their symbols in a trace (`W`, `b`): layer `k`'s are recorded as `W1`, `dW1`, `W1_new`.
    var parameterSymbols: [String] { get }
    /// Parameter `index` of `parameters`, without building the list.
    func parameter(at index: Int) -> Matrix
    /// Exchanges the parameters with `values` (same order and shapes): the optimizer's step
    /// moves its proposals in and keeps the old storage for the next step.
    mutating func swapParameters(with values: inout [Matrix])

    /// The forward pass: fills `buffers.output` (and whatever else the backward pass needs).
    func forward(_ input: Matrix, into buffers: inout LayerBuffers, context: inout PassContext)

    /// Turns `∂Lᵢ/∂a`, written into `buffers.sensitivity` by the layer after this one, into
    /// the sensitivity this layer's backward pass starts from. Nothing to do by default.
    func receive(_ buffers: inout LayerBuffers)

    /// The backward pass from `buffers.sensitivity`: the parameter gradients averaged over the
    /// `count` samples into `buffers.parameterGradients`, and `∂Lᵢ/∂input` into `inputGradient`
    /// when it is given.
    func backward(_ input: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?)

    /// After a training step whose update succeeded: what the layer keeps from the batch
    /// besides its parameters (batch normalization's running mean and variance, which its
    /// evaluation passes use). Nothing by default.
    mutating func finishTrainingStep(_ buffers: LayerBuffers)

    /// The forward pass's quantities a trace records, by symbol (`n`, `a`; layer `k`'s as `n1`).
    func forwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)]
    /// The backward pass's quantities a trace records besides the parameter gradients (`s`).
    func backwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)]
}

extension Layer {
    public var parameters: [Matrix] { [] }
    public var multiplyAdds: Int { 0 }
    public var parameterSymbols: [String] { [] }
    public func parameter(at index: Int) -> Matrix { parameters[index] }
    public mutating func swapParameters(with values: inout [Matrix]) {}
    public func receive(_ buffers: inout LayerBuffers) {}
    public mutating func finishTrainingStep(_ buffers: LayerBuffers) {}
    public func forwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        [("a", buffers.output)]
    }
    public func backwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        [("s", buffers.sensitivity)]
    }
    /// Whether `other` is the same kind of layer with the same values.
    func isEqual(to other: any Layer) -> Bool { (other as? Self) == self }
    /// The number of parameter entries.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

/// Whether a pass trains or evaluates: a layer such as dropout acts only in training.
public enum PassMode: Sendable, Hashable {
    /// A training step's pass.
    case training
    /// A prediction or an evaluation.
    case evaluation
}

/// What a forward pass knows besides its input: its mode, and the random numbers of a
/// training pass (drawn from the training run's seed).
public struct PassContext {
    /// Training or evaluation.
    public var mode: PassMode
    /// The source of a training pass's random numbers.
    public var generator: SeededGenerator
    /// Whether every parameter of the network is known to be finite: set by the trainer, which
    /// checks each value as the optimizer writes it and stops at the first that is not. A dense
    /// layer then need not check its weights before skipping its input's zeros.
    var parametersAreFinite = false

    /// A context; evaluation needs no random numbers.
    public init(mode: PassMode, generator: SeededGenerator = SeededGenerator(seed: 0, stream: "layers")) {
        self.mode = mode
        self.generator = generator
    }

    /// An evaluation pass.
    public static var evaluation: PassContext { PassContext(mode: .evaluation) }
}

/// The matrices of one layer's forward and backward pass, kept from batch to batch so that a
/// training step allocates nothing: each is overwritten in place while no one else holds it,
/// and copied first (copy-on-write) when a trace record still does.
public struct LayerBuffers: Sendable {
    /// The net input `n` of a layer that has one (dense).
    public var net = Matrix(rows: 0, columns: 0)
    /// The output `a`.
    public var output = Matrix(rows: 0, columns: 0)
    /// The per-sample sensitivity the backward pass starts from (see `Layer`).
    public var sensitivity = Matrix(rows: 0, columns: 0)
    /// `∂L/∂θ` for each parameter, averaged over the batch.
    public var parameterGradients: [Matrix] = []
    /// Whatever else a layer keeps between its passes (a dropout mask).
    public var kept: [Matrix] = []
    /// The nonzero entries of the last forward pass's input, where marking them paid (a dense
    /// layer's batch of images), for the backward pass's gradient product.
    var inputMarks = NonzeroMarks()

    /// Empty buffers; the first pass sizes them.
    public init() {}

    /// Makes room for `count` parameter gradients, keeping their storage once there is room.
    public mutating func holdParameterGradients(_ count: Int) {
        if parameterGradients.count != count {
            parameterGradients = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: count)
        }
    }
}

extension Network {
    /// Every registered kind of layer (section `lessons_layers`), in list order: what a
    /// lesson's model may name (`dense` today).
    public static let layerKinds: [any Layer.Type] = Registry.entries(of: .layers, as: (any Layer.Type).self)
}
