/// Batch normalization of the net input of the dense layer before it, then that layer's
/// activation (the dense layer itself stays linear): each unit is centred and scaled over
/// the batch, then given a trained scale `γ` and shift `β`.
///
/// ```
/// training:    μ = (1/m) Σᵢ xᵢ        σ² = (1/m) Σᵢ (xᵢ − μ)²
/// both:        x̂ = (x − μ) / √(σ² + ε)        z = γ ⊙ x̂ + β        a = f(z)
/// evaluation:  μ and σ² are the running averages   μ_run ← ρ μ_run + (1 − ρ) μ   (σ² likewise)
/// backward:    ∂ℒ/∂γ = (1/m) Σᵢ sᵢ ⊙ x̂ᵢ        ∂ℒ/∂β = (1/m) Σᵢ sᵢ        with s = ∂Lᵢ/∂z
///              ∂Lᵢ/∂x = (γ / √(σ² + ε)) ⊙ (sᵢ − mean(s) − x̂ᵢ ⊙ mean(s ⊙ x̂))
/// ```
/// The trace records `mu`, `var`, `xhat`, `z` and `a` of the forward pass, `eps`, `gamma`
/// and `beta` with their gradients, and `s`.
public struct BatchNormLayer: ConfigurableLayer, Hashable {
    public static let name = "batch-norm"
    public static let listOrder = 20
    public static let takesActivation = true
    public static let summary = "normalizes each unit of the dense layer before it over the batch, scales by γ and shifts by β (both trained), then applies that layer's activation; running averages in evaluation"
    public static let settings = [
        LayerSetting("momentum", range: 0...1, excludingUpperBound: true, default: 0.9, meaning: "ρ, how much of the running averages each step keeps"),
        LayerSetting("epsilon", range: 1e-12...1, default: 1e-5, meaning: "ε, added to the variance before its square root"),
    ]

    /// The scale `γ`, `1 × units`, starting at 1.
    public var gamma: Matrix
    /// The shift `β`, `1 × units`, starting at 0.
    public var beta: Matrix
    /// The activation applied after the normalization.
    public var activation: Activation
    /// `ρ`.
    public let momentum: Double
    /// `ε`.
    public let epsilon: Double
    /// The running mean that evaluation passes use, starting at 0.
    public private(set) var runningMean: Matrix
    /// The running variance that evaluation passes use, starting at 1.
    public private(set) var runningVariance: Matrix

    /// A layer over `units` units with `γ = 1`, `β = 0` and running averages 0 and 1.
    public init(units: Int, activation: Activation, momentum: Double = 0.9, epsilon: Double = 1e-5) {
        require(units > 0, "BatchNormLayer: needs at least one unit")
        require(activation != .softmax, "BatchNormLayer: softmax belongs to the output layer")
        gamma = Matrix(rows: 1, columns: units, repeating: 1)
        beta = Matrix(rows: 1, columns: units)
        self.activation = activation
        self.momentum = momentum
        self.epsilon = epsilon
        runningMean = Matrix(rows: 1, columns: units)
        runningVariance = Matrix(rows: 1, columns: units, repeating: 1)
    }

    public init(input: LayerInput, settings: [String: Double], activation: Activation) {
        self.init(units: input.count, activation: activation, momentum: settings["momentum"] ?? 0.9, epsilon: settings["epsilon"] ?? 1e-5)
    }

    /// Batch normalization stands after a dense layer, whose outputs are not images.
    public var outputImage: ImageShape? { nil }

    public var inputCount: Int { gamma.columns }
    public var outputCount: Int { gamma.columns }
    public var parameters: [Matrix] { [gamma, beta] }
    public var parameterSymbols: [String] { ["gamma", "beta"] }
    public func parameter(at index: Int) -> Matrix { index == 0 ? gamma : beta }
    public mutating func swapParameters(with values: inout [Matrix]) {
        swap(&gamma, &values[0])
        swap(&beta, &values[1])
    }

