/// One optimizer: how a parameter's gradient becomes its update, with the state it keeps
/// between updates. Each rule is one file in `Optimizers/`, registered in the section
/// `lessons_optimizers` (see `Registrable`); lessons name it by `name`.
///
/// The rule writes each entry's new value into `ParameterEntries.proposal`, never into the
/// parameter itself: the trainer swaps the proposals in only when every one is finite.
public protocol OptimizerRule: Registrable, Sendable, CustomStringConvertible {
    /// How a report names it: `Adam`, `gradient descent`.
    static var title: String { get }
    /// One line for the lesson format's documentation: the update, as formulas.
    static var summary: String { get }
    /// The settings a lesson may give it, with their defaults.
    static var hyperparameters: [Hyperparameter] { get }
    /// The names of the state it keeps per parameter entry (`v`, or `m` and `v`); the trace
    /// records parameter `W1`'s as `W1_v` before each recorded update and `W1_v_new` after it.
    static var stateNames: [String] { get }
    /// Quantities the update computes from the new state at update `step` (from 1), recorded
    /// beside it under the parameter's name (Adam's bias-corrected `W1_mhat`, `W1_vhat`), so
    /// that a lesson can check the rule; `states` are the new values of `stateNames`.
    static func derivedQuantities(_ states: [Matrix], settings: OptimizerSettings, step: Int) -> [(name: String, value: Matrix)]

    /// The rule with these settings (every hyperparameter present, in its range).
    init(_ settings: OptimizerSettings)

    /// Called once before the update number `step` (from 1) of every parameter.
    mutating func begin(step: Int)

    /// Writes `proposal[i]` and updates the state for every entry; whether every new value
    /// is finite. May be called on two halves of a parameter at once, on two threads, so an
    /// entry's arithmetic must depend only on that entry.
    func update(_ entries: ParameterEntries, learningRate: Double) -> Bool
}

extension OptimizerRule {
    public static var hyperparameters: [Hyperparameter] { [] }
    public static var stateNames: [String] { [] }
    public static func derivedQuantities(
        _ states: [Matrix], settings: OptimizerSettings, step: Int
    ) -> [(name: String, value: Matrix)] { [] }
    public mutating func begin(step: Int) {}
}

/// A setting of an optimizer, as a lesson writes it.
public struct Hyperparameter: Sendable, Hashable {
    /// The lesson key (`momentum`, `beta2`).
    public var key: String
    /// The symbol the formulas use (`β`, `β₂`).
    public var symbol: String
    /// The value when the lesson gives none.
    public var defaultValue: Double
    /// The values a lesson may give.
    public var range: ClosedRange<Double>

    /// Creates a hyperparameter.
    public init(key: String, symbol: String, defaultValue: Double, range: ClosedRange<Double>) {
        self.key = key
        self.symbol = symbol
        self.defaultValue = defaultValue
        self.range = range
    }
}

/// The hyperparameter values of one optimizer, by lesson key, every one present.
public struct OptimizerSettings: Sendable, Hashable {
    /// The values by key.
    public let values: [String: Double]

    init(_ values: [String: Double]) { self.values = values }

    /// The value of `key`, which the rule declared.
    public subscript(key: String) -> Double {
        guard let value = values[key] else { fatalError("OptimizerSettings: no hyperparameter '\(key)'") }
        return value
    }
}

/// The entries of one parameter (or a part of it) an update works on.
public struct ParameterEntries {
    /// How many entries.
    public let count: Int
    /// The current values `θ`.
    public let parameter: UnsafePointer<Double>
    /// The gradient `g`.
    public let gradient: UnsafePointer<Double>
    /// Where the new values go.
    public let proposal: UnsafeMutablePointer<Double>
    private let states: UnsafePointer<UnsafeMutablePointer<Double>>
    private let offset: Int

    init(
        count: Int, parameter: UnsafePointer<Double>, gradient: UnsafePointer<Double>,
        proposal: UnsafeMutablePointer<Double>, states: UnsafePointer<UnsafeMutablePointer<Double>>
    ) {
        self.count = count
        self.parameter = parameter
        self.gradient = gradient
        self.proposal = proposal
        self.states = states
        offset = 0
    }

    private init(_ whole: ParameterEntries, _ range: Range<Int>) {
        count = range.count
        parameter = whole.parameter + range.lowerBound
        gradient = whole.gradient + range.lowerBound
        proposal = whole.proposal + range.lowerBound
        states = whole.states
        offset = whole.offset + range.lowerBound
    }

    /// The state called `stateNames[index]`, entry by entry, read and written in place.
    public func state(_ index: Int) -> UnsafeMutablePointer<Double> { states[index] + offset }

    /// The entries `range` of these.
    func slice(_ range: Range<Int>) -> ParameterEntries { ParameterEntries(self, range) }
}
