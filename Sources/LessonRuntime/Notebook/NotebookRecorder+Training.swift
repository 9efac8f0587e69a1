import Engine

extension NotebookRecorder {
    /// A train cell's run: gradient descent with the configuration the engine ran (its seed
    /// included, so the batches come in the same order and dropout drops the same units), or
    /// the perceptron rule; `results` as the chapter sets its numbers.
    func trainCode(_ cell: TrainCell, in session: Session) -> String? {
        if let gap = networkGap { return "# Not reproduced: " + gap + "." }
        switch session.training {
        case let .gradientDescent(run):
            return gradientDescentCode(run, regression: session.data?.training.isRegression == true)
        case let .perceptron(run):
            return perceptronCode(run, epochs: cell.epochs)
        case nil:
            return nil
        }
    }

    private func gradientDescentCode(_ run: GradientDescentRun, regression: Bool) -> String {
        parts.insert(.training)
        let configuration = run.configuration
        let history = run.result.history.epochs
        var lines = ["# Training: " + Self.describe(configuration) + "."]
        lines.append("run = train(network, data, " + Self.arguments(configuration) + ")")
        lines.append("history = run[\"history\"]")
        lines.append("results[\"epochs\"] = len(history)")
        lines.append("results.pop(\"converged\", None)")
        lines.append("results[\"finalTrainingLoss\"] = history[-1][\"loss\"]")
        lines.append(regression ? "results.pop(\"trainingAccuracy\", None)" : "results[\"trainingAccuracy\"] = history[-1][\"accuracy\"]")
        lines.append("report(\"epochs\", len(history), \(history.count))")
        if let last = history.last {
            lines.append("report(\"final training loss\", history[-1][\"loss\"], \(PythonLiteral.number(last.trainingLoss)))")
            if !regression {
                lines.append("report(\"training accuracy\", history[-1][\"accuracy\"], \(PythonLiteral.number(last.trainingAccuracy)))")
            }
            if let loss = last.validationLoss {
                lines.append("report(\"final validation loss\", history[-1][\"validation_loss\"], \(PythonLiteral.number(loss)))")
            }
        }
        if let best = run.result.bestEpoch {
            lines.append("report(\"the epoch whose weights early stopping kept\", run[\"best_epoch\"], \(best))")
        }
        return lines.joined(separator: "\n")
    }

    private func perceptronCode(_ run: PerceptronRun, epochs: Int) -> String {
        parts.insert(.perceptron)
        let result = run.result
        return [
            "# Training: the perceptron rule, η = \(PythonLiteral.number(run.learningRate)), at most \(epochs) epochs.",
            "mistakes = perceptron(network[0], *data[\"training\"], rate=\(PythonLiteral.number(run.learningRate)), epochs=\(epochs))",
            "results[\"epochs\"] = len(mistakes)",
            "results[\"converged\"] = mistakes[-1] == 0",
            "results.pop(\"finalTrainingLoss\", None)",
            "report(\"epochs\", len(mistakes), \(result.epochsRun))",
            "report(\"converged\", mistakes[-1] == 0, \(PythonLiteral.boolean(result.converged)))",
            "report(\"mistakes per epoch\", mistakes, \(result.errorsPerEpoch))",
            "print(\"W =\", network[0][\"W\"].ravel(), \" b =\", network[0][\"b\"].ravel())",
        ].joined(separator: "\n")
    }

    /// `gradient descent, binary-cross-entropy, η = 1, 5000 epochs of full batches`.
    static func describe(_ configuration: TrainingConfiguration) -> String {
        var words = [configuration.optimizer.description, configuration.loss.rawValue, "η = \(PythonLiteral.number(configuration.learningRate))"]
        words.append("\(configuration.epochs) epoch\(configuration.epochs == 1 ? "" : "s") of \(configuration.batching)")
        if configuration.weightDecay != 0 { words.append("weight decay \(PythonLiteral.number(configuration.weightDecay))") }
        if configuration.l1 != 0 { words.append("L1 \(PythonLiteral.number(configuration.l1))") }
        if let stopping = configuration.earlyStopping { words.append("early stopping after \(stopping.patience) epochs without improvement") }
        return words.joined(separator: ", ")
    }

    /// The keyword arguments of `train` for `configuration`, the defaults left out.
    static func arguments(_ configuration: TrainingConfiguration) -> String {
        let settings = configuration.optimizer.settings.values.sorted { $0.key < $1.key }.map { ($0.key, PythonLiteral.number($0.value)) }
        var arguments = [
            "loss=\(PythonLiteral.string(configuration.loss.rawValue))",
            "optimizer=\(PythonLiteral.string(configuration.optimizer.name))",
            "settings=\(PythonLiteral.dict(settings))",
            "rate=\(PythonLiteral.number(configuration.learningRate))",
            "epochs=\(configuration.epochs)",
        ]
        switch configuration.batching {
        case .fullBatch: break
        case let .miniBatch(size): arguments.append("batch_size=\(size)")
        case .stochastic: arguments.append("batch_size=1")
        }
        if !configuration.shuffles { arguments.append("shuffle=False") }
        if let schedule = python(configuration.schedule) { arguments.append("schedule=\(schedule)") }
        if configuration.weightDecay != 0 { arguments.append("weight_decay=\(PythonLiteral.number(configuration.weightDecay))") }
        if configuration.l1 != 0 { arguments.append("l1=\(PythonLiteral.number(configuration.l1))") }
        if let stopping = configuration.earlyStopping { arguments.append("patience=\(stopping.patience)") }
        arguments.append("seed=\(configuration.seed)")
        return arguments.joined(separator: ", ")
    }

    /// The schedule as `train` takes it; `nil` for a constant η.
    static func python(_ schedule: LearningRateSchedule) -> String? {
        var fields: [(String, String)]
        switch schedule.decay {
        case .constant: fields = [("kind", "\"constant\"")]
        case let .step(every, factor): fields = [("kind", "\"step\""), ("every", "\(every)"), ("factor", PythonLiteral.number(factor))]
        case let .exponential(rate): fields = [("kind", "\"exponential\""), ("rate", PythonLiteral.number(rate))]
        case let .cosine(minimum): fields = [("kind", "\"cosine\""), ("minimum", PythonLiteral.number(minimum))]
        }
        if schedule.warmup > 0 { fields.append(("warmup", "\(schedule.warmup)")) }
        if fields.count == 1, case .constant = schedule.decay { return nil }
        return PythonLiteral.dict(fields)
    }
}
