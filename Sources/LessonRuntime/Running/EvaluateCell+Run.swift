import Datasets
import Engine
import Foundation
import LessonFormat
import Report

extension EvaluateCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let data = try session.requireData(for: cell)
        let network = try session.requireNetwork(for: cell)
        let samples = try self.samples(of: data)
        try network.requireFit(
            features: samples.featureCount, targetColumns: samples.targets.columns, samples: "the \(split) samples have",
            at: position)
        let loss = try effectiveLoss(for: network, in: session)
        try ForwardPassLimit.check(
            rows: samples.count, through: network.sizes, what: "evaluating the \(split) samples",
            advice: "use fewer samples or units", at: position)

        // In slices of samples (`Network.predict(_:target:loss:)`): a convolutional network's layers
        // over 10,000 images would otherwise hold more than a gigabyte at once.
        let (outputs, losses) = loss.map { network.predict(samples.inputs, target: samples.targets, loss: $0) }
            ?? (network.predict(samples.inputs), Matrix(rows: 0, columns: 0))
        let activation = network.outputLayer.activation
        let regression = samples.isRegression
        try refuseClassTables(for: samples, data: data)
        let predicted = regression ? [] : Evaluation.predictedLabels(outputs: outputs, activation: activation, samples: samples)
        var evaluation = Evaluation(
            split: split, samples: samples, outputs: outputs, predictedLabels: predicted, loss: loss,
            lossValue: loss.map { _ in losses.mean() },
            classNames: data.classNames,
            confusion: regression ? [] : Evaluation.confusion(labels: samples.labels, predicted: predicted, classCount: samples.classCount),
            network: network)
        if regression {
            evaluation.meanSquaredError = RegressionMetrics.meanSquaredError(output: outputs, target: samples.targets)
            evaluation.rSquared = RegressionMetrics.rSquared(output: outputs, target: samples.targets)
        }

        session.append(.table(summaryTable(evaluation, data: data, session: session)))
        if regression {
            recordRegressionMeasures(evaluation, in: session)
        } else {
            session.setHeadline("\(split) accuracy", NumberText.percent(evaluation.accuracy))
            switch split {
            case .training: session.metrics.trainingAccuracy = evaluation.accuracy
            case .validation: session.metrics.validationAccuracy = evaluation.accuracy
            case .test: session.metrics.testAccuracy = evaluation.accuracy
            }
        }
        if let listing { session.append(self.listing(listing, of: evaluation, data: data, session: session)) }
        if showsConfusion { session.append(.table(confusionTable(evaluation, data: data))) }
        session.evaluation = evaluation
    }

    /// The samples `on` names, or an error saying how the data cell makes them.
    private func samples(of data: SessionData) throws(LessonError) -> Dataset {
        switch split {
        case .training:
            return data.training
        case .validation:
            guard let validation = data.validation else {
                throw LessonError(
                    .failed("there are no validation samples to evaluate on: give the data cell a 'validation' fraction, such as 'validation: 0.2'"),
                    at: position)
            }
            return validation
        case .test:
            guard let test = data.test else {
                throw LessonError(.failed("there are no test samples to evaluate on: \(Self.howToMakeATestSet(data))"), at: position)
            }
            return test
        }
    }

    /// Advice fitted to the data set: a gate has only its truth table; other sets take a `test_count`.
    static func howToMakeATestSet(_ data: SessionData) -> String {
        if LogicGate(rawValue: data.training.name) != nil {
            return "\(data.title) has only its \(data.training.count) rows; evaluate on them with 'on: training'"
        }
        return "give the data cell a 'test_count' (a test set of that many samples), or write 'on: training'"
    }

    /// The loss the cell reports: its own `loss`, else the last gradient-descent run's, else none.
    private func effectiveLoss(for network: Network, in session: Session) throws(LessonError) -> Loss? {
        var chosen = loss
        if chosen == nil, case let .gradientDescent(run) = session.training { chosen = run.configuration.loss }
        guard let chosen else { return nil }
        let activation = network.outputLayer.activation
        if chosen == .binaryCrossEntropy || chosen == .categoricalCrossEntropy, ![.sigmoid, .softmax].contains(activation) {
            throw LessonError(
                .failed("\(chosen) needs probabilities: the network ends with a \(activation) layer; choose another 'loss'"),
                at: lossPosition ?? position)
        }
        return chosen
    }

    private func summaryTable(_ evaluation: Evaluation, data: SessionData, session: Session) -> ReportTable {
        var headers = ["samples"]
        var row = [NumberText.grouped(evaluation.samples.count)]
        if let loss = evaluation.loss, let value = evaluation.lossValue, !Self.lossIsTheMSE(loss, of: evaluation) {
            headers.append("loss (\(loss.spokenName))")
            row.append(session.format(value))
        }
        if evaluation.isRegression {
            headers += ["MSE", "$R^2$"]
            row += [evaluation.meanSquaredError.map(session.format) ?? "—", evaluation.rSquared.map(session.format) ?? "—"]
        } else {
            headers += ["accuracy", "misclassified"]
            row += [NumberText.percent(evaluation.accuracy), NumberText.grouped(evaluation.samples.count - evaluation.correctCount)]
        }
        var caption = "The network measured on the \(split) samples of \(data.title)."
        if evaluation.isRegression {
            caption += " MSE is the mean of $(y - a)^2$ over the samples"
                + (evaluation.samples.targets.columns > 1 ? " and outputs" : "")
                + "; $R^2 = 1 - \\sum (y - a)^2 / \\sum (y - \\bar y)^2$ compares it with always predicting the mean $\\bar y$ (1 is a perfect fit, 0 no better than the mean)"
            caption += evaluation.rSquared == nil ? ", and is not defined here: every target is the same." : "."
        }
        return ReportTable(
            headers: ["set"] + headers, rows: [[split.rawValue] + row], caption: caption,
            numericColumns: Set(1...headers.count))
    }

    /// Whether the reported loss is the MSE by definition (squared error of one output), so
    /// the table shows it once.
    static func lossIsTheMSE(_ loss: Loss, of evaluation: Evaluation) -> Bool {
        evaluation.isRegression && loss == .squaredError && evaluation.samples.targets.columns == 1
    }

    /// The headline and `results.json` numbers of a regression measurement.
    private func recordRegressionMeasures(_ evaluation: Evaluation, in session: Session) {
        guard let mse = evaluation.meanSquaredError else { return }
        session.setHeadline("\(split) MSE", session.format(mse))
        if let r2 = evaluation.rSquared {
            session.setHeadline("\(split) R²", session.format(r2))
        } else {
            session.removeHeadline("\(split) R²")
        }
        session.metrics.setRegression(split: split, meanSquaredError: mse, rSquared: evaluation.rSquared)
    }

    /// Misclassified samples and confusion counts need classes; regression data has none.
    private func refuseClassTables(for samples: Dataset, data: SessionData) throws(LessonError) {
        guard samples.isRegression else { return }
        if listing == .misclassified {
            throw LessonError(
                .invalidValue(key: "show", in: "evaluate cell", message: "lists misclassified samples, but \(data.title) has real values to predict, not classes; write 'show: predictions'"),
                at: listingPosition ?? position)
        }
        if showsConfusion {
            throw LessonError(
                .invalidValue(key: "confusion", in: "evaluate cell", message: "counts classes, but \(data.title) has real values to predict, not classes"),
                at: confusionPosition ?? position)
        }
    }

    private func confusionTable(_ evaluation: Evaluation, data: SessionData) -> ReportTable {
        let rows = evaluation.confusion.enumerated().map { label, counts in
            [data.classNames[label].markdownLiteral] + counts.map(NumberText.grouped)
        }
        return ReportTable(
            headers: ["true ╲ predicted"] + data.classNames.map(\.markdownLiteral), rows: rows,
            caption: "Confusion counts on the \(split) samples of \(data.title): one row per true class, one column per predicted class; the diagonal holds the correct ones.",
            numericColumns: Set(1...data.classNames.count))
    }
}

extension Loss {
    /// `binary cross-entropy`, as tables and messages name the loss.
    var spokenName: String {
        rawValue.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "cross entropy", with: "cross-entropy")
    }
}
