import Engine
import LessonFormat
import Relations

/// The named quantities at one step: what training recorded there, or the current network's
/// forward pass on one sample.
struct StepQuantities: Sendable {
    /// The canonical names, in the order they were computed (suggestions and full listings use them).
    var names: [String]
    private let lookup: @Sendable (String) -> Matrix?

    /// The quantities a training run recorded, with the record's other names.
    init(_ record: TraceRecord) {
        names = record.names
        lookup = { record[$0] }
    }

    /// Named values, in the order given: a gradient-descent walk's step.
    init(named values: [(String, Matrix)]) {
        names = values.map(\.0)
        let table = Dictionary(values, uniquingKeysWith: { first, _ in first })
        lookup = { table[$0] }
    }

    /// The forward pass of `network` on `input` (one row) against `target`, named as a training
    /// record names it: `x`, `y`, and `Wk`, `bk`, `nk`, `ak` for each layer `k` from 1, every layer
    /// counting (a batch normalization's `gammak`, `betak`; no `nk` for a layer without one; also `Zk`,
    /// `Ak`, `a0`, `X`, `Y`). A network of one layer also has the perceptron's names `W`, `b`,
    /// `n`, `a` and `theta` (`[b; W]`).
    init(forward network: Network, input: Matrix, target: Matrix) {
        let pass = network.forward(input)
        var values: [(String, Matrix)] = [("x", input), ("y", target)]
        let layers = network.denseLayers
        if layers.count == 1 {
            let layer = layers[0]
            values += [
                ("W", layer.weights), ("b", layer.bias),
                ("theta", Matrix.verticalConcatenation([layer.bias, layer.weights])), ("n", pass.nets[0]),
                ("a", pass.outputs[0]),
            ]
        }
        // Every layer counts, as in training: in [2, 8, dropout: 0.5, 8, 1] the second dense layer
        // is layer 3 (W3, n3, a3) and the dropout's output, the identity in evaluation, is a2.
        for (index, layer) in network.layers.enumerated() {
            let k = index + 1
            values += zip(layer.parameterSymbols, layer.parameters).map { ("\($0)\(k)", $1) }
            if pass.nets[index].count > 0 { values.append(("n\(k)", pass.nets[index])) }
            values.append(("a\(k)", pass.outputs[index]))
        }
        names = values.map(\.0)
        let table = Dictionary(values, uniquingKeysWith: { first, _ in first })
        lookup = { name in
            if let value = table[name] { return value }
            if ["a0", "A0", "X"].contains(name) { return table["x"] }
            if name == "Y" { return table["y"] }
            for (alias, canonical) in [("Z", "n"), ("A", "a")] where name.hasPrefix(alias) {
                let rest = name.dropFirst()
                if !rest.isEmpty, rest.allSatisfy(\.isNumber) { return table[canonical + rest] }
            }
            return nil
        }
    }

    /// The quantity called `name` (or one of its other names), if there is one.
    subscript(name: String) -> Matrix? { lookup(name) }

    /// The quantities as a relation's bindings.
    var bindings: Bindings {
        let lookup = self.lookup
        return Bindings(names: names, canonicalName: { TraceRecord.canonicalName(of: $0) ?? $0 }, lookup: lookup)
    }
}

extension StepSelection {
    /// The quantities at this step: recorded by the last training run, computed by the current
    /// network, or, for an iteration after a gradient-descent walk, that walk's step.
    ///
    /// - Throws: an error at `position` when the step was not recorded (saying which steps training
    ///   ran) or the sample does not exist; the session's errors when training, the network or the
    ///   data a step needs is missing.
    func quantities(for cell: Cell, in session: Session, at position: SourcePosition) throws(LessonError) -> StepQuantities {
        // A walk of gradient descent on a function, drawn or tabulated since the last training,
        // is what an iteration names.
        if case let .iteration(step) = self, let walk = session.walk {
            return try walk.quantities(at: step, position: position)
        }
        if case let .input(sample) = self {
            let data = try session.requireData(for: cell)
            let network = try session.requireNetwork(for: cell)
            guard sample <= data.training.count else {
                throw LessonError(
                    .failed("there is no sample \(sample): the data has \(data.training.count) sample\(data.training.count == 1 ? "" : "s")"),
                    at: position)
            }
            guard data.training.featureCount == network.sizes[0] else {
                throw LessonError(
                    .failed("the network takes \(network.sizes[0]) inputs, but the data has \(data.training.featureCount) features"),
                    at: cell.position)
            }
            return StepQuantities(
                forward: network, input: data.training.inputs.row(sample - 1), target: data.training.targets.row(sample - 1))
        }
        if let plan = session.plannedTraining {
            guard let record = try plan.record(at: self, position: position) else {
                throw LessonError(
                    .failed("the first update on the first samples failed, so the quantities at \(self) cannot be checked before training"),
                    at: position)
            }
            return StepQuantities(record)
        }
        let training = try session.requireTraining(for: cell)
        return StepQuantities(try record(in: training, data: session.data, at: position))
    }

    /// The quantities `training` recorded at this step.
    ///
    /// - Throws: an error at `position` saying which steps training ran when it did not record this one.
    private func record(in training: TrainingRun, data: SessionData?, at position: SourcePosition) throws(LessonError) -> TraceRecord {
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
        case .input:
            preconditionFailure("a forward pass is computed, not recorded")
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
            return run.configuration.batching.updates(for: count)
        }
    }
}
