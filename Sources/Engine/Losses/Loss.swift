/// A loss function `L(a, y)` of the network's output `a` and the target `y`.
///
/// The loss of one sample sums over its outputs; the loss of a batch is the mean over its
/// samples. The gradient the backward pass starts from is the per-sample sensitivity of the
/// output layer, `∂Lᵢ/∂n` for each sample `i` (a row of `dZ`, `δ` or `s`, as the different
/// chapters write it); parameter gradients then divide by the batch size `m`.
public enum Loss: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The squared error of the backpropagation worked example.
    ///
    /// ```
    /// L = Σⱼ (yⱼ − aⱼ)²        ∂L/∂a = −2 (y − a)
    /// ```
    case squaredError = "squared-error"
    /// Half the squared error, the convention that makes the gradient `a − y`.
    ///
    /// ```
    /// L = ½ Σⱼ (yⱼ − aⱼ)²        ∂L/∂a = a − y
    /// ```
    case halfSquaredError = "half-squared-error"
    /// Binary cross-entropy (log-loss) of probabilities `a ∈ (0, 1)`.
    ///
    /// ```
    /// L = −Σⱼ [yⱼ log aⱼ + (1 − yⱼ) log(1 − aⱼ)]        with a sigmoid output: ∂L/∂n = a − y
    /// ```
    case binaryCrossEntropy = "binary-cross-entropy"
    /// Categorical cross-entropy of a probability distribution over classes.
    ///
    /// ```
    /// L = −Σⱼ yⱼ log aⱼ        with a softmax output: ∂L/∂n = a − y
    /// ```
    case categoricalCrossEntropy = "categorical-cross-entropy"

    public var description: String { rawValue }

    /// Probabilities are kept this far from 0 and 1 where the loss cannot use the net input.
    static let probabilityFloor = 1e-15

    /// The mean loss over the batch.
    ///
    /// - Parameters:
    ///   - output: the output layer's activation `a`, `m × outputs`.
    ///   - net: the output layer's net input `n`, used for a stable log-loss of sigmoid and softmax outputs.
    ///   - target: the targets `y`, `m × outputs`.
    ///   - activation: the output layer's activation.
    public func value(output: Matrix, net: Matrix, target: Matrix, activation: Activation) -> Double {
        if self == .categoricalCrossEntropy && activation == .softmax {
            checkShapes(output, target)
            return Self.meanSoftmaxCrossEntropy(net: net, target: target)
        }
        return perSample(output: output, net: net, target: target, activation: activation).mean()
    }

    /// `perSample(…).mean()` of the categorical cross-entropy of a softmax output, in one pass
    /// without a matrix in between (the training loop measures it every step): each operation
    /// of `perSample`, in its order, so the bits are the same.
    private static func meanSoftmaxCrossEntropy(net: Matrix, target: Matrix) -> Double {
        let (rows, columns) = (net.rows, net.columns)
        require(
            columns > 0 && net.rows == target.rows && net.columns == target.columns,
            "Loss \(Loss.categoricalCrossEntropy): net input shape \(net.shapeDescription) and target shape "
                + "\(target.shapeDescription) differ")
        var total = 0.0
        net.values.withUnsafeBufferPointer { n in
            target.values.withUnsafeBufferPointer { y in
                for row in 0..<rows {
                    let start = row * columns
                    var largest = n[start]
                    for column in 1..<columns { largest = Swift.max(largest, n[start + column]) }
                    var exponentials = 0.0
                    for column in 0..<columns { exponentials += _exp(n[start + column] - largest) }
                    let logTotal = _log(exponentials)
                    var loss = 0.0
                    for column in 0..<columns {
                        let target = y[start + column]
                        loss += target == 0 ? 0 : -target * ((n[start + column] - largest) - logTotal)
                    }
                    total += loss
                }
            }
        }
        return total / Double(rows)
    }

    /// The loss of each sample, `m × 1`.
    public func perSample(output: Matrix, net: Matrix, target: Matrix, activation: Activation) -> Matrix {
        checkShapes(output, target)
        switch self {
        case .squaredError:
            return ((target - output) * (target - output)).sum(along: .columns)
        case .halfSquaredError:
            return ((target - output) * (target - output)).sum(along: .columns) * 0.5
        case .binaryCrossEntropy:
            if activation == .sigmoid {
                // −[y log σ(n) + (1 − y) log(1 − σ(n))] = max(n, 0) − n y + log(1 + e^(−|n|)), finite for every n.
                return Matrix.combine(net, target, operation: "log-loss") { n, y in
                    max(n, 0) - n * y + _log1p(_exp(-abs(n)))
                }.sum(along: .columns)
            }
            return Matrix.combine(output, target, operation: "log-loss") { a, y in
                let p = min(max(a, Loss.probabilityFloor), 1 - Loss.probabilityFloor)
                return -(y * _log(p) + (1 - y) * _log(1 - p))
            }.sum(along: .columns)
        case .categoricalCrossEntropy:
            if activation == .softmax {
                // log aⱼ = nⱼ − max n − log Σₖ e^(nₖ − max n). A class the target does not
                // name adds nothing, even where nⱼ − max n overflows to −∞ (0 · −∞ would be NaN).
                let shifted = net - net.maxOfEachRow()
                let logTotal = shifted.map(_exp).sum(along: .columns).map(_log)
                return Matrix.combine(target, shifted - logTotal, operation: "cross-entropy") { y, logA in
                    y == 0 ? 0 : -y * logA
                }.sum(along: .columns)
            }
            return Matrix.combine(output, target, operation: "cross-entropy") { a, y in
                y == 0 ? 0 : -y * _log(max(a, Loss.probabilityFloor))
            }.sum(along: .columns)
        }
    }

    /// The per-sample gradient with respect to the output, `∂Lᵢ/∂a`, `m × outputs`.
    public func outputGradient(output: Matrix, target: Matrix) -> Matrix {
        checkShapes(output, target)
        switch self {
        case .squaredError: return (target - output) * -2
        case .halfSquaredError: return output - target
        case .binaryCrossEntropy:
            return Matrix.combine(output, target, operation: "log-loss gradient") { a, y in
                let p = min(max(a, Loss.probabilityFloor), 1 - Loss.probabilityFloor)
                return (p - y) / (p * (1 - p))
            }
        case .categoricalCrossEntropy:
            return Matrix.combine(output, target, operation: "cross-entropy gradient") { a, y in
                y == 0 ? 0 : -y / max(a, Loss.probabilityFloor)
            }
        }
    }

    /// The per-sample sensitivity of the output layer, `∂Lᵢ/∂n`, `m × outputs`.
    ///
    /// Sigmoid with binary cross-entropy, and softmax with categorical cross-entropy, give
    /// `a − y` exactly; every other pairing applies the chain rule through the activation.
    public func outputSensitivity(output: Matrix, net: Matrix, target: Matrix, activation: Activation) -> Matrix {
        var result = Matrix(rows: 0, columns: 0)
        outputSensitivity(output: output, net: net, target: target, activation: activation, into: &result)
        return result
    }

    /// `outputSensitivity(…)` into a reused buffer, for the training loop.
    func outputSensitivity(output: Matrix, net: Matrix, target: Matrix, activation: Activation, into result: inout Matrix) {
        checkShapes(output, target)
        if (self == .binaryCrossEntropy && activation == .sigmoid)
            || (self == .categoricalCrossEntropy && activation == .softmax)
        {
            output.subtract(target, into: &result)
        } else {
            result = outputGradient(output: output, target: target)
            activation.backward(&result, net: net, output: output)
        }
    }

    private func checkShapes(_ output: Matrix, _ target: Matrix) {
        require(
            output.rows == target.rows && output.columns == target.columns,
            "Loss \(self): output shape \(output.shapeDescription) and target shape \(target.shapeDescription) differ")
    }
}
