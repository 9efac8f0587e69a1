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
struct OptimizerState {
    let optimizer: Optimizer
    private var first: [Matrix]
    private var second: [Matrix]
    private var step = 0

    /// Parameters in a fixed order: the weights then the bias of each layer in turn.
    init(optimizer: Optimizer, network: Network) {
        self.optimizer = optimizer
        let zeros = network.layers.flatMap {
            [Matrix(rows: $0.weights.rows, columns: $0.weights.columns), Matrix(rows: 1, columns: $0.bias.columns)]
        }
        first = zeros
        second = zeros
    }

    /// Applies one update with learning rate `η`.
    mutating func update(_ network: inout Network, with gradients: Gradients, learningRate: Double) {
        step += 1
        for layer in network.layers.indices {
            update(&network.layers[layer].weights, gradient: gradients.weights[layer], slot: 2 * layer, learningRate)
            update(&network.layers[layer].bias, gradient: gradients.biases[layer], slot: 2 * layer + 1, learningRate)
        }
    }

    private mutating func update(_ parameter: inout Matrix, gradient: Matrix, slot: Int, _ learningRate: Double) {
        switch optimizer {
        case .gradientDescent:
            parameter.addScaled(gradient, by: -learningRate)
        case let .momentum(beta):
            first[slot] = first[slot] * beta
            first[slot] += gradient
            parameter.addScaled(first[slot], by: -learningRate)
        case let .rmsProp(rho, epsilon):
            second[slot] = Matrix.combine(second[slot], gradient, operation: "RMSProp") { s, g in rho * s + (1 - rho) * g * g }
            let step = Matrix.combine(gradient, second[slot], operation: "RMSProp") { g, s in g / (s.squareRoot() + epsilon) }
            parameter.addScaled(step, by: -learningRate)
        case let .adam(beta1, beta2, epsilon):
            first[slot] = Matrix.combine(first[slot], gradient, operation: "Adam") { m, g in beta1 * m + (1 - beta1) * g }
            second[slot] = Matrix.combine(second[slot], gradient, operation: "Adam") { v, g in beta2 * v + (1 - beta2) * g * g }
            let firstCorrection = 1 - power(beta1, step)
            let secondCorrection = 1 - power(beta2, step)
            let update = Matrix.combine(first[slot], second[slot], operation: "Adam") { m, v in
                (m / firstCorrection) / ((v / secondCorrection).squareRoot() + epsilon)
            }
            parameter.addScaled(update, by: -learningRate)
        }
    }

    /// `base` to a non-negative integer power, by repeated multiplication (the same bits everywhere).
    private func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}
