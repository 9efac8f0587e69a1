import MatrixKernels

/// The rule that turns gradients into a parameter update.
///
/// For a parameter `θ` with gradient `g` and learning rate `η`:
/// ```
/// gradient descent:  θ ← θ − η g
/// momentum:          v ← β v + g;                      θ ← θ − η v        (PyTorch's form)
/// RMSProp:           s ← ρ s + (1 − ρ) g²;             θ ← θ − η g / (√s + ε)
/// Adam:              m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
///                    θ ← θ − η m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
/// ```
public enum Optimizer: Sendable, Hashable, CustomStringConvertible {
    /// Plain gradient descent.
    case gradientDescent
    /// Gradient descent with classical momentum.
    case momentum(beta: Double)
    /// RMSProp.
    case rmsProp(rho: Double, epsilon: Double)
    /// Adam.
    case adam(beta1: Double, beta2: Double, epsilon: Double)

    /// Momentum 0.9.
    public static let defaultMomentum = Optimizer.momentum(beta: 0.9)
    /// RMSProp with ρ = 0.9, ε = 1e-8.
    public static let defaultRMSProp = Optimizer.rmsProp(rho: 0.9, epsilon: 1e-8)
    /// Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    public static let defaultAdam = Optimizer.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)

    public var description: String {
        switch self {
        case .gradientDescent: "gradient descent"
        case let .momentum(beta): "momentum (β = \(beta))"
        case let .rmsProp(rho, epsilon): "RMSProp (ρ = \(rho), ε = \(epsilon))"
        case let .adam(beta1, beta2, epsilon): "Adam (β₁ = \(beta1), β₂ = \(beta2), ε = \(epsilon))"
        }
    }
}

/// The running state of an optimizer over one network's parameters (velocities, moments, step count).
///
/// An update first computes every parameter's new value into buffers of its own, and only
/// when all of them are finite swaps them into the network: a diverging step leaves the
/// network as it was without copying it beforehand.
struct OptimizerState {
    let optimizer: Optimizer
    private var first: [Matrix]
    private var second: [Matrix]
    /// The proposed new parameters; after a step, the previous ones (storage reused).
    private var proposals: [Matrix]
    private var step = 0

    /// A parameter whose proposed value is not finite: which one (`W2`, `b1`) and the value.
    struct NonFiniteParameter {
        var name: String
        var value: Double
    }

    /// Parameters in a fixed order: the weights then the bias of each layer in turn.
    init(optimizer: Optimizer, network: Network) {
        self.optimizer = optimizer
        let zeros = network.layers.flatMap {
            [Matrix(rows: $0.weights.rows, columns: $0.weights.columns), Matrix(rows: 1, columns: $0.bias.columns)]
        }
        first = zeros
        second = zeros
        proposals = zeros
    }

    /// Applies one update with learning rate `η`, or, when a new parameter would be NaN or
    /// infinite, leaves `network` unchanged and names the first such parameter.
    mutating func update(
        _ network: inout Network, weightGradients: [Matrix], biasGradients: [Matrix], learningRate: Double
    ) -> NonFiniteParameter? {
        step += 1
        var allFinite = true
        for layer in network.layers.indices {
            allFinite = propose(network.layers[layer].weights, gradient: weightGradients[layer], slot: 2 * layer, learningRate) && allFinite
            allFinite = propose(network.layers[layer].bias, gradient: biasGradients[layer], slot: 2 * layer + 1, learningRate) && allFinite
        }
        if !allFinite {
            for slot in proposals.indices {
                if let bad = proposals[slot].values.first(where: { !$0.isFinite }) {
                    return NonFiniteParameter(name: "\(slot % 2 == 0 ? "W" : "b")\(slot / 2 + 1)", value: bad)
                }
            }
        }
        for layer in network.layers.indices {
            swap(&network.layers[layer].weights, &proposals[2 * layer])
            swap(&network.layers[layer].bias, &proposals[2 * layer + 1])
        }
        return nil
    }

