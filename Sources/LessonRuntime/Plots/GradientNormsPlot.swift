import Engine
import LessonFormat
import Plotting

/// `gradient-norms`: epoch by epoch, the norm of each layer's weight gradient ‖∂ℒ/∂Wᵏ‖ on
/// a log scale, one line per layer: whether the layers near the input learn as fast as those
/// near the output (`LayerStatistics`).
struct GradientNormsPlot: PlotKind {
    static let name = "gradient-norms"
    static let listOrder = 76
    static let summary = "Each layer's weight-gradient norm per epoch, one line per layer."
    static let showsLayerStatistics = true

    init(_ fields: FieldReader) throws(LessonError) {}

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let run = try plot.requireGradientDescentRun(session)
        let measured = try LayerStatisticsPlot.measurements(of: run, plot: plot)
        let network = run.initial
        let withWeights = (1...network.layers.count).filter { !network.layers[$0 - 1].parameters.isEmpty }
        let figure = plot.makeFigure(width: 620, height: 360)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "Gradient norm per layer"
        axes.xLabel = "epoch"
        axes.yLabel = "‖∂ℒ/∂Wᵏ‖ (log scale)"
        axes.xTicksAreIntegers = true
        let series = withWeights.map { layer in measured.map { $0.layers[layer - 1].gradientNorm ?? 0 } }
        if series.joined().allSatisfy({ $0 > 0 }) { axes.yScale = .log }
        for (layer, values) in zip(withWeights, series) {
            axes.line(x: measured.map { Double($0.epoch) }, y: values, label: "layer \(layer)")
        }
        let last = measured[measured.count - 1]
        let summary = withWeights.map { "layer \($0) \(session.format(last.layers[$0 - 1].gradientNorm ?? 0))" }.joined(separator: ", ")
        let first = withWeights.map { "layer \($0) \(session.format(measured[0].layers[$0 - 1].gradientNorm ?? 0))" }.joined(separator: ", ")
        return PlotOutput(
            figure: figure,
            caption: "The norm of each layer's weight gradient on the first \(NumberText.grouped(min(LayerStatistics.probeSize, session.data?.training.count ?? 0))) training samples, before training (epoch 0: \(first)) and after each epoch (epoch \(last.epoch): \(summary)).",
            alternativeText: "Line chart of each layer's gradient norm per epoch on a log scale, one line per layer with weights.")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { GradientNormsPlot.registryRecord }
