import Dispatch
import Engine
import LessonFormat
import Report

/// One run of a comparison: the setting it tried and what training did with it.
struct CompareRun {
    /// The value of the varied setting this run tried, as the lesson wrote it.
    var setting: LessonValue
    /// The epochs completed (up to the one before a divergence).
    var epochs: [EpochRecord]
    /// The epoch in which training diverged, if it did.
    var divergedEpoch: Int?
    /// The trained network (the last good parameters when the run diverged).
    var network: Network
    /// The network before training.
    var initial: Network
    /// The configuration the engine ran.
    var configuration: TrainingConfiguration
    /// What the engine returned, unless the run diverged.
    var result: TrainingResult?
    /// The accuracy on the test set, if there is one and the run did not diverge.
    var testAccuracy: Double?
    /// The loss on the test set, if there is one and the run did not diverge.
    var testLoss: Double?
    /// Wall-clock seconds.
    var seconds: Double
    /// The model cell as this run varied it.
    var model: ModelCell?
    /// The train cell as this run varied it.
    var train: TrainCell?
    /// The model and train cells as this run wrote them, for a comparison below that keeps it.
    var sources: (model: Cell, train: Cell)?
    /// Whether this is the network the train cell above trained (`include: above`), not a run of its own.
    var isAbove = false
}

