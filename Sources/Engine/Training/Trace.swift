/// A step of training: the `step`-th update (batch, or sample for per-sample rules) of an epoch.
///
/// Both numbers count from 1, as a report says "epoch 1, sample 4".
public struct TraceStep: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The epoch, from 1.
    public var epoch: Int
    /// The update within the epoch, from 1.
    public var step: Int

    /// Creates a step.
    public init(epoch: Int, step: Int) {
        self.epoch = epoch
        self.step = step
    }

    public var description: String { "epoch \(epoch), step \(step)" }

    public static func < (lhs: TraceStep, rhs: TraceStep) -> Bool {
        (lhs.epoch, lhs.step) < (rhs.epoch, rhs.step)
    }
}

/// Which steps of a training run record their quantities.
public struct TraceSchedule: Sendable, Hashable {
    /// Steps named one by one.
    public var steps: Set<TraceStep>
    /// Record every `n`-th update (counting all updates from 1), if set.
    public var everyIterations: Int?
    /// Record every step.
    public var everything: Bool

    /// Creates a schedule.
    public init(steps: Set<TraceStep> = [], everyIterations: Int? = nil, everything: Bool = false) {
        self.steps = steps
        self.everyIterations = everyIterations
        self.everything = everything
    }

    /// Record nothing.
    public static let none = TraceSchedule()
    /// Record every step.
    public static let all = TraceSchedule(everything: true)

    /// Whether the update at `step`, the `iteration`-th of the run, is recorded.
    public func includes(_ step: TraceStep, iteration: Int) -> Bool {
        everything || steps.contains(step) || everyIterations.map { $0 > 0 && iteration % $0 == 0 } == true
    }
}

/// The named quantities recorded at one step of training.
///
/// The names a run records:
/// - gradient descent, layer `k` from 1: `x` (the input batch, also `a0`), `y`, `Wk` and `bk`
///   before the update, `nk` (also `Zk`), `ak` (also `Ak`), `sk` (the sensitivity `∂Lᵢ/∂nᵏ`;
///   also `dZk` and `deltak`), `dWk`, `dbk`, `Wk_new`, `bk_new`, `loss`, `eta` and `m` (the batch size),
///   the optimizer's state before and after the update under its rule's `stateNames`
///   (`Wk_v`, `Wk_v_new`) with its `derivedQuantities` (`Wk_mhat`), its settings by key
///   (`momentum`, `beta1`) and `t`, the update's number; a layer
///   of another kind records its own quantities (`Layer.forwardQuantities`) and parameters;
/// - the perceptron rule: `x`, `y`, `W`, `b`, `theta` (`[b; W]`), `n`, `a`, `error` (`y − a`),
///   `delta_W`, `delta_b`, `W_new`, `b_new`, `theta_new`, `eta`.
public struct TraceRecord: Sendable {
    /// Where in training the quantities were recorded.
    public let step: TraceStep
    /// The update's number counting from the first update of the run.
    public let iteration: Int
    /// The recorded quantities in the order they were computed.
    public private(set) var names: [String] = []
    private var values: [String: Matrix] = [:]

    init(step: TraceStep, iteration: Int) {
        self.step = step
        self.iteration = iteration
    }

    mutating func record(_ name: String, _ value: Matrix) {
        if values.updateValue(value, forKey: name) == nil { names.append(name) }
    }

    mutating func record(_ name: String, _ value: Double) {
        record(name, Matrix(scalar: value))
    }

    /// The quantity called `name`, or one of its other names (`Z1` for `n1`, `dZ2` for `s2`, `a0` for `x`).
    public subscript(name: String) -> Matrix? {
        values[name] ?? TraceRecord.canonicalName(of: name).flatMap { values[$0] }
    }

    /// Maps the other notations of the chapters onto the recorded names: `x` for `a0`, `A0`
    /// and `X`; `y` for `Y`; `sk` for `dZk` and `deltak`; `nk` for `Zk`; `ak` for `Ak`;
    /// `nil` for a name that is not another notation.
    public static func canonicalName(of name: String) -> String? {
        if name == "a0" || name == "A0" || name == "X" { return "x" }
        if name == "Y" { return "y" }
        for (alias, canonical) in [("dZ", "s"), ("delta", "s"), ("Z", "n"), ("A", "a")] where name.hasPrefix(alias) {
            let rest = name.dropFirst(alias.count)
            if !rest.isEmpty, rest.allSatisfy(\.isNumber) { return canonical + rest }
        }
        return nil
    }
}

/// The records of a training run, in the order they were made.
public struct Trace: Sendable {
    /// Every record.
    public internal(set) var records: [TraceRecord] = []

    /// Creates an empty trace.
    public init() {}

    /// The record made at `step`, if that step was recorded.
    public func record(at step: TraceStep) -> TraceRecord? {
        records.first { $0.step == step }
    }

    /// The record made at the `iteration`-th update, if that update was recorded.
    public func record(atIteration iteration: Int) -> TraceRecord? {
        records.first { $0.iteration == iteration }
    }
}