    /// Writes the new value of one parameter into `proposals[slot]`, updating the optimizer's
    /// state; whether every new value is finite. Large parameters are split over two threads;
    /// each entry's arithmetic is its own, so the split changes no bit.
    private mutating func propose(_ parameter: Matrix, gradient: Matrix, slot: Int, _ learningRate: Double) -> Bool {
        require(
            parameter.rows == gradient.rows && parameter.columns == gradient.columns,
            "Optimizer: gradient \(gradient.shapeDescription) does not fit parameter \(parameter.shapeDescription)")
        proposals[slot].prepare(rows: parameter.rows, columns: parameter.columns)
        var rule = EntryUpdate(optimizer: optimizer, learningRate: learningRate)
        if case let .adam(beta1, beta2, _) = optimizer {
            rule.firstCorrection = 1 - power(beta1, step)
            rule.secondCorrection = 1 - power(beta2, step)
        }
        let count = parameter.count
        return parameter.values.withUnsafeBufferPointer { w in
            gradient.values.withUnsafeBufferPointer { g in
                first[slot].values.withUnsafeMutableBufferPointer { m in
                    second[slot].values.withUnsafeMutableBufferPointer { v in
                        proposals[slot].values.withUnsafeMutableBufferPointer { p in
                            rule.buffers = .init(w: w.baseAddress, g: g.baseAddress, m: m.baseAddress, v: v.baseAddress, p: p.baseAddress)
                            guard count >= 1 << 15, MatrixProductKernel.threadCount > 1 else { return rule.run(0..<count) }
                            var split = SplitUpdate(rule: rule, count: count)
                            withUnsafeMutablePointer(to: &split) { job in
                                mk_run_pair({ context, part in
                                    SplitUpdate.run(context!.assumingMemoryBound(to: SplitUpdate.self), part: Int(part))
                                }, job)
                            }
                            return split.firstHalfFinite && split.secondHalfFinite
                        }
                    }
                }
            }
        }
    }

    /// An update cut in two halves, one per thread; each entry's arithmetic is its own.
    private struct SplitUpdate {
        let rule: EntryUpdate
        let count: Int
        var firstHalfFinite = true, secondHalfFinite = true

        /// Runs one half; each thread writes its own flag, through its own pointer.
        static func run(_ job: UnsafeMutablePointer<SplitUpdate>, part: Int) {
            let (rule, count) = (job.pointee.rule, job.pointee.count)
            if part == 0 {
                job.pointer(to: \.firstHalfFinite)!.pointee = rule.run(0..<count / 2)
            } else {
                job.pointer(to: \.secondHalfFinite)!.pointee = rule.run(count / 2..<count)
            }
        }
    }

    /// The update of a range of entries of one parameter: `p = w − η · step(g)`, with the
    /// optimizer's state `m` (first moment or velocity) and `v` (second moment).
    private struct EntryUpdate {
        struct Buffers {
            var w: UnsafePointer<Double>?
            var g: UnsafePointer<Double>?
            var m: UnsafeMutablePointer<Double>?
            var v: UnsafeMutablePointer<Double>?
            var p: UnsafeMutablePointer<Double>?
        }
        let optimizer: Optimizer
        let learningRate: Double
        var firstCorrection = 1.0
        var secondCorrection = 1.0
        var buffers = Buffers()

        init(optimizer: Optimizer, learningRate: Double) {
            self.optimizer = optimizer
            self.learningRate = learningRate
        }

        /// Updates `range`; whether every new value is finite. The loops are in C
        /// (`MatrixKernels/update.c`), vectorized, with the formulas of `Optimizer` in the
        /// same order of operations.
        func run(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty, let w = buffers.w, let g = buffers.g, let m = buffers.m, let v = buffers.v,
                let p = buffers.p
            else { return true }
            let (w0, g0, m0, v0, p0, count) = (w + range.lowerBound, g + range.lowerBound, m + range.lowerBound,
                                               v + range.lowerBound, p + range.lowerBound, range.count)
            switch optimizer {
            case .gradientDescent:
                return mk_update_gradient_descent(w0, g0, p0, count, learningRate) != 0
            case let .momentum(beta):
                return mk_update_momentum(w0, g0, m0, p0, count, learningRate, beta) != 0
            case let .rmsProp(rho, epsilon):
                return mk_update_rms_prop(w0, g0, v0, p0, count, learningRate, rho, epsilon) != 0
            case let .adam(beta1, beta2, epsilon):
                var settings = mk_adam_settings(
                    rate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                    first_correction: firstCorrection, second_correction: secondCorrection)
                return mk_update_adam(w0, g0, m0, v0, p0, count, &settings) != 0
            }
        }
    }

    /// `base` to a non-negative integer power, by repeated multiplication (the same bits everywhere).
    private func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}
