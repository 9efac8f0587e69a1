import MatrixKernels

/// RMSProp: `s ← ρ s + (1 − ρ) g²;  θ ← θ − η g / (√s + ε)`.
public struct RMSProp: OptimizerRule {
    public static let name = "rmsprop"
    public static let title = "RMSProp"
    public static let summary = "s ← ρ s + (1 − ρ) g²;  θ ← θ − η g / (√s + ε)"
    public static let listOrder = 30
    public static let hyperparameters = [
        Hyperparameter(key: "rho", symbol: "ρ", defaultValue: 0.9, range: 0...0.999999),
        Hyperparameter(key: "epsilon", symbol: "ε", defaultValue: 1e-8, range: 1e-300...1),
    ]
    public static let stateNames = ["s"]

    /// ρ and ε.
    public let rho: Double, epsilon: Double

    public init(_ settings: OptimizerSettings) {
        rho = settings["rho"]
        epsilon = settings["epsilon"]
    }

    public var description: String { "RMSProp (ρ = \(rho), ε = \(epsilon))" }

    /// Vectorized in C (`MatrixKernels/update.c`).
    public func update(_ entries: ParameterEntries, learningRate: Double) -> Bool {
        mk_update_rms_prop(
            entries.parameter, entries.gradient, entries.state(0), entries.proposal, entries.count, learningRate, rho,
            epsilon) != 0
    }
}

extension Optimizer {
    /// RMSProp with decay `rho` and `epsilon`.
    public static func rmsProp(rho: Double, epsilon: Double) -> Optimizer {
        Optimizer(RMSProp.self, ["rho": rho, "epsilon": epsilon])
    }
    /// RMSProp with ρ = 0.9, ε = 1e-8.
    public static let defaultRMSProp = Optimizer(RMSProp.self)
}

@used @section("lessons_optimizers")
private let registration: RegistryRecord = { RMSProp.registryRecord }
