import Dispatch
import Engine
import LessonFormat
import Report

/// One run of a comparison: the setting it tried and what training did with it.
struct CompareRun {
    /// The setting this run tried.
    var setting: CompareCell.Setting
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
}

extension CompareCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let data = try session.requireData(for: cell)
        guard let model = session.model else {
            throw LessonError(.failed("the compare cell needs a model cell above it"), at: position)
        }
        guard let train = session.lastTrain else {
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

        // Every run copies the same generator state, so all start from the same random stream.
        let weightGenerator = session.generator("compare-weights")
        var shuffleGenerator = session.generator("compare-shuffle")
        let shuffleSeed = shuffleGenerator.next()
        // Every setting is checked before the first run trains, so a mistake costs no training time.
        var plans = [(setting: Setting, model: ModelCell, train: TrainCell)]()
        for (setting, settingPosition) in zip(settings, settingPositions) {
            let (variantModel, variantTrain) = try variant(for: setting, model: model, train: train, at: settingPosition)
            if variantTrain.patience != nil, data.validationExamples == nil {
                throw LessonError(
                    .failed("early stopping needs a validation set: give the data cell a 'validation' fraction"),
                    at: quantity == .earlyStopping ? settingPosition : position)
            }
            try variantTrain.checkPassSizes(of: variantModel.sizes, on: data, at: settingPosition)
            plans.append((setting, variantModel, variantTrain))
        }
        var runs = [CompareRun]()
        for plan in plans {
            var generator = weightGenerator
            let network = plan.model.network(using: &generator)
            let configuration = plan.train.configuration(
                loss: plan.train.effectiveLoss(outputActivation: network.outputLayer.activation),
                trace: keep == .best ? trace(for: plan.train, session: session) : .none, seed: shuffleSeed)
            var run = execute(plan.setting, from: network, configuration: configuration, data: data)
            run.model = plan.model
            run.train = plan.train
            runs.append(run)
        }
        try report(runs, data: data, session: session)
        if keep == .best { keepBest(of: runs, session: session) }
    }

    /// The steps the cells below ask for, recorded only when a run may become the session's.
    private func trace(for train: TrainCell, session: Session) -> TraceSchedule {
        var schedule = session.traceRequests
        schedule.everyIterations = train.traceEvery
        return schedule
    }

    /// The model and train cells above with the varied setting (and the epochs override) applied.
    private func variant(
        for setting: Setting, model: ModelCell, train: TrainCell, at settingPosition: SourcePosition
    ) throws(LessonError) -> (ModelCell, TrainCell) {
        var model = model
        var train = train
        if let epochs { train.epochs = epochs }
        switch setting {
        case let .learningRate(rate): train.learningRate = rate
        case let .optimizer(name): train.optimizer = Self.optimizer(named: name, base: train.optimizer)
        case let .batchSize(size): train.batching = size.map { $0 == 1 ? .stochastic : .miniBatch(size: $0) } ?? .fullBatch
        case let .earlyStopping(patience): train.patience = patience
        case let .initializer(name): model.initializer = Self.initializer(named: name, model: model)
        case let .hidden(hidden):
            guard model.initializer != nil else {
                throw LessonError(
                    .failed("the model cell gives explicit weights, which fix the layer sizes; give it an 'init' to vary 'hidden'"),
                    at: settingPosition)
            }
            model.sizes = [model.sizes[0]] + hidden + [model.sizes[model.sizes.count - 1]]
            let hiddenActivation = model.activations.count > 1 ? model.activations[0] : .sigmoid
            model.activations = hidden.map { _ in hiddenActivation } + [model.activations[model.activations.count - 1]]
            let parameters = zip(model.sizes, model.sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
            guard parameters <= ModelCell.maximumParameterCount else {
                throw LessonError(
                    .failed("layers \(model.sizes) ask for \(NumberText.grouped(parameters)) weights; the limit is \(NumberText.grouped(ModelCell.maximumParameterCount))"),
                    at: settingPosition)
            }
        }
        return (model, train)
    }

    /// The initializer `name` stands for; `uniform` and `normal` keep the model cell's range or spread.
    static func initializer(named name: String, model: ModelCell) -> Initializer {
        switch (name, model.initializer) {
        case let ("uniform", .uniform(low, high)?): .uniform(low: low, high: high)
        case ("uniform", _): .uniform(low: -1, high: 1)
        case let ("normal", .normal(mean, deviation)?): .normal(mean: mean, standardDeviation: deviation)
        case ("normal", _): .normal(mean: 0, standardDeviation: 1)
        default: ModelCell.initializers[name]!
        }
    }

    /// The optimizer `name` stands for, with its default settings, or the train cell's when
    /// the train cell uses it (`momentum` keeps the train cell's β).
    static func optimizer(named name: String, base: Optimizer) -> Optimizer {
        base.name == name ? base : Optimizer(Optimizer.rule(named: name)!)
    }

    /// Trains one run; a divergence ends its curve instead of failing the chapter.
    private func execute(
        _ setting: Setting, from initial: Network, configuration: TrainingConfiguration, data: SessionData
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