    /// `BatchNorm(8, relu)`.
    public var description: String { "BatchNorm(\(inputCount), \(activation))" }

    /// `buffers.kept`: μ, σ², x̂, 1/√(σ² + ε), and 1 after a training pass (0 after an
    /// evaluation pass, whose μ and σ² do not depend on the batch).
    public func forward(_ input: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        require(input.columns == inputCount, "BatchNormLayer \(self): input shape \(input.shapeDescription) has not \(inputCount) columns")
        let (rows, columns) = (input.rows, input.columns)
        let mean: Matrix, variance: Matrix
        if context.mode == .training {
            mean = input.mean(along: .rows)
            variance = Matrix(rows: 1, columns: columns) { _, column in
                var total = 0.0
                for row in 0..<rows {
                    let d = input[row, column] - mean[0, column]
                    total += d * d
                }
                return total / Double(rows)
            }
        } else {
            (mean, variance) = (runningMean, runningVariance)
        }
        let inverse = variance.map { 1 / ($0 + epsilon).squareRoot() }
        let normalized = Matrix(rows: rows, columns: columns) { row, column in
            (input[row, column] - mean[0, column]) * inverse[0, column]
        }
        buffers.net = Matrix(rows: rows, columns: columns) { row, column in
            gamma[0, column] * normalized[row, column] + beta[0, column]
        }
        activation.apply(buffers.net, into: &buffers.output)
        buffers.kept = [mean, variance, normalized, inverse, Matrix(scalar: context.mode == .training ? 1 : 0)]
    }

    /// `s = ∂Lᵢ/∂a ⊙ f'(z)`.
    public func receive(_ buffers: inout LayerBuffers) {
        activation.backward(&buffers.sensitivity, net: buffers.net, output: buffers.output)
    }

    public func backward(_ input: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        let s = buffers.sensitivity, normalized = buffers.kept[2], inverse = buffers.kept[3]
        let (rows, columns) = (s.rows, s.columns)
        let product = Matrix.combine(s, normalized, operation: "batch-norm backward", *)
        buffers.holdParameterGradients(2)
        buffers.parameterGradients[0] = product.sum(along: .rows) / count
        buffers.parameterGradients[1] = s.sum(along: .rows) / count
        guard inputGradient != nil else { return }
        guard buffers.kept[4].scalar == 1 else {
            // Running averages are constants: ∂Lᵢ/∂x = γ sᵢ / √(σ² + ε).
            inputGradient = Matrix(rows: rows, columns: columns) { row, column in gamma[0, column] * inverse[0, column] * s[row, column] }
            return
        }
        let meanOfS = s.mean(along: .rows), meanOfProduct = product.mean(along: .rows)
        inputGradient = Matrix(rows: rows, columns: columns) { row, column in
            gamma[0, column] * inverse[0, column]
                * (s[row, column] - meanOfS[0, column] - normalized[row, column] * meanOfProduct[0, column])
        }
    }

    /// The running averages take in the batch's mean and variance.
    public mutating func finishTrainingStep(_ buffers: LayerBuffers) {
        guard buffers.kept.count == 5, buffers.kept[4].scalar == 1 else { return }
        let (mean, variance) = (buffers.kept[0], buffers.kept[1])
        runningMean = Matrix(rows: 1, columns: inputCount) { _, j in momentum * runningMean[0, j] + (1 - momentum) * mean[0, j] }
        runningVariance = Matrix(rows: 1, columns: inputCount) { _, j in
            momentum * runningVariance[0, j] + (1 - momentum) * variance[0, j]
        }
    }

    public func forwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        let kept = buffers.kept.count == 5 ? buffers.kept : [Matrix](repeating: Matrix(rows: 0, columns: 0), count: 5)
        return [
            ("mu", kept[0]), ("var", kept[1]), ("eps", Matrix(scalar: epsilon)), ("xhat", kept[2]), ("z", buffers.net),
            ("a", buffers.output),
        ]
    }
}

@used @section("lessons_layers")
private let registration: RegistryRecord = { BatchNormLayer.registryRecord }
