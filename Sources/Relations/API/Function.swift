import Engine

/// A function of the `numbers` language.
///
/// Every function but `sum` and `mean` takes one argument and acts on each entry (softmax on
/// each row, one sample per row, as the engine does):
///
/// | function | spellings | value |
/// | --- | --- | --- |
/// | sigmoid | `sigmoid`, `σ`, `logsig` | `1 / (1 + e^(−n))` |
/// | tanh | `tanh`, `tansig` | `tanh(n)` |
/// | relu | `relu`, `ReLU` | `max(0, n)` |
/// | leaky_relu | `leaky_relu`, `lrelu` | `n if n > 0, else α n`; `leaky_relu(n, α)`, α = 0.01 when not given |
/// | elu | `elu`, `ELU` | `n if n > 0, else α (eⁿ − 1)`; `elu(n, α)`, α = 1 when not given |
/// | hardlim | `hardlim`, `hardlimit` | `1 if n ≥ 0, else 0` |
/// | linear | `linear`, `purelin` | `n` |
/// | softmax | `softmax` | each row's `e^(nᵢ) / Σⱼ e^(nⱼ)` |
/// | exp | `exp` | `e^n` |
/// | sqrt | `sqrt` | `√n`, the square root of each entry (NaN for negative entries) |
/// | sign | `sign` | `1`, `0` or `−1` for each entry's sign (the L1 penalty's subgradient, 0 at 0) |
/// | log | `log`, `ln` | the natural logarithm (NaN for negative entries) |
/// | sum | `sum` | `sum(X)` sums down the rows (over the samples), giving `1 × columns`; `sum(X, 2)` sums across the columns, giving `rows × 1`; `sum(X, 1)` is `sum(X)` |
/// | mean | `mean` | like `sum`, divided by the number of entries summed |
/// | max | `max` | like `sum`, the largest entry instead of the total (a pooling tile's output) |
///
/// The activations but softmax have derivatives with respect to the net input, written with a
/// prime or a `_prime` suffix: `relu'(n1)`, `σ'(n)`, `sigmoid_prime(n2)`, `leaky_relu'(n1, 0.1)`:
/// ```
/// sigmoid'(n) = σ(n) (1 − σ(n))     tanh'(n) = 1 − tanh(n)²     relu'(n) = 1 if n > 0, else 0
/// hardlim'(n) = 0                   linear'(n) = 1
/// leaky_relu'(n, α) = 1 if n > 0, else α        elu'(n, α) = 1 if n > 0, else α eⁿ
/// ```
public enum Function: String, Sendable, Hashable, CaseIterable {
    /// The logistic sigmoid σ.
    case sigmoid
    /// The hyperbolic tangent.
    case tanh
    /// The rectified linear unit.
    case relu
    /// The leaky ReLU, with its slope below zero as an optional second argument.
    case leakyRelu = "leaky_relu"
    /// The exponential linear unit, with its α as an optional second argument.
    case elu
    /// The perceptron's hard limit (Heaviside step, 1 at 0).
    case hardlim
    /// The identity, the activation of a linear output layer.
    case linear
    /// The softmax of each row.
    case softmax
    /// The exponential of each entry.
    case exp
    /// The square root of each entry.
    case sqrt
    /// The sign of each entry: 1, 0 or −1.
    case sign
    /// The natural logarithm of each entry.
    case log
    /// The sum down the rows, or across the columns with a second argument 2.
    case sum
    /// The mean down the rows, or across the columns with a second argument 2.
    case mean
    /// The largest entry down the rows, or across the columns with a second argument 2.
    case max

    /// The names a lesson may call the function by; the first is the canonical one.
    public var spellings: [String] {
        switch self {
        case .sigmoid: ["sigmoid", "σ", "logsig"]
        case .tanh: ["tanh", "tansig"]
        case .relu: ["relu", "ReLU"]
        case .leakyRelu: ["leaky_relu", "lrelu"]
        case .elu: ["elu", "ELU"]
        case .hardlim: ["hardlim", "hardlimit"]
        case .linear: ["linear", "purelin"]
        case .softmax: ["softmax"]
        case .exp: ["exp"]
        case .sqrt: ["sqrt"]
        case .sign: ["sign"]
        case .log: ["log", "ln"]
        case .sum: ["sum"]
        case .mean: ["mean"]
        case .max: ["max"]
        }
    }

    /// The engine activation this function is, for the five that have a derivative and softmax.
    public var activation: Activation? {
        switch self {
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .relu: .relu
        case .leakyRelu: .leakyRelu(slope: Activation.defaultSlope)
        case .elu: .elu(alpha: Activation.defaultAlpha)
        case .hardlim: .hardLimit
        case .linear: .linear
        case .softmax: .softmax
        case .exp, .sqrt, .sign, .log, .sum, .mean, .max: nil
        }
    }

    /// Whether the function has a derivative form (`f'(n)`, `f_prime(n)`).
    public var hasDerivative: Bool {
        activation != nil && self != .softmax
    }

    /// The numbers of arguments the function takes.
    public var argumentCounts: ClosedRange<Int> {
        self == .sum || self == .mean || self == .max || activation?.parameter != nil ? 1...2 : 1...1
    }

    /// Every name that calls a function, with the function and whether it names the derivative.
    static let callableNames: [(name: String, function: Function, isDerivative: Bool)] =
        allCases.flatMap { function in
            function.spellings.map { ($0, function, false) }
                + (function.hasDerivative ? function.spellings.map { ($0 + "_prime", function, true) } : [])
        }

    /// The function (and whether its derivative) a name calls, if any.
    static func named(_ name: String) -> (function: Function, isDerivative: Bool)? {
        callableNames.first { $0.name == name }.map { ($0.function, $0.isDerivative) }
    }
}
