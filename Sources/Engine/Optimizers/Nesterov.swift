/// Nesterov momentum, in PyTorch's form (Sutskever et al., 2013): the step looks ahead along
/// the new velocity,
/// ```
/// v ← β v + g;   θ ← θ − η (g + β v)
/// ```
public struct Nesterov: OptimizerRule {
    public static let name = "nesterov"
    public static let title = "Nesterov momentum"
    public static let summary = "v ← β v + g;  θ ← θ − η (g + β v)"
    public static let listOrder = 25
    public static let hyperparameters = [Hyperparameter(key: "momentum", symbol: "β", defaultValue: 0.9, range: 0...0.999999)]
    public static let stateNames = ["v"]

    /// β.
    public let beta: Double

    public init(_ settings: OptimizerSettings) { beta = settings["momentum"] }

    public var description: String { "Nesterov momentum (β = \(beta))" }

    public func update(_ entries: ParameterEntries, learningRate: Double) -> Bool {
        let (theta, g, v, proposal) = (entries.parameter, entries.gradient, entries.state(0), entries.proposal)
        var allFinite = true
        for i in 0..<entries.count {
            let velocity = beta * v[i] + g[i]
            let value = theta[i] - learningRate * (g[i] + beta * velocity)
            v[i] = velocity
            proposal[i] = value
            allFinite = allFinite && value.isFinite
        }
        return allFinite
    }
}

@used @section("lessons_optimizers")
private let registration: RegistryRecord = { Nesterov.registryRecord }
