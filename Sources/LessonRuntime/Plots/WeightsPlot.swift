import Engine
import LessonFormat
import Plotting

/// `weights`: the first layer's weights into each unit as an image, blue negative, red
/// positive; for a first convolution on one channel, its filters.
struct WeightsPlot: PlotKind {
    static let name = "weights"
    static let listOrder = 150
    static let keys = ["count", "columns"]
    static let takesHeight = false
    static let summary = "The first layer's weights as images."

    /// Images per row, if given.
    var columns: Int?
    /// How many units' weight maps to show.
    var count: Int

    init(_ fields: FieldReader) throws(LessonError) {
        columns = try PlotOptions.columns(fields)
        count = try PlotOptions.count(fields, maximum: 256)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let network = try plot.requireNetwork(session)
        let weights: Matrix, side: Int, what: String
        if let convolution = network.layers[0] as? ConvolutionLayer {
            guard convolution.input.channels == 1 else {
                throw plot.misfit("shows filters as images, but the first convolution's filters span \(convolution.input.channels) channels")
            }
            (weights, side, what) = (convolution.weights, convolution.size, "filters of the first convolution")
        } else {
            let layer = network.denseLayers[0]
            side = Int(Double(layer.inputCount).squareRoot().rounded())
            guard session.data?.isImages ?? true, side * side == layer.inputCount, side >= 4 else {
                throw plot.misfit("shows first-layer weights as images, but the network's \(layer.inputCount) inputs are not the pixels of square images")
            }
            (weights, what) = (layer.weights, "first-layer units")
        }
        let total = weights.columns
        let units = min(count, total)
        let columnCount = columns ?? min(8, units)
        let cellSize = plot.width.map { ($0 - 8) / Double(columnCount) } ?? 72
        let figure = Figure.weightImages(
            weights.rowArrays, imageWidth: side, units: units, columns: columnCount, cellSize: cellSize,
            title: plot.title ?? (what.hasPrefix("filters") ? "The filters (blue negative, red positive)" : "First-layer weights (blue negative, red positive)"),
            label: what.hasPrefix("filters") ? "filter" : "unit")
        let shown = (0..<units).flatMap { unit in (0..<weights.rows).map { weights[$0, unit] } }
        let largest = shown.map(abs).max() ?? 0
        let caption = "The weights \(what.hasPrefix("filters") ? "of" : "into") \(units == total ? "all \(units)" : "the first \(units) of the \(total)") \(what) of the \(PlotSupport.shape(of: network)) network \(PlotSupport.trainingPhrase(session)), each drawn as a \(side)×\(side) image on one scale from −\(session.format(largest)) (blue) to \(session.format(largest)) (red)."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "\(units) small images of \(what) in a blue–red map.")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { WeightsPlot.registryRecord }
