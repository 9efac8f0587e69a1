import Engine
import LessonFormat
import Plotting

/// `layer-statistics`: layer by layer, how spread each layer's outputs are and how large its
/// weight gradient is, before training and after chosen epochs (`LayerStatistics`, measured
/// on the first 512 training samples as a training pass sees them).
struct LayerStatisticsPlot: PlotKind {
    static let name = "layer-statistics"
    static let listOrder = 75
    static let keys = ["epochs"]
    static let summary = "Each layer's output spread and gradient norm, before training and after chosen epochs."
    static let showsLayerStatistics = true

    /// The epochs to draw (0: before training); `nil` for before training and the last epoch.
    var epochs: [Int]?

    init(_ fields: FieldReader) throws(LessonError) {
        epochs = fields.contains("epochs") ? try fields.integers("epochs", in: 0...1_000_000) : nil
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let run = try plot.requireGradientDescentRun(session)
        let measured = try Self.measurements(of: run, plot: plot)
        let wanted = epochs ?? [0, measured.last?.epoch ?? 0]
        var chosen = [(epoch: Int, layers: [LayerStatistics])]()
        for epoch in wanted where !chosen.contains(where: { $0.epoch == epoch }) {
            guard let found = measured.first(where: { $0.epoch == epoch }) else {
                throw plot.misfit("cannot show epoch \(epoch): the run measured epochs \(Self.listed(measured.map(\.epoch)))")
            }
            chosen.append(found)
        }
        let network = run.initial
        let layerNumbers = Array(1...network.layers.count)
        let withWeights = layerNumbers.filter { !network.layers[$0 - 1].parameters.isEmpty }
        let figure = plot.makeFigure(width: 820, height: 340)
        figure.title = plot.title ?? "Layer by layer"
        let panels = figure.addAxesGrid(rows: 1, columns: 2)
        let (spread, gradient) = (panels[0], panels[1])
        spread.title = "Spread of the outputs aᵏ"
        spread.yLabel = "standard deviation"
        gradient.title = "Size of the gradient ∂ℒ/∂Wᵏ"
        gradient.yLabel = "norm (log scale)"
        for axes in [spread, gradient] {
            axes.xLabel = "layer k"
            axes.xTicksAreIntegers = true
        }
        // Spreads that explode or collapse through the layers span decades: a linear axis
        // would show them as a flat line and one spike, so they get a log scale too.
        if Self.spansDecades(chosen.flatMap { $0.layers.map(\.activationSpread) }) {
            spread.yScale = .log
            spread.yLabel = "standard deviation (log scale)"
        }
        let norms = chosen.flatMap { entry in withWeights.compactMap { entry.layers[$0 - 1].gradientNorm } }
        if norms.allSatisfy({ $0 > 0 }) { gradient.yScale = .log }
        for entry in chosen {
            let label = Self.label(entry.epoch)
            spread.line(x: layerNumbers.map(Double.init), y: entry.layers.map(\.activationSpread), label: label, marker: .circle)
            gradient.line(
                x: withWeights.map(Double.init), y: withWeights.map { entry.layers[$0 - 1].gradientNorm ?? 0 }, label: label,
                marker: .circle)
        }
        gradient.legendPlacement = .hidden
        let sentences = chosen.map { entry in
            let spreads = entry.layers.map { session.format($0.activationSpread) }.joined(separator: ", ")
            let gradients = withWeights.map { session.format(entry.layers[$0 - 1].gradientNorm ?? 0) }.joined(separator: ", ")
            return "\(Self.label(entry.epoch)): spreads \(spreads); gradient norms \(gradients)"
        }
        return PlotOutput(
            figure: figure,
            caption: "Each layer's output spread and weight-gradient norm on the first \(NumberText.grouped(min(LayerStatistics.probeSize, session.data?.training.count ?? 0))) training samples, layer by layer (\(withWeights.count == layerNumbers.count ? "" : "gradients for the layers with weights; ")\(sentences.joined(separator: "; "))).",
            alternativeText: "Two line charts against the layer number: the standard deviation of each layer's outputs and the norm of its weight gradient, one line per epoch shown.")
    }

    /// Whether positive values differ by a factor of 100 or more, enough to need a log scale.
    static func spansDecades(_ values: [Double]) -> Bool {
        guard let low = values.min(), let high = values.max(), low > 0, high.isFinite else { return false }
        return high / low >= 100
    }

    /// `before training`, `after epoch 10`.
    static func label(_ epoch: Int) -> String {
        epoch == 0 ? "before training" : "after epoch \(epoch)"
    }

    /// `0, 1, 2 and 3`.
    static func listed(_ epochs: [Int]) -> String {
        guard epochs.count > 1 else { return epochs.map(String.init).joined() }
        let shown = epochs.count > 8 ? epochs.prefix(3).map(String.init) + ["…"] + epochs.suffix(2).map(String.init) : epochs.map(String.init)
        return shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1]
    }

    /// The run's measurements by epoch, before training first.
    static func measurements(of run: GradientDescentRun, plot: PlotCell) throws(LessonError) -> [(epoch: Int, layers: [LayerStatistics])] {
        let history = run.result.history
        guard let initial = history.initialLayers else {
            throw plot.misfit("needs the layers' statistics, which the train cell above measures when a plot shows them; train again below a model cell")
        }
        return [(0, initial)] + history.epochs.compactMap { record in record.layers.map { (record.epoch, $0) } }
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { LayerStatisticsPlot.registryRecord }
