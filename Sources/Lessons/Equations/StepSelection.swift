import Engine

/// The step of training whose recorded quantities a cell shows, as its `at` key names it:
/// `{epoch: 1, sample: 4}`, `{epoch: 2, step: 3}` or `{iteration: 7}`.
///
/// `sample` and `step` mean the same (the update's number within its epoch, from 1); a
/// lesson writes `sample` for rules that update after every sample, and the report repeats
/// the word it chose. `iteration` counts updates from the first of the run.
public enum StepSelection: Sendable, Equatable, CustomStringConvertible {
    /// An update within an epoch; `unit` is `sample` or `step`, as the lesson wrote it.
    case step(TraceStep, unit: String)
    /// The n-th update of the run, from 1.
    case iteration(Int)

    /// The first update of the first epoch, the default.
    public static let first = StepSelection.step(TraceStep(epoch: 1, step: 1), unit: "step")

    /// The keys an `at` mapping may hold.
    static let keys = ["epoch", "sample", "step", "iteration"]

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
        if at.contains("iteration") {
            if let other = ["epoch", "sample", "step"].first(where: at.contains) {
                throw LessonError(
                    .invalidValue(key: "at", in: place, message: "gives 'iteration' and '\(other)'; name a step either by its epoch and sample (or step) or by its iteration"),
                    at: value.position)
            }
            self = .iteration(try at.integer("iteration", in: 1...1_000_000_000))
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
        }
    }

    /// The step the train cell above must record.
    ///
    /// An iteration is asked for as the first step of the epoch with its number, which is the
    /// same update in full-batch training (one update per epoch); the perceptron rule records
    /// every update anyway, and other runs need `trace_every` or an epoch and step.
    var requestedStep: TraceStep {
        switch self {
        case let .step(step, _): step
        case let .iteration(iteration): TraceStep(epoch: iteration, step: 1)
        }
    }

    /// The quantities `training` recorded at this step.
    ///
    /// - Throws: an error at `position` saying which steps training ran when it did not record this one.
    func record(in training: TrainingRun, data: SessionData?, at position: SourcePosition) throws(LessonError) -> TraceRecord {
        let trace = training.trace
        let epochs = training.epochsRun
        let perEpoch = training.updatesPerEpoch(sampleCount: data?.training.count)
        switch self {
        case let .step(step, unit):
            if let record = trace.record(at: step) { return record }
            let reason: String
            if step.epoch > epochs {
                reason = "training ran \(epochs) epoch\(epochs == 1 ? "" : "s")"
            } else if let perEpoch, step.step > perEpoch {
                reason = "an epoch has \(perEpoch) \(perEpoch == 1 ? "update" : (unit == "sample" ? "samples" : "steps"))"
            } else {
                reason = "that step was not recorded"
            }
            throw LessonError(.failed("no quantities were recorded at \(self): \(reason)"), at: position)
        case let .iteration(iteration):
            if let record = trace.record(atIteration: iteration) { return record }
            let total: Int
            switch training {
            case let .perceptron(run): total = run.result.updates.count
            case let .gradientDescent(run): total = run.result.iterations
            }
            let reason =
                iteration > total
                ? "training ran \(total) update\(total == 1 ? "" : "s")"
                : "that update was not recorded; with several updates an epoch, name it as {epoch: E, step: S} or set 'trace_every' in the train cell"
            throw LessonError(.failed("no quantities were recorded at \(self): \(reason)"), at: position)
        }
    }
}

extension TrainingRun {
    /// The updates in each epoch, when the number of training samples is known.
    func updatesPerEpoch(sampleCount: Int?) -> Int? {
        switch self {
        case let .perceptron(run):
            return run.result.epochsRun == 0 ? nil : run.result.updates.count / run.result.epochsRun
        case let .gradientDescent(run):
            guard let count = sampleCount, count > 0 else { return nil }
            switch run.configuration.batching {
            case .fullBatch: return 1
            case .stochastic: return count
            case let .miniBatch(size):
                let batch = max(1, min(size, count))
                return (count + batch - 1) / batch
            }
        }
    }
}
