import Engine
import LessonFormat
import Plotting

/// The curves of a gradient-descent run per epoch, training and validation, that `loss`,
/// `accuracy` and `curves` (both side by side) draw.
enum TrainingCurves {
    /// Which curves a figure shows: loss, accuracy, or both side by side.
    struct Panels: Equatable {
        var showsLoss: Bool
        var showsAccuracy: Bool

        static let loss = Panels(showsLoss: true, showsAccuracy: false)
        static let accuracy = Panels(showsLoss: false, showsAccuracy: true)
        static let both = Panels(showsLoss: true, showsAccuracy: true)

        /// How the alternative text names what is drawn: `loss and accuracy`.
        var subject: String {
            [showsLoss ? "loss" : nil, showsAccuracy ? "accuracy" : nil].compactMap { $0 }.joined(separator: " and ")
        }
    }

    /// The figure of `panels` for the last training run, the loss axis logarithmic with `logScale`.
    static func draw(
        _ panels: Panels, logScale: Bool, plot: PlotCell, session: Session
    ) throws(LessonError) -> PlotOutput {
        let run = try plot.requireGradientDescentRun(session)
        let history = run.result.history
        let loss = run.configuration.loss
        var panels = panels
        // Regression data has no classes: the loss is its only curve.
        if let data = session.data, data.training.isRegression {
            guard panels.showsLoss else {
                throw plot.misfit("shows the accuracy of classes, but \(data.title) has real values to predict; plot 'loss' instead")
            }
            panels = .loss
        }
        let sideBySide = panels == .both
        let figure = plot.makeFigure(width: sideBySide ? 820 : 520, height: 340)
        let count = history.epochs.count
        var sentences = [String]()
        var panelCount = 0
        func panel() -> Axes {
            defer { panelCount += 1 }
            return sideBySide ? figure.addAxes(row: 0, column: panelCount, rows: 1, columns: 2) : figure.addAxes()
        }
        if panels.showsLoss {
            let axes = panel()
            axes.title = sideBySide ? "Loss" : plot.title ?? "Loss per epoch"
            axes.yLabel = loss.rawValue.replacingOccurrences(of: "-", with: " ")
            axes.xLabel = "epoch"
            if logScale, history.trainingLoss.allSatisfy({ $0 > 0 }) { axes.yScale = .log }
            axes.line(y: history.trainingLoss, label: "training")
            if !history.validationLoss.isEmpty { axes.line(y: history.validationLoss, label: "validation", dash: .dashed) }
            var sentence = "training loss (\(loss.rawValue)) \(session.format(history.trainingLoss.first ?? 0)) → \(session.format(history.trainingLoss.last ?? 0))"
            if let last = history.validationLoss.last { sentence += ", validation \(session.format(last))" }
            sentences.append(sentence)
        }
        if panels.showsAccuracy {
            let axes = panel()
            axes.title = sideBySide ? "Accuracy" : plot.title ?? "Accuracy per epoch"
            axes.yLabel = "accuracy"
            axes.xLabel = "epoch"
            axes.line(y: history.trainingAccuracy, label: "training")
            if !history.validationAccuracy.isEmpty { axes.line(y: history.validationAccuracy, label: "validation", dash: .dashed) }
            var sentence = "training accuracy \(NumberText.percent(history.trainingAccuracy.last ?? 0))"
            if let last = history.validationAccuracy.last { sentence += ", validation \(NumberText.percent(last))" }
            sentences.append(sentence)
        }
        if sideBySide { figure.title = plot.title }
        var caption = "Per epoch over \(PlotSupport.epochs(count)): " + sentences.joined(separator: "; ")
        if run.result.stoppedEarly, let best = run.result.bestEpoch {
            caption += "; early stopping kept the weights of epoch \(best)"
        }
        caption += logScale && panels.showsLoss ? " (loss on a log scale)." : "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Line chart of the \(panels.subject) per epoch for training\(history.validationLoss.isEmpty ? "" : " and validation").")
    }
}
