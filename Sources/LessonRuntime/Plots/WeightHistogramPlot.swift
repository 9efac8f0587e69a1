import Engine
import Foundation
import LessonFormat
import Plotting

/// `weight-histogram`: how many weights of each layer have each size |w|, on a log scale, with
/// a line at `threshold` and the count of weights below it in the caption: the sparse weights
/// an L1 penalty leaves, seen for any number of inputs (the `weights` plot needs images).
struct WeightHistogramPlot: PlotKind {
    static let name = "weight-histogram"
    static let listOrder = 105
    static let keys = ["threshold", "bins"]
    static let summary = "How many weights of each layer have each size |w|, with the count below a threshold."

    /// The size below which a weight counts as near zero.
    var threshold: Double
    /// The number of bins over the range of sizes.
    var bins: Int

    init(_ fields: FieldReader) throws(LessonError) {
        threshold = try fields.number("threshold", default: 0.01, in: 1e-12...1e12)
        bins = try fields.integer("bins", default: 30, in: 5...200)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let network = try plot.requireNetwork(session)
        let dense = network.layers.enumerated().compactMap { index, layer in
            (layer as? DenseLayer).map { (number: index + 1, sizes: $0.weights.values.map(abs)) }
        }
        let all = dense.flatMap(\.sizes)
        let nonzero = all.filter { $0 > 0 }
        // Whole decades around the sizes and the threshold, at most twelve of them below the largest.
        let top = ceil(log10(max(nonzero.max() ?? 1, threshold)))
        let bottom = max(floor(log10(min(nonzero.min() ?? threshold, threshold))), top - 12)
        let width = (top - bottom) / Double(bins)
        let figure = plot.makeFigure(width: 620, height: 360)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "Sizes of the weights"
        axes.xLabel = "|w| (log scale)"
        axes.yLabel = "number of weights"
        axes.xScale = .log
        var tallest = 0.0
        for layer in dense {
            var counts = [Double](repeating: 0, count: bins)
            // A weight of exactly 0, or one below the range, counts in the first bin.
            for size in layer.sizes {
                let bin = size > 0 ? Int(((log10(size) - bottom) / width).rounded(.down)) : 0
                counts[min(max(bin, 0), bins - 1)] += 1
            }
            tallest = max(tallest, counts.max() ?? 0)
            // A step outline: each bin's count held across the bin.
            var xs = [Double](), ys = [Double]()
            for (bin, count) in counts.enumerated() {
                xs += [pow(10, bottom + Double(bin) * width), pow(10, bottom + Double(bin + 1) * width)]
                ys += [count, count]
            }
            axes.line(x: xs, y: ys, label: "layer \(layer.number)")
        }
        axes.line(x: [threshold, threshold], y: [0, tallest], label: "|w| = \(session.format(threshold))", color: Palette.ink, dash: .dashed)
        let below = dense.map { layer in (layer, layer.sizes.filter { $0 < threshold }.count) }
        let total = below.map(\.1).reduce(0, +)
        let perLayer = below.map { "layer \($0.0.number) \(NumberText.grouped($0.1)) of \(NumberText.grouped($0.0.sizes.count))" }
        let zeros = all.count - nonzero.count
        let share = all.isEmpty ? 0 : Double(total) / Double(all.count)
        let caption = "The sizes of the \(NumberText.grouped(all.count)) weights of the \(PlotSupport.shape(of: network)) network \(PlotSupport.trainingPhrase(session)) (biases left out), one line per layer: \(NumberText.grouped(total)) of them (\(NumberText.percent(share))) are smaller than \(session.format(threshold)) (\(perLayer.joined(separator: ", ")))\(zeros > 0 ? ", \(NumberText.grouped(zeros)) exactly 0" : ""); the largest is \(session.format(all.max() ?? 0))."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Histogram of the sizes of the weights on a log scale, one line per layer, with a dashed line at \(session.format(threshold)).")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { WeightHistogramPlot.registryRecord }
