import MatrixKernels

/// Plain gradient descent: `θ ← θ − η g`.
public struct GradientDescent: OptimizerRule {
    public static let name = "gradient-descent"
    public static let title = "gradient descent"
    public static let summary = "θ ← θ − η g"
    public static let listOrder = 10

    public init(_ settings: OptimizerSettings) {}

    public var description: String { "gradient descent" }

    /// Vectorized in C (`MatrixKernels/update.c`).
    public func update(_ entries: ParameterEntries, learningRate: Double) -> Bool {
        mk_update_gradient_descent(entries.parameter, entries.gradient, entries.proposal, entries.count, learningRate) != 0
    }
}

extension Optimizer {
    /// Plain gradient descent.
    public static let gradientDescent = Optimizer(GradientDescent.self)
}

@used @section("lessons_optimizers")
private let registration: RegistryRecord = { GradientDescent.registryRecord }
