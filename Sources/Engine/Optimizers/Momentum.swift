import MatrixKernels

/// Gradient descent with classical momentum, in PyTorch's form:
/// `v ← β v + g;  θ ← θ − η v`.
public struct Momentum: OptimizerRule {
    public static let name = "momentum"
    public static let title = "momentum"
    public static let summary = "v ← β v + g;  θ ← θ − η v"
    public static let listOrder = 20
    public static let hyperparameters = [Hyperparameter(key: "momentum", symbol: "β", defaultValue: 0.9, range: 0...0.999999)]
    public static let stateNames = ["v"]

    /// β.
    public let beta: Double

    public init(_ settings: OptimizerSettings) { beta = settings["momentum"] }

    public var description: String { "momentum (β = \(beta))" }

    /// Vectorized in C (`MatrixKernels/update.c`).
    public func update(_ entries: ParameterEntries, learningRate: Double) -> Bool {
        mk_update_momentum(
            entries.parameter, entries.gradient, entries.state(0), entries.proposal, entries.count, learningRate, beta) != 0
    }
}

extension Optimizer {
    /// Momentum with β = `beta`.
    public static func momentum(beta: Double) -> Optimizer { Optimizer(Momentum.self, ["momentum": beta]) }
    /// Momentum 0.9.
    public static let defaultMomentum = Optimizer(Momentum.self)
}

@used @section("lessons_optimizers")
private let registration: RegistryRecord = { Momentum.registryRecord }
