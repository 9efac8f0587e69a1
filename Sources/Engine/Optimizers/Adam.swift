import MatrixKernels

/// Adam, with bias-corrected moments at update `t` (from 1):
/// ```
/// m ← β₁ m + (1 − β₁) g;   v ← β₂ v + (1 − β₂) g²
/// θ ← θ − η m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
/// ```
public struct Adam: OptimizerRule {
    public static let name = "adam"
    public static let title = "Adam"
    public static let summary = "m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;  θ ← θ − η m̂ / (√v̂ + ε), m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)"
    public static let listOrder = 40
    public static let hyperparameters = [
        Hyperparameter(key: "beta1", symbol: "β₁", defaultValue: 0.9, range: 0...0.999999),
        Hyperparameter(key: "beta2", symbol: "β₂", defaultValue: 0.999, range: 0...0.999999999),
        Hyperparameter(key: "epsilon", symbol: "ε", defaultValue: 1e-8, range: 1e-300...1),
    ]
    public static let stateNames = ["m", "v"]

    /// β₁, β₂ and ε.
    public let beta1: Double, beta2: Double, epsilon: Double
    /// `1 − β₁ᵗ` and `1 − β₂ᵗ` for the current update.
    private var firstCorrection = 1.0, secondCorrection = 1.0

    public init(_ settings: OptimizerSettings) {
        beta1 = settings["beta1"]
        beta2 = settings["beta2"]
        epsilon = settings["epsilon"]
    }

    public var description: String { "Adam (β₁ = \(beta1), β₂ = \(beta2), ε = \(epsilon))" }

    /// The corrections, with powers by repeated multiplication (the same bits everywhere).
    public mutating func begin(step: Int) {
        (firstCorrection, secondCorrection) = Self.corrections(beta1: beta1, beta2: beta2, step: step)
    }

    /// `1 − β₁ᵗ` and `1 − β₂ᵗ` at update `step`.
    static func corrections(beta1: Double, beta2: Double, step: Int) -> (Double, Double) {
        var first = 1.0, second = 1.0
        for _ in 0..<step {
            first *= beta1
            second *= beta2
        }
        return (1 - first, 1 - second)
    }

    /// The bias-corrected moments the update used: `mhat = m / (1 − β₁ᵗ)`, `vhat = v / (1 − β₂ᵗ)`.
    public static func derivedQuantities(
        _ states: [Matrix], settings: OptimizerSettings, step: Int
    ) -> [(name: String, value: Matrix)] {
        let (first, second) = corrections(beta1: settings["beta1"], beta2: settings["beta2"], step: step)
        return [("mhat", states[0] / first), ("vhat", states[1] / second)]
    }

    /// Vectorized in C (`MatrixKernels/update.c`).
    public func update(_ entries: ParameterEntries, learningRate: Double) -> Bool {
        var settings = mk_adam_settings(
            rate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
            first_correction: firstCorrection, second_correction: secondCorrection)
        return mk_update_adam(
            entries.parameter, entries.gradient, entries.state(0), entries.state(1), entries.proposal, entries.count,
            &settings) != 0
    }
}

extension Optimizer {
    /// Adam with the given settings.
    public static func adam(beta1: Double, beta2: Double, epsilon: Double) -> Optimizer {
        Optimizer(Adam.self, ["beta1": beta1, "beta2": beta2, "epsilon": epsilon])
    }
    /// Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    public static let defaultAdam = Optimizer(Adam.self)
}

@used @section("lessons_optimizers")
private let registration: RegistryRecord = { Adam.registryRecord }
