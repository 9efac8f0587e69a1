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
        switch self {
        case .hardLimit: return net.map { $0 >= 0 ? 1 : 0 }
        case .linear: return net
        case .sigmoid: return net.map(Activation.sigmoid)
        case .tanh: return net.map(_tanh)
        case .relu: return net.map { $0 > 0 ? $0 : 0 }
        case .softmax: return Activation.softmaxOfEachRow(net)
        }
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
        guard self == .softmax else { return outputGradient * derivative(net: net, output: output) }
        let weighted = (outputGradient * output).sum(along: .columns)
        return output * (outputGradient - weighted)
    }

    /// σ(x), computed without overflow for large negative `x`.
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + _exp(-x)) }
        let e = _exp(x)
        return e / (1 + e)
    }

    /// The softmax of each row, shifted by the row's maximum so no exponential overflows.
    static func softmaxOfEachRow(_ net: Matrix) -> Matrix {
        var values = net.values
        let columns = net.columns
        for row in 0..<net.rows {
            let range = (row * columns)..<((row + 1) * columns)
            let largest = values[range].max() ?? 0
            var total = 0.0
            for index in range {
                values[index] = _exp(values[index] - largest)
                total += values[index]
            }
            for index in range { values[index] /= total }
        }
        return Matrix(rows: net.rows, columns: columns, values: values)
    }
}
