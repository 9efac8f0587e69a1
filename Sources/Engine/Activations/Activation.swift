/// A layer's activation function `a = f(n)` and its derivative.
///
/// Every activation but softmax acts on each entry alone; softmax acts on each row (one
/// sample) and its derivative is a Jacobian, which `backward(_:net:output:)` applies.
public enum Activation: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The Heaviside step of the perceptron.
    ///
    /// ```
    /// f(n) = 1 if n ≥ 0, else 0        f'(n) = 0 (almost everywhere)
    /// ```
    case hardLimit
    /// The identity.
    ///
    /// ```
    /// f(n) = n        f'(n) = 1
    /// ```
    case linear
    /// The logistic sigmoid σ.
    ///
    /// ```
    /// f(n) = 1 / (1 + e^(−n))        f'(n) = f(n) (1 − f(n))
    /// ```
    case sigmoid
    /// The hyperbolic tangent.
    ///
    /// ```
    /// f(n) = tanh(n) = 2σ(2n) − 1        f'(n) = 1 − f(n)²
    /// ```
    case tanh
    /// The rectified linear unit.
    ///
    /// ```
    /// f(n) = max(0, n)        f'(n) = 1 if n > 0, else 0
    /// ```
    case relu
    /// The leaky ReLU: a small slope `α` below zero keeps every unit's gradient alive.
    ///
    /// ```
    /// f(n) = n if n > 0, else α n        f'(n) = 1 if n > 0, else α
    /// ```
    case leakyRelu(slope: Double)
    /// The exponential linear unit: smooth at zero when `α = 1`, saturating at `−α` below.
    ///
    /// ```
    /// f(n) = n if n > 0, else α (eⁿ − 1)        f'(n) = 1 if n > 0, else f(n) + α
    /// ```
    case elu(alpha: Double)
    /// The softmax of each row, a probability distribution over the row's classes.
    ///
    /// ```
    /// f(n)ᵢ = e^(nᵢ − max n) / Σⱼ e^(nⱼ − max n)        ∂fᵢ/∂nⱼ = fᵢ (δᵢⱼ − fⱼ)
    /// ```
    case softmax

    /// The leaky ReLU's slope below zero unless a lesson gives another.
    public static let defaultSlope = 0.01
    /// The ELU's `α` unless a lesson gives another.
    public static let defaultAlpha = 1.0

    /// Every kind, the parameterized ones with their default parameter.
    public static let allCases: [Activation] = [
        .hardLimit, .linear, .sigmoid, .tanh, .relu, .leakyRelu(slope: defaultSlope), .elu(alpha: defaultAlpha), .softmax,
    ]

    /// The name a lesson writes: `hardlimit`, `leaky-relu`, `elu`.
    public var name: String {
        switch self {
        case .hardLimit: "hardlimit"
        case .linear: "linear"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .leakyRelu: "leaky-relu"
        case .elu: "elu"
        case .softmax: "softmax"
        }
    }

    /// Every name a lesson may write, in list order.
    public static let names = allCases.map(\.name)

    /// The activation a lesson names, with its default parameter.
    public init?(named name: String) {
        guard let found = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = found
    }

    /// The same kind with its parameter (slope or `α`) set to `value`; kinds without one are unchanged.
    public func with(parameter value: Double) -> Activation {
        switch self {
        case .leakyRelu: .leakyRelu(slope: value)
        case .elu: .elu(alpha: value)
        default: self
        }
    }

    /// The parameter of a parameterized kind: the leaky ReLU's slope, the ELU's `α`.
    public var parameter: Double? {
        switch self {
        case let .leakyRelu(slope): slope
        case let .elu(alpha): alpha
        default: nil
        }
    }

    /// `relu`, `leaky-relu(0.1)`.
    public var description: String {
        guard let parameter else { return name }
        return "\(name)(\(parameter))"
    }

    /// The activation of every entry (of every row, for softmax).
    public func apply(_ net: Matrix) -> Matrix {
        var output = Matrix(rows: 0, columns: 0)
        apply(net, into: &output)
        return output
    }

    /// The entry-wise derivative `f'(n)`, given the net input and the activation it produced.
    ///
    /// Softmax has no entry-wise derivative (its Jacobian couples a row's entries); ask
    /// `backward(_:net:output:)` instead.
    public func derivative(net: Matrix, output: Matrix) -> Matrix {
        switch self {
        case .hardLimit: return Matrix(rows: net.rows, columns: net.columns, repeating: 0)
        case .linear: return Matrix(rows: net.rows, columns: net.columns, repeating: 1)
        case .sigmoid: return output.map { $0 * (1 - $0) }
        case .tanh: return output.map { 1 - $0 * $0 }
        case .relu: return net.map { $0 > 0 ? 1 : 0 }
        case let .leakyRelu(slope): return net.map { $0 > 0 ? 1 : slope }
        case let .elu(alpha): return Matrix.combine(net, output, operation: "elu'") { n, a in n > 0 ? 1 : a + alpha }
        case .softmax:
            programmingError("Activation.derivative: softmax has a Jacobian, not an entry-wise derivative")
        }
    }

    /// The sensitivity `∂L/∂n` from `∂L/∂a`: the chain rule through this activation.
    ///
    /// ```
    /// entry-wise:  ∂L/∂n = ∂L/∂a ⊙ f'(n)
    /// softmax:     ∂L/∂nᵢ = aᵢ (∂L/∂aᵢ − Σⱼ aⱼ ∂L/∂aⱼ)   (each row)
    /// ```
    public func backward(_ outputGradient: Matrix, net: Matrix, output: Matrix) -> Matrix {
        var gradient = outputGradient
        backward(&gradient, net: net, output: output)
        return gradient
    }
}
