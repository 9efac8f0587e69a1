import Engine
import LessonFormat
import Plotting

/// `boundaries-per-epoch`: small multiples of the perceptron's line after each epoch.
struct BoundariesPerEpochPlot: PlotKind {
    static let name = "boundaries-per-epoch"
    static let listOrder = 30
    static let keys = ["epochs", "columns"]
    static let summary = "The perceptron's boundary after each epoch, as small multiples."

    /// The epochs to draw (`nil`: all, up to 12).
    var epochs: [Int]?
    /// Panels per row, if given.
    var columns: Int?

    init(_ fields: FieldReader) throws(LessonError) {
        columns = try PlotOptions.columns(fields)
        if let value = fields.value("epochs"), value.text == "all" {
            epochs = nil
        } else if fields.contains("epochs") {
            let epochs = try fields.integers("epochs", in: 1...1_000_000)
            if epochs.count > 12 {
                throw LessonError(
                    .invalidValue(key: "epochs", in: "plot cell", message: "lists \(epochs.count) epochs; a figure shows at most 12"),
                    at: try fields.required("epochs").position)
            }
            self.epochs = epochs
        } else {
            epochs = nil
        }
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let run = try plot.requirePerceptronRun(session, instead: "'decision-boundary'")
        let data = try plot.requireClassData(session)
        // The lines live in the plane the perceptron sees: the mapped features, if any.
        let points = data.training
        guard points.featureCount == 2 else {
            throw plot.misfit("draws lines in the plane, but the perceptron learned on \(points.featureCount) features")
        }
        let ran = run.result.epochsRun
        let chosen = epochs ?? Array(1...min(ran, 12))
        if let late = chosen.first(where: { $0 > ran }) {
            throw LessonError(
                .invalidValue(key: "epochs", in: "plot cell", message: "lists epoch \(late), but training ran \(PlotSupport.epochs(ran))"),
                at: plot.position(of: "epochs"))
        }
        let columnCount = min(columns ?? min(chosen.count, 4), chosen.count)
        let rowCount = (chosen.count + columnCount - 1) / columnCount
        let figure = plot.makeFigure(width: Double(columnCount) * 230 + 10, height: Double(rowCount) * 230 + 40)
        figure.title = plot.title ?? "The perceptron's boundary after each epoch"
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
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { BoundariesPerEpochPlot.registryRecord }
