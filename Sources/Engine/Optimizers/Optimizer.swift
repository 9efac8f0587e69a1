/// An optimizer with its settings, as a training configuration holds it: the registered
/// rule called `name` (see `OptimizerRule`) and a value for each of its hyperparameters.
///
/// For a parameter `θ` with gradient `g` and learning rate `η`, plain gradient descent is
/// `θ ← θ − η g`; every other rule's formula is in its file in `Optimizers/`.
public struct Optimizer: Sendable, Hashable, CustomStringConvertible {
    /// The rule's type.
    public let type: any OptimizerRule.Type
    /// Its settings, defaults filled in.
    public let settings: OptimizerSettings

    /// Every registered rule, in the course's order.
    public static let rules: [any OptimizerRule.Type] = Registry.entries(of: .optimizers, as: (any OptimizerRule.Type).self)

    /// The registered rule a lesson calls `name`.
    public static func rule(named name: String) -> (any OptimizerRule.Type)? {
        rules.first { $0.name == name }
    }

    /// The rule `type` with `values` for some of its hyperparameters and the defaults for
    /// the rest; a key it does not have or a value out of range is a programming error
    /// (lessons check theirs first).
    public init(_ type: any OptimizerRule.Type, _ values: [String: Double] = [:]) {
        var filled = [String: Double]()
        for hyperparameter in type.hyperparameters {
            let value = values[hyperparameter.key] ?? hyperparameter.defaultValue
            require(
                hyperparameter.range.contains(value),
                "Optimizer \(type.name): \(hyperparameter.key) \(value) is outside \(hyperparameter.range)")
            filled[hyperparameter.key] = value
        }
        for key in values.keys where filled[key] == nil {
            preconditionFailure("Optimizer \(type.name) has no hyperparameter '\(key)'")
        }
        self.type = type
        settings = OptimizerSettings(filled)
    }

    /// The name a lesson writes.
    public var name: String { type.name }
    /// A fresh rule with these settings.
    public var rule: any OptimizerRule { type.init(settings) }
    /// `momentum (β = 0.9)`.
    public var description: String { rule.description }

    public static func == (lhs: Optimizer, rhs: Optimizer) -> Bool {
        lhs.name == rhs.name && lhs.settings == rhs.settings
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(settings)
    }
}
