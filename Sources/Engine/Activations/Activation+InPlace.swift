import MatrixKernels

/// The activations and their chain rule, written into reused buffers.
///
/// `apply(_:)` and `backward(_:net:output:)` are these with a fresh buffer, so the training
/// loop and a lesson's one-off forward pass compute the same bits.
extension Activation {
    /// `output = f(net)`, entry by entry (row by row for softmax).
    func apply(_ net: Matrix, into output: inout Matrix) {
        output.prepare(rows: net.rows, columns: net.columns)
        let columns = net.columns
        net.values.withUnsafeBufferPointer { n in
            output.values.withUnsafeMutableBufferPointer { a in
                switch self {
                case .hardLimit:
                    for i in a.indices { a[i] = n[i] >= 0 ? 1 : 0 }
                case .linear:
                    for i in a.indices { a[i] = n[i] }
                case .sigmoid:
                    // σ(n) = 1 / (1 + e⁻ⁿ) for n ≥ 0 and eⁿ / (1 + eⁿ) below: e^(−|n|) never overflows.
                    if let input = n.baseAddress, let result = a.baseAddress {
                        mk_sigmoid(input, result, a.count)
                    }
                case .tanh:
                    for i in a.indices { a[i] = _tanh(n[i]) }
                case .relu:
                    for i in a.indices { a[i] = n[i] > 0 ? n[i] : 0 }
                case let .leakyRelu(slope):
                    for i in a.indices { a[i] = n[i] > 0 ? n[i] : slope * n[i] }
                case let .elu(alpha):
                    // expm1 keeps α(eⁿ − 1) exact near 0, where eⁿ − 1 would cancel.
                    for i in a.indices { a[i] = n[i] > 0 ? n[i] : alpha * _expm1(n[i]) }
                case .softmax:
                    // Each row shifted by its maximum, so no exponential overflows.
                    guard columns > 0 else { return }
                    for start in stride(from: 0, to: a.count, by: columns) {
                        var largest = n[start]
                        for i in start..<(start + columns) { largest = Swift.max(largest, n[i]) }
                        for i in start..<(start + columns) { a[i] = n[i] - largest }
                    }
                    exponentiate(a)
                    for start in stride(from: 0, to: a.count, by: columns) {
                        var total = 0.0
                        for i in start..<(start + columns) { total += a[i] }
                        for i in start..<(start + columns) { a[i] /= total }
                    }
                }
            }
        }
    }

    /// `gradient = (sensitivity · weightsᵀ) ⊙ f'(net)`: the sensitivity of the layer with
    /// `weights` carried back into the layer before it, whose activation this is. The product
    /// and then `backward(_:net:output:)`; a small logistic layer scales each row as the
    /// product stores it, in one pass with the same bits.
    func backpropagate(
        _ sensitivity: Matrix, through weights: Matrix, into gradient: inout Matrix, net: Matrix, output: Matrix
    ) {
        let (rows, inner, columns) = (sensitivity.rows, sensitivity.columns, weights.rows)
        guard self == .sigmoid, rows > 0, columns > 0, inner > 0, weights.columns == inner,
            output.rows == rows, output.columns == columns, mk_dgemm_is_direct(rows, columns, inner) != 0
        else {
            Matrix.multiply(sensitivity, weights, transposingRight: true, into: &gradient)
            backward(&gradient, net: net, output: output)
            return
        }
        Matrix.withStorage(of: sensitivity, weights, output, writing: &gradient, rows: rows, columns: columns) { s, w, o, g in
            mk_dgemm_sigmoid_backward(0, 1, rows, columns, inner, s, inner, w, inner, o, g)
        }
    }

    /// Turns `∂L/∂a` into `∂L/∂n` in place: `∂L/∂a ⊙ f'(n)`, or for softmax
    /// `aᵢ (∂L/∂aᵢ − Σⱼ aⱼ ∂L/∂aⱼ)` in each row.
    func backward(_ gradient: inout Matrix, net: Matrix, output: Matrix) {
        require(
            gradient.rows == output.rows && gradient.columns == output.columns,
            "Activation.backward: gradient \(gradient.shapeDescription) and output \(output.shapeDescription) differ")
        let columns = output.columns
        net.values.withUnsafeBufferPointer { n in
            output.values.withUnsafeBufferPointer { a in
                gradient.values.withUnsafeMutableBufferPointer { g in
                    switch self {
                    case .hardLimit:
                        for i in g.indices { g[i] *= 0 }
                    case .linear:
                        for i in g.indices { g[i] *= 1 }
                    case .sigmoid:
                        // g · (a · (1 − a)), four entries at a time where the processor has AVX2.
                        if let sensitivity = g.baseAddress, let output = a.baseAddress {
                            mk_sigmoid_backward(sensitivity, output, g.count)
                        }
                    case .tanh:
                        for i in g.indices { g[i] *= 1 - a[i] * a[i] }
                    case .relu:
                        for i in g.indices { g[i] *= n[i] > 0 ? 1 : 0 }
                    case let .leakyRelu(slope):
                        for i in g.indices { g[i] *= n[i] > 0 ? 1 : slope }
                    case let .elu(alpha):
                        for i in g.indices { g[i] *= n[i] > 0 ? 1 : a[i] + alpha }
                    case .softmax:
                        guard columns > 0 else { return }
                        for start in stride(from: 0, to: g.count, by: columns) {
                            var weighted = 0.0
                            for i in start..<(start + columns) { weighted += g[i] * a[i] }
                            for i in start..<(start + columns) { g[i] = a[i] * (g[i] - weighted) }
                        }
                    }
                }
            }
        }
    }
}