extension CompareCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let data = try session.requireData(for: cell)
        let plans = try self.plans(in: session, data: data)
        // Every run copies the same generator state, so all start from the same random stream.
        let weightGenerator = session.generator("compare-weights")
        var shuffleGenerator = session.generator("compare-shuffle")
        let shuffleSeed = shuffleGenerator.next()
        var runs = includesAbove ? [try runAbove(in: session, data: data)] : [CompareRun]()
        for plan in plans {
            var generator = weightGenerator
            let network = plan.model.network(using: &generator)
            let configuration = plan.train.configuration(
                loss: plan.train.effectiveLoss(outputActivation: network.outputLayer.activation),
                trace: keep == .best ? trace(for: plan.train, session: session) : .none, seed: shuffleSeed)
            var run = execute(plan.value, from: network, configuration: configuration, data: data)
            run.model = plan.model
            run.train = plan.train
            run.sources = plan.sources
            runs.append(run)
        }
        session.comparison = runs
        try report(runs, data: data, session: session)
        if keep == .best { keepBest(of: runs, session: session) }
    }

    /// The network the train cell above trained, as a run of this comparison: its own history and
    /// numbers, not trained again.
    private func runAbove(in session: Session, data: SessionData) throws(LessonError) -> CompareRun {
        guard case let .gradientDescent(above) = session.training, let network = session.network, let model = session.modelSource,
            let train = session.trainSource
        else {
            throw LessonError(.failed("'include: above' needs a train cell above that trains with gradient descent"), at: position)
        }
        let setting = settingAbove(model: model, train: train, sizes: session.model?.sizes ?? network.sizes)
        var run = CompareRun(
            setting: setting, epochs: above.result.history.epochs, network: network, initial: above.initial,
            configuration: above.configuration, result: above.result, seconds: above.seconds, model: session.model,
            train: session.lastTrain, sources: (model, train))
        run.isAbove = true
        if let test = data.testExamples {
            (run.testLoss, run.testAccuracy) = GradientDescentTrainer(configuration: above.configuration).evaluate(network, on: test)
        }
        return run
    }

    /// The varied setting as the cells above have it (`default` where they leave it out); for
    /// `hidden`, the sizes between the network's first and last, `sizes`.
    private func settingAbove(model: Cell, train: Cell, sizes: [Int]) -> LessonValue {
        switch varied {
        case .hidden:
            let hidden = sizes.dropFirst().dropLast()
            return LessonValue(.list(hidden.map { LessonValue(.scalar(String($0), isPlain: true), at: position) }), at: position)
        case let .key(key, owner):
            let body = owner == .train ? train.body : model.body
            return body.entries?.first { $0.key == key }?.value ?? LessonValue(.scalar("default", isPlain: true), at: position)
        }
    }

    /// Reads every run's cells, as a run would, without training: a value the train or model
    /// cell refuses is found by `lessons check`.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] {
        do {
            _ = try plans(in: session, data: try session.requireData(for: cell))
            return []
        } catch {
            return [error]
        }
    }

    /// One run's value, its cells as read, and its cells as written.
    struct Plan {
        var value: LessonValue
        var model: ModelCell
        var train: TrainCell
        var sources: (model: Cell, train: Cell)
    }

    /// Every run's model and train cells, each value written into the cells above and read
    /// again, checked before the first run trains, so a mistake costs no training time.
    func plans(in session: Session, data: SessionData) throws(LessonError) -> [Plan] {
        guard let model = session.model, let modelSource = session.modelSource else {
            throw LessonError(.failed("the compare cell needs a model cell above it"), at: position)
        }
        guard let train = session.lastTrain, let trainSource = session.trainSource else {
            throw LessonError(.failed("the compare cell needs a train cell above it"), at: position)
        }
        guard train.rule == .gradientDescent else {
            throw LessonError(
                .failed("the compare cell trains with gradient descent; the train cell above uses the perceptron rule"),
                at: position)
        }
        let sizes = model.sizes
        guard data.training.featureCount == sizes[0], data.training.targets.columns == sizes[sizes.count - 1] else {
            throw LessonError(
                .failed("the model's layers \(sizes) do not fit the data's \(NumberText.count(data.training.featureCount, "feature")) and \(NumberText.count(data.training.targets.columns, "target column"))"),
                at: position)
        }
        var plans = [Plan]()
        for value in values {
            let (variantModel, variantTrain, sources) = try variant(value, model: modelSource, train: trainSource, session: session)
            let what = varied == .hidden ? "hidden: [\(Self.valueText(value))]" : "\(varied.name): \(Self.valueText(value))"
            guard variantTrain.rule == .gradientDescent else {
                throw LessonError(.failed("with '\(what)' the run would use the perceptron rule; a comparison trains with gradient descent"), at: value.position)
            }
            if variantTrain.patience != nil, data.validationExamples == nil {
                throw LessonError(
                    .failed("early stopping needs a validation set: give the data cell a 'validation' fraction"),
                    at: varied.name == "early_stopping" ? value.position : position)
            }
            guard data.training.featureCount == variantModel.sizes[0],
                data.training.targets.columns == variantModel.sizes[variantModel.sizes.count - 1]
            else {
                throw LessonError(
                    .failed("with '\(what)' the model's layers \(variantModel.sizes) do not fit the data's \(NumberText.count(data.training.featureCount, "feature")) and \(NumberText.count(data.training.targets.columns, "target column"))"),
                    at: value.position)
            }
            try variantTrain.checkPassSizes(of: variantModel.sizes, on: data, at: value.position)
            if includesAbove, variantModel == model, variantTrain == train {
                throw LessonError(
                    .failed("'\(Self.valueText(value))' is the setting of the run above, which 'include: above' already shows"),
                    at: value.position)
            }
            if let same = plans.first(where: { $0.model == variantModel && $0.train == variantTrain }) {
                throw LessonError(
                    .failed("'\(Self.valueText(value))' gives the same run as '\(Self.valueText(same.value))': the cells above do not use '\(varied.name)' as written\(varied.name == "activation" ? " (a model cell with 'activations' gives each layer's)" : "")"),
                    at: value.position)
            }
            plans.append(Plan(value: value, model: variantModel, train: variantTrain, sources: sources))
        }
        return plans
    }

    /// The steps the cells below ask for, recorded only when a run may become the session's.
    private func trace(for train: TrainCell, session: Session) -> TraceSchedule {
        var schedule = session.traceRequests
        schedule.everyIterations = train.traceEvery
        return schedule
    }

    /// Trains one run; a divergence ends its curve instead of failing the chapter.
    private func execute(
        _ setting: LessonValue, from initial: Network, configuration: TrainingConfiguration, data: SessionData
    ) -> CompareRun {
        // Epochs arrive as they end, so a run that diverges keeps its curve up to the divergence.
        var finishedEpochs = [EpochRecord]()
        let trainer = GradientDescentTrainer(configuration: configuration) { finishedEpochs.append($0) }
        let validation = data.validationExamples
        let start = DispatchTime.now().uptimeNanoseconds
        var network = initial
        var run = CompareRun(
            setting: setting, epochs: [], network: initial, initial: initial, configuration: configuration,
            seconds: 0)
        do {
            let result = try trainer.train(&network, on: data.trainingExamples, validation: validation)
            run.result = result
            run.network = network
            if let test = data.testExamples { (run.testLoss, run.testAccuracy) = trainer.evaluate(network, on: test) }
        } catch {
            run.divergedEpoch = error.epoch
            run.network = network
        }
        run.epochs = finishedEpochs
        run.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return run
    }
}
