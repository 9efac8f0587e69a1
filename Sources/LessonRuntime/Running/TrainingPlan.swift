import Engine
import LessonFormat

/// What a train cell's run will record, known without training it: how many epochs and
/// updates it makes at most, and the quantities at a step — their names and shapes taken from
/// one real update on the first samples (as many as that step's batch holds) from the model's
/// starting weights, so they are the engine's own names and shapes.
///
/// `lessons check` puts a plan in the session where a run would be (`Session.plannedTraining`),
/// so the cells below find every name, shape and step they ask for, or their mistakes, before
/// anything trains. The values are not the run's, so a plan checks no relation's numbers.
final class TrainingPlan {
    /// The most epochs the run makes (early stopping or a converged perceptron may make fewer).
    let epochs: Int
    /// The updates of one epoch.
    let updatesPerEpoch: Int
    /// The training samples.
    let sampleCount: Int
    /// Whether every update is recorded (the perceptron rule), not only the requested ones.
    let recordsEveryUpdate: Bool
    /// The cell's `trace_every`, if it has one.
    let traceEvery: Int?
    /// The size of each batch but the last of an epoch.
    private let batchSize: Int
    /// One update on the first `m` samples with recording on.
    private let rehearse: (Int) -> TraceRecord?
    private var records: [Int: TraceRecord] = [:]

    init(
        epochs: Int, sampleCount: Int, batching: Batching, recordsEveryUpdate: Bool, traceEvery: Int?,
        rehearse: @escaping (Int) -> TraceRecord?
    ) {
        self.epochs = epochs
        self.sampleCount = sampleCount
        batchSize = max(1, batching.size(for: sampleCount))
        updatesPerEpoch = batching.updates(for: sampleCount)
        self.recordsEveryUpdate = recordsEveryUpdate
        self.traceEvery = traceEvery
        self.rehearse = rehearse
    }

    /// The samples in the `step`-th batch of an epoch: the batch size, less for the last batch.
    func batchSize(at step: Int) -> Int {
        step < updatesPerEpoch ? batchSize : sampleCount - (updatesPerEpoch - 1) * batchSize
    }

    /// The quantities the run will record at `selection` (with rehearsed values).
    ///
    /// - Throws: an error at `position` when training will not reach or record that step,
    ///   saying how far it goes.
    func record(at selection: StepSelection, position: SourcePosition) throws(LessonError) -> TraceRecord? {
        func never(_ reason: String) -> LessonError {
            LessonError(.failed("no quantities will be recorded at \(selection): \(reason)"), at: position)
        }
        let step: Int
        switch selection {
        case let .step(traceStep, unit):
            if traceStep.epoch > epochs {
                throw never("the train cell runs \(epochs == 1 ? "1 epoch" : "at most \(epochs) epochs")")
            }
            if traceStep.step > updatesPerEpoch {
                let what = updatesPerEpoch == 1 ? "update" : (unit == "sample" ? "samples" : "steps")
                throw never("an epoch has \(updatesPerEpoch) \(what)")
            }
            step = traceStep.step
        case let .iteration(iteration):
            let total = epochs * updatesPerEpoch
            if iteration > total { throw never("the train cell makes at most \(total) update\(total == 1 ? "" : "s")") }
            let recorded = recordsEveryUpdate || updatesPerEpoch == 1 || traceEvery.map { iteration % $0 == 0 } == true
            if !recorded {
                throw never(
                    "that update is not recorded; with several updates an epoch, name it as {epoch: E, step: S} or set 'trace_every' in the train cell")
            }
            step = (iteration - 1) % updatesPerEpoch + 1
        case .input:
            preconditionFailure("a forward pass is computed, not recorded")
        }
        let size = batchSize(at: step)
        if let record = records[size] { return record }
        let record = rehearse(size)
        records[size] = record
        return record
    }
}
