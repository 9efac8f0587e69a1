import Dispatch
import Engine
import Relations
import LessonFormat
import Report

extension TrainCell: RunnableCell {
    /// The most updates a perceptron run may make (samples × epochs): it records each one,
    /// and a million of them took 2.5 GB.
    static let maximumPerceptronUpdates = 200_000

    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let (data, network) = try inputs(cell, in: session)
        session.lastTrain = self
        session.trainSource = cell
        session.walk = nil
        switch rule {
        case .perceptron:
            try runPerceptron(cell, network: network, data: data, session: session)
        case .gradientDescent:
            try runGradientDescent(cell, network: network, data: data, session: session)
        }
    }

    /// The data and the network the run trains, once the network is checked to fit the data.
    func inputs(_ cell: Cell, in session: Session) throws(LessonError) -> (SessionData, Network) {
        let data = try session.requireData(for: cell)
        let network = try session.requireNetwork(for: cell)
        try network.requireFit(
            features: data.training.featureCount, targetColumns: data.training.targets.columns,
            samples: "the training samples have", advice: "; add a model cell that fits the data above this cell",
            at: cell.position)
        return (data, network)
    }

    private func runPerceptron(_ cell: Cell, network: Network, data: SessionData, session: Session) throws(LessonError) {
        try checkPerceptron(cell, network: network, data: data)
        var layer = network.denseLayers[0]
        let rule = PerceptronRule(learningRate: learningRate, maximumEpochs: epochs, trace: .all)
        let result = rule.train(&layer, on: data.trainingExamples)
        session.network = Network(layers: [layer])
        session.training = .perceptron(PerceptronRun(result: result, initial: network.denseLayers[0], final: layer, learningRate: learningRate))
        session.setHeadline("epochs", "\(result.epochsRun)")
        session.setHeadline("converged:", result.converged ? "yes" : "no")
        session.removeHeadline("training accuracy")
        session.metrics.epochs = result.epochsRun
        session.metrics.converged = result.converged
        session.metrics.finalTrainingLoss = nil
    }

    /// Refuses a perceptron run the rule cannot make: a network that is not one hard-limit
    /// layer, or more updates than it can record.
    func checkPerceptron(_ cell: Cell, network: Network, data: SessionData) throws(LessonError) {
        guard network.denseLayers.count == 1, network.denseLayers[0].activation == .hardLimit else {
            throw LessonError(
                .failed("the perceptron rule trains one hard-limit layer; the model is \(network)"), at: cell.position)
        }
        guard !data.training.isRegression else {
            throw LessonError(
                .failed("the perceptron rule learns classes, but \(data.title) has real values to predict; use 'rule: gradient-descent' with a linear output"),
                at: cell.position)
        }
        // Every update is recorded (about 2.5 kB each) for the update tables and per-epoch figures.
        let (updates, overflow) = data.training.count.multipliedReportingOverflow(by: epochs)
        if overflow || updates > Self.maximumPerceptronUpdates {
            throw LessonError(
                .failed(
                    "the perceptron rule records every update, and \(NumberText.grouped(data.training.count)) samples × "
                        + "\(NumberText.grouped(epochs)) epochs could make \(overflow ? "more than \(NumberText.grouped(Int.max))" : NumberText.grouped(updates)) of them, "
                        + "more than the limit of \(NumberText.grouped(Self.maximumPerceptronUpdates)); use fewer samples or epochs"),
                at: cell.position)
        }
    }

    private func runGradientDescent(_ cell: Cell, network: Network, data: SessionData, session: Session) throws(LessonError) {
        var schedule = session.traceRequests
        schedule.everyIterations = traceEvery
        var shuffleGenerator = session.generator("shuffle")
        var configuration = try gradientDescentConfiguration(
            cell, network: network, data: data, trace: schedule, seed: shuffleGenerator.next())
        configuration.measuresLayers = session.measuresLayers
        let validation = data.validationExamples
        var trained = network
        let start = DispatchTime.now().uptimeNanoseconds
        let result: TrainingResult
        let epochs = self.epochs
        let progress = session.progress.map { report in
            { (record: EpochRecord) in
                report(TrainingProgress(
                    lesson: session.path, epoch: record.epoch, epochs: epochs, loss: record.trainingLoss,
                    accuracy: data.training.isRegression ? nil : record.trainingAccuracy,
                    elapsed: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            }
        }
        do {
            result = try GradientDescentTrainer(configuration: configuration, epochEnded: progress)
                .train(&trained, on: data.trainingExamples, validation: validation)
        } catch {
            throw LessonError(
                .failed(error.description { PlainText.number($0, significantDigits: 4) }), at: cell.position)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        session.network = trained
        session.training = .gradientDescent(
            GradientDescentRun(result: result, configuration: configuration, initial: network, seconds: seconds))
        session.setHeadline("epochs", "\(result.history.epochs.count)")
        session.removeHeadline("converged:")
        session.metrics.epochs = result.history.epochs.count
        session.metrics.converged = nil
        if let last = result.history.epochs.last {
            session.metrics.finalTrainingLoss = last.trainingLoss
            // Regression data has no classes: its evaluate cell reports the MSE and R² instead.
            if data.training.isRegression {
                session.removeHeadline("training accuracy")
                session.metrics.trainingAccuracy = nil
            } else {
                session.setHeadline("training accuracy", NumberText.percent(last.trainingAccuracy))
                session.metrics.trainingAccuracy = last.trainingAccuracy
            }
        }
    }

    /// The configuration of a gradient-descent run of this cell, once the run is checked to fit:
    /// a loss the output layer can take, a validation set for early stopping, passes that fit
    /// in memory.
    func gradientDescentConfiguration(
        _ cell: Cell, network: Network, data: SessionData, trace: TraceSchedule, seed: UInt64
    ) throws(LessonError) -> TrainingConfiguration {
        let loss = effectiveLoss(outputActivation: network.outputLayer.activation)
        if loss == .binaryCrossEntropy || loss == .categoricalCrossEntropy,
            ![.sigmoid, .softmax].contains(network.outputLayer.activation)
        {
            throw LessonError(
                .failed("\(loss) needs probabilities: end the model with a sigmoid or softmax layer, not \(network.outputLayer.activation)"),
                at: cell.position)
        }
        if patience != nil, data.validationExamples == nil {
            throw LessonError(.failed("early stopping needs a validation set: give the data cell a 'validation' fraction"), at: cell.position)
        }
        try checkPassSizes(of: network.sizes, on: data, at: cell.position)
        return configuration(loss: loss, trace: trace, seed: seed)
    }

    /// The cell's settings as a training configuration with `loss`, recording `trace`, shuffling from `seed`.
    func configuration(loss: Loss, trace: TraceSchedule, seed: UInt64) -> TrainingConfiguration {
        var configuration = TrainingConfiguration(
            loss: loss, optimizer: optimizer, learningRate: learningRate, epochs: epochs, batching: batching,
            shuffles: shuffles, weightDecay: weightDecay,
            earlyStopping: patience.map { EarlyStopping(patience: $0) }, trace: trace, seed: seed)
        configuration.schedule = schedule
        configuration.l1 = l1
        return configuration
    }

    /// Refuses a run whose batches, validation passes or recorded updates would exhaust
    /// memory (`ForwardPassLimit`).
    func checkPassSizes(of sizes: [Int], on data: SessionData, at position: SourcePosition) throws(LessonError) {
        let batchRows = batching.size(for: data.training.count)
        try ForwardPassLimit.check(
            rows: batchRows, through: sizes,
            what: batching == .fullBatch ? "training on full batches" : "training on batches of \(NumberText.grouped(batchRows))",
            advice: "set a smaller 'batch_size', or use fewer samples or units", at: position)
        if let validation = data.validation {
            try ForwardPassLimit.check(
                rows: validation.count, through: sizes, what: "measuring the validation loss after each epoch",
                advice: "use a smaller 'validation' fraction, or fewer samples or units", at: position)
        }
        guard let traceEvery else { return }
        // Each recorded update keeps every layer's weights three times (before, gradient, after)
        // and the batch's net inputs, activations and sensitivities.
        let parameters = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
        let perRecord = 3 * parameters + batchRows * (sizes[0] + 3 * sizes.dropFirst().reduce(0, +))
        let updates = (data.training.count + batchRows - 1) / batchRows * epochs
        let records = updates / traceEvery
        let (values, overflow) = records.multipliedReportingOverflow(by: perRecord)
        guard overflow || values > ForwardPassLimit.maximumValues else { return }
        throw LessonError(
            .failed(
                "'trace_every: \(traceEvery)' records \(NumberText.grouped(records)) of the \(NumberText.grouped(updates)) updates, "
                    + "about \(NumberText.grouped(perRecord)) values each: more than the limit of \(NumberText.grouped(ForwardPassLimit.maximumValues)) in all; "
                    + "record fewer updates with a larger 'trace_every', or name the steps the cells below show"),
            at: position)
    }
}
