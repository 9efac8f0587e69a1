/// A layer's activation function `a = f(n)` and its derivative.
///
/// Every activation but softmax acts on each entry alone; softmax acts on each row (one
/// sample) and its derivative is a Jacobian, which `backward(_:net:output:)` applies.
public enum Activation: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The Heaviside step of the perceptron.
    ///
    /// ```
    /// f(n) = 1 if n ≥ 0, else 0        f'(n) = 0 (almost everywhere)
    /// ```
    case hardLimit = "hardlimit"
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
    /// The softmax of each row, a probability distribution over the row's classes.
    ///
    /// ```
    /// f(n)ᵢ = e^(nᵢ − max n) / Σⱼ e^(nⱼ − max n)        ∂fᵢ/∂nⱼ = fᵢ (δᵢⱼ − fⱼ)
    /// ```
    case softmax

    public var description: String { rawValue }

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
