import Engine
import LessonFormat

/// Where the quantities a cell shows come from, as its `at` key names it: a step of training,
/// `{epoch: 1, sample: 4}`, `{epoch: 2, step: 3}` or `{iteration: 7}`, or the current
/// network's forward pass on one sample of the data, `{input: 3}`.
///
/// `sample` and `step` mean the same (the update's number within its epoch, from 1); a
/// lesson writes `sample` for rules that update after every sample, and the report repeats
/// the word it chose. `iteration` counts updates from the first of the run. `input` needs no
/// training: it is how a chapter fills in the equations of a hand-designed network.
enum StepSelection: Sendable, Equatable, CustomStringConvertible {
    /// An update within an epoch; `unit` is `sample` or `step`, as the lesson wrote it.
    case step(TraceStep, unit: String)
    /// The n-th update of the run, from 1.
    case iteration(Int)
    /// The current network's forward pass on the n-th training sample, from 1.
    case input(Int)

    /// The first update of the first epoch, the default.
    public static let first = StepSelection.step(TraceStep(epoch: 1, step: 1), unit: "step")

    /// The keys an `at` mapping may hold.
    static let keys = ["epoch", "sample", "step", "iteration", "input"]

    /// Reads the `at` key of a cell, or returns ``first`` when it is absent.
    ///
    /// - Parameters:
    ///   - fields: the cell's keys.
    ///   - place: how messages name the cell (`equation cell`).
    init(_ fields: FieldReader, place: String) throws(LessonError) {
        guard let value = fields.value("at") else {
            self = .first
            return
        }
        guard value.entries != nil else {
            throw LessonError(
                .wrongType(key: "at", in: place, expected: "a mapping like {epoch: 1, sample: 4}", found: value.kindDescription),
                at: value.position)
        }
        let at = try FieldReader(value, place: "'at' of the \(place)", at: value.position, allowedKeys: Self.keys)
        if at.contains("sample"), at.contains("step") {
            throw LessonError(
                .invalidValue(key: "at", in: place, message: "gives both 'sample' and 'step'; they name the same thing, write one"),
                at: value.position)
        }
        for (key, make) in [("iteration", Self.iteration), ("input", Self.input)] where at.contains(key) {
            if let other = Self.keys.first(where: { $0 != key && at.contains($0) }) {
                throw LessonError(
                    .invalidValue(key: "at", in: place, message: "gives '\(key)' and '\(other)'; name one step: {epoch: E, sample: S}, {epoch: E, step: S}, {iteration: I} or {input: N}"),
                    at: value.position)
            }
            self = make(try at.integer(key, in: 1...1_000_000_000))
            return
        }
        let unit = at.contains("sample") ? "sample" : "step"
        let epoch = try at.integer("epoch", default: 1, in: 1...1_000_000)
        let step = try at.integer(unit, default: 1, in: 1...1_000_000_000)
        self = .step(TraceStep(epoch: epoch, step: step), unit: unit)
    }

    /// `epoch 1, sample 4` or `iteration 7`.
    public var description: String {
        switch self {
        case let .step(step, unit): "epoch \(step.epoch), \(unit) \(step.step)"
        case let .iteration(iteration): "iteration \(iteration)"
        case let .input(sample): "sample \(sample) of the data"
        }
    }

    /// Whether the quantities come from the network's forward pass rather than from training.
    var isInput: Bool {
        if case .input = self { return true }
        return false
    }

    /// The steps the train cell above must record.
    ///
    /// An iteration is asked for as the first step of the epoch with its number, which is the
    /// same update in full-batch training (one update per epoch); the perceptron rule records
    /// every update anyway, and other runs need `trace_every` or an epoch and step.
    var requestedSteps: [TraceStep] {
        switch self {
        case let .step(step, _): [step]
        case let .iteration(iteration): [TraceStep(epoch: iteration, step: 1)]
        case .input: []
        }
    }
}
