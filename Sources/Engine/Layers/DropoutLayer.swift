/// Inverted dropout: in a training pass each unit of each sample is kept with probability
/// `1 − p` and scaled by `1 / (1 − p)`, so that the expected output equals the input; in an
/// evaluation pass it is the identity.
///
/// ```
/// mᵢⱼ ~ Bernoulli(1 − p)        a = m ⊙ h / (1 − p)        ∂Lᵢ/∂h = ∂Lᵢ/∂a ⊙ m / (1 − p)
/// ```
/// The mask `m` is drawn from the training run's seed (the pass's generator), one uniform
/// number per entry in row order, and recorded in the trace with the rate as `m` and `p`.
public struct DropoutLayer: ConfigurableLayer, Hashable {
    public static let name = "dropout"
    public static let listOrder = 10
    public static let summary = "drops each unit with probability `rate` in training and scales the rest by 1/(1 − rate); the identity in evaluation"
    public static let settings = [
        LayerSetting("rate", range: 0...1, excludingUpperBound: true, default: 0.5, meaning: "the probability p that a unit is dropped")
    ]

    /// The number of units, in and out.
    public let units: Int
    /// The probability `p` that a unit is dropped.
    public let rate: Double

    /// A dropout layer over `units` units.
    public init(units: Int, rate: Double) {
        require(rate >= 0 && rate < 1, "DropoutLayer: the rate \(rate) is not in [0, 1)")
        self.units = units
        self.rate = rate
    }

    public init(input: LayerInput, settings: [String: Double], activation: Activation) {
        self.init(units: input.count, rate: settings["rate"] ?? 0.5)
        outputImage = input.image
    }

    /// The image shape of the inputs, kept: dropout acts on every entry alike.
    public var outputImage: ImageShape?

    public var inputCount: Int { units }
    public var outputCount: Int { units }
    /// `Dropout(8, p = 0.5)`.
    public var description: String { "Dropout(\(units), p = \(rate))" }

    /// In training, `a = m ⊙ h / (1 − p)` with a fresh mask kept for the backward pass; in
    /// evaluation, `a = h` and a mask of ones.
    public func forward(_ input: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        if buffers.kept.count != 2 { buffers.kept = [Matrix(rows: 0, columns: 0), Matrix(scalar: 1)] }
        buffers.kept[0].prepare(rows: input.rows, columns: input.columns)
        buffers.output.prepare(rows: input.rows, columns: input.columns)
        let training = context.mode == .training && rate > 0
        let scale = training ? 1 / (1 - rate) : 1
        buffers.kept[1] = Matrix(scalar: scale)
        input.values.withUnsafeBufferPointer { h in
            buffers.kept[0].values.withUnsafeMutableBufferPointer { m in
                buffers.output.values.withUnsafeMutableBufferPointer { a in
                    for i in h.indices {
                        let keep: Double = training ? (context.generator.nextUniform() < rate ? 0 : 1) : 1
                        m[i] = keep
                        a[i] = keep * h[i] * scale
                    }
                }
            }
        }
    }

    /// `∂Lᵢ/∂h = ∂Lᵢ/∂a ⊙ m / (1 − p)` (the identity after an evaluation pass).
    public func backward(_ input: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        guard inputGradient != nil else { return }
        let (mask, scale) = (buffers.kept[0], buffers.kept[1].scalar)
        inputGradient = Matrix.combine(buffers.sensitivity, mask, operation: "dropout backward") { s, m in m * s * scale }
    }

    /// The mask `m`, the rate `p` and the output `a`.
    public func forwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        [("m", buffers.kept.first ?? Matrix(rows: 0, columns: 0)), ("p", Matrix(scalar: rate)), ("a", buffers.output)]
    }
}

@used @section("lessons_layers")
private let registration: RegistryRecord = { DropoutLayer.registryRecord }
