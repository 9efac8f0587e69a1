import Engine
import Foundation
import LessonFormat
import Plotting

// How training went: `boundaries-per-epoch`, `errors`, `loss`, `accuracy` and `curves`.
extension PlotCell {
    /// The perceptron run, or an error if the last train cell used another rule.
    private func requirePerceptronRun(_ session: Session, instead: String) throws(LessonError) -> PerceptronRun {
        guard case let .perceptron(run) = try requireTraining(session) else {
            throw misfit("shows a perceptron run, but the last train cell used gradient descent (plot \(instead) instead)")
        }
        return run
    }

    /// The gradient-descent run, or an error if the last train cell used the perceptron rule.
    private func requireGradientDescentRun(_ session: Session) throws(LessonError) -> GradientDescentRun {
        guard case let .gradientDescent(run) = try requireTraining(session) else {
            throw misfit("shows a gradient-descent run's history, but the last train cell used the perceptron rule (plot 'errors' instead)")
        }
        return run
    }

    /// `boundaries-per-epoch`: small multiples of the perceptron's line after each epoch.
    func boundariesPerEpochPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let run = try requirePerceptronRun(session, instead: "'decision-boundary'")
        let data = try requireData(session)
        // The lines live in the plane the perceptron sees: the mapped features, if any.
        let points = data.training
        guard points.featureCount == 2 else {
            throw misfit("draws lines in the plane, but the perceptron learned on \(points.featureCount) features")
        }
        let ran = run.result.epochsRun
        let chosen = epochs ?? Array(1...min(ran, 12))
        if let late = chosen.first(where: { $0 > ran }) {
            throw LessonError(
                .invalidValue(key: "epochs", in: "plot cell", message: "lists epoch \(late), but training ran \(PlotSupport.epochs(ran))"),
                at: position(of: "epochs"))
        }
        let columnCount = min(columns ?? min(chosen.count, 4), chosen.count)
        let rowCount = (chosen.count + columnCount - 1) / columnCount
        let figure = makeFigure(width: Double(columnCount) * 230 + 10, height: Double(rowCount) * 230 + 40)
        figure.title = title ?? "The perceptron's boundary after each epoch"
        let limits = PlotSupport.limits(around: [points.inputs])
        var summaries = [String]()
        for (index, epoch) in chosen.enumerated() {
            let axes = figure.addAxes(row: index / columnCount, column: index % columnCount, rows: rowCount, columns: columnCount)
            guard let last = run.result.updates.last(where: { $0.step.epoch == epoch }) else { continue }
            let errors = run.result.errorsPerEpoch[epoch - 1]
            axes.title = "epoch \(epoch): \(errors) error\(errors == 1 ? "" : "s")"
            axes.scatter(
                points: PlotSupport.points(points.inputs), classes: points.labels,
                classNames: PlotSupport.classNames(data), size: points.count <= 20 ? 9 : 5)
            for unit in 0..<last.newWeights.columns {
                axes.decisionLine(
                    weights: [last.newWeights[0, unit], last.newWeights[1, unit]], bias: last.newBias[0, unit],
                    color: last.newWeights.columns == 1 ? Palette.ink : Palette.color(unit + 2), showsDirection: true)
            }
            axes.xLimits = limits.x
            axes.yLimits = limits.y
            axes.equalAspect = true
            axes.legendPlacement = .hidden
            let weights = PlotSupport.vector(last.newWeights.values, session: session)
            let bias = PlotSupport.vector(last.newBias.values, session: session)
            summaries.append("epoch \(epoch): w = \(weights), b = \(bias)")
        }
        let outcome = run.result.converged
            ? "converged in \(PlotSupport.epochs(ran))" : "did not converge in \(PlotSupport.epochs(ran))"
        let shown = epochs == nil && ran > 12 ? " (the first 12 of \(NumberText.grouped(ran)))" : ""
        let caption = "The perceptron's boundary after each epoch\(shown) on \(data.title) (η = \(session.format(run.learningRate))); it \(outcome). " + summaries.joined(separator: "; ") + "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "\(chosen.count) small plots of \(data.title), each with the perceptron's line after one epoch.")
    }

    /// `errors`: the perceptron's misclassified samples per epoch.
    func errorsPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let run = try requirePerceptronRun(session, instead: "'loss' or 'accuracy'")
        let errors = run.result.errorsPerEpoch
        let name = session.data?.title ?? "the data"
        let figure = makeFigure(width: 520, height: 320)
        let axes = figure.addAxes()
        axes.title = title ?? "Misclassified samples per epoch"
        axes.xLabel = "epoch"
        axes.yLabel = "errors"
        axes.line(y: errors.map(Double.init), label: name, marker: errors.count <= 60 ? .circle : nil)
        let top = max(errors.max() ?? 1, 1)
        let step = max(1, Int((Double(top) / 6).rounded(.up)))
        axes.yTicks = .fixed(stride(from: 0, through: top + step - 1, by: step).map { Tick(Double($0), String($0)) })
        axes.yLimits = -0.3...(Double(top) + 0.5)
        axes.legendPlacement = .hidden
        let outcome = run.result.converged
            ? "reaches 0 in epoch \(errors.count): the rule has converged"
            : "never reaches 0 in \(PlotSupport.epochs(errors.count)) (\(errors.last ?? 0) errors in the last)"
        let caption = "Misclassified samples per epoch of the perceptron rule on \(name): \(errors.first ?? 0) in epoch 1; the count \(outcome)."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Line chart of the errors per epoch: \(errors.map(String.init).joined(separator: ", ")).")
    }

    /// `loss`, `accuracy` or `curves`: training and validation per epoch.
    func curvesPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let run = try requireGradientDescentRun(session)
        let history = run.result.history
        let loss = run.configuration.loss
        let figure = makeFigure(width: kind == .curves ? 820 : 520, height: 340)
        let count = history.epochs.count
        var sentences = [String]()
        var panels = 0
        func panel() -> Axes {
            defer { panels += 1 }
            return kind == .curves ? figure.addAxes(row: 0, column: panels, rows: 1, columns: 2) : figure.addAxes()
        }
        if kind != .accuracy {
            let axes = panel()
            axes.title = kind == .curves ? "Loss" : title ?? "Loss per epoch"
            axes.yLabel = loss.rawValue.replacingOccurrences(of: "-", with: " ")
            axes.xLabel = "epoch"
            if logScale, history.trainingLoss.allSatisfy({ $0 > 0 }) { axes.yScale = .log }
            axes.line(y: history.trainingLoss, label: "training")
            if !history.validationLoss.isEmpty { axes.line(y: history.validationLoss, label: "validation", dash: .dashed) }
            var sentence = "training loss (\(loss.rawValue)) \(session.format(history.trainingLoss.first ?? 0)) → \(session.format(history.trainingLoss.last ?? 0))"
            if let last = history.validationLoss.last { sentence += ", validation \(session.format(last))" }
            sentences.append(sentence)
        }
        if kind != .loss {
            let axes = panel()
            axes.title = kind == .curves ? "Accuracy" : title ?? "Accuracy per epoch"
            axes.yLabel = "accuracy"
            axes.xLabel = "epoch"
            axes.line(y: history.trainingAccuracy, label: "training")
            if !history.validationAccuracy.isEmpty { axes.line(y: history.validationAccuracy, label: "validation", dash: .dashed) }
            var sentence = "training accuracy \(NumberText.percent(history.trainingAccuracy.last ?? 0))"
            if let last = history.validationAccuracy.last { sentence += ", validation \(NumberText.percent(last))" }
            sentences.append(sentence)
        }
        if kind == .curves { figure.title = title }
        var caption = "Per epoch over \(PlotSupport.epochs(count)): " + sentences.joined(separator: "; ")
        if run.result.stoppedEarly, let best = run.result.bestEpoch {
            caption += "; early stopping kept the weights of epoch \(best)"
        }
        caption += logScale && kind != .accuracy ? " (loss on a log scale)." : "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Line chart of the \(kind == .curves ? "loss and accuracy" : kind.rawValue) per epoch for training\(history.validationLoss.isEmpty ? "" : " and validation").")
    }
}
