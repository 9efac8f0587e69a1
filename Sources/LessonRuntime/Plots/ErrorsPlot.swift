import Engine
import LessonFormat
import Plotting

/// `errors`: the perceptron's misclassified samples per epoch.
struct ErrorsPlot: PlotKind {
    static let name = "errors"
    static let listOrder = 40
    static let summary = "The perceptron's misclassified samples per epoch."

    init(_ fields: FieldReader) throws(LessonError) {}

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let run = try plot.requirePerceptronRun(session, instead: "'loss' or 'accuracy'")
        let errors = run.result.errorsPerEpoch
        let name = session.data?.title ?? "the data"
        let figure = plot.makeFigure(width: 520, height: 320)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "Misclassified samples per epoch"
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
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { ErrorsPlot.registryRecord }
