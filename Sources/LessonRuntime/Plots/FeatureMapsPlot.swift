import Engine
import LessonFormat
import Plotting

/// `feature-maps`: one image as a convolutional network sees it, layer by layer: the input,
/// then each channel of each convolution's and pooling's output (up to 16 per layer), each
/// layer on its own grey scale from 0 to its largest output (black is large).
struct FeatureMapsPlot: PlotKind {
    static let name = "feature-maps"
    static let listOrder = 155
    static let keys = ["on", "sample", "columns"]
    static let takesHeight = false
    static let summary = "One image's channels after each convolution and pooling layer."

    /// Which samples to take the image from, or `nil` for the test set when there is one.
    var on: PlotOptions.Samples?
    /// The image, from 1.
    var sample: Int
    /// Images per row, if given.
    var columns: Int?

    init(_ fields: FieldReader) throws(LessonError) {
        on = try PlotOptions.on(fields)
        sample = try fields.integer("sample", default: 1, in: 1...1_000_000)
        columns = try PlotOptions.columns(fields)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let network = try plot.requireNetwork(session)
        let data = try plot.requireData(session)
        let imageLayers = network.layers.indices.filter { network.layers[$0] is ConvolutionLayer || network.layers[$0] is MaxPoolingLayer }
        guard let first = network.layers.first as? ConvolutionLayer, !imageLayers.isEmpty else {
            throw plot.misfit("shows what convolution and pooling layers make of an image, but the network begins with \(network.layers[0])")
        }
        let (samples, which) = try plot.measuredSamples(data, on: on)
        guard sample <= samples.count else {
            throw plot.misfit("cannot show sample \(sample): the \(which == .test ? "test" : "training") set has \(NumberText.count(samples.count, "sample"))")
        }
        let input = samples.inputs.rows(sample - 1..<sample)
        let pass = network.forward(input)
        let shown = 16
        // One row per layer, the input first: each row's images are that layer's channels.
        var rows = [(name: String, images: [[[Double]]])]()
        func planes(_ values: Matrix, _ shape: ImageShape, name: String) {
            let largest = max(values.values.map(abs).max() ?? 0, 1e-12)
            rows.append((name, (0..<min(shape.channels, shown)).map { channel in
                (0..<shape.height).map { y in
                    (0..<shape.width).map { x in abs(values[0, (channel * shape.height + y) * shape.width + x]) / largest }
                }
            }))
        }
        planes(input, first.input, name: "in")
        var descriptions = [String]()
        for index in imageLayers {
            let layer = network.layers[index]
            let shape = (layer as? ConvolutionLayer)?.output ?? (layer as! MaxPoolingLayer).output
            let kind = layer is ConvolutionLayer ? "conv" : "pool"
            planes(pass.outputs[index], shape, name: "L\(index + 1)")
            descriptions.append("layer \(index + 1), \(kind == "conv" ? "convolution" : "pooling") (\(shape))")
        }
        // On a narrow page a layer's channels wrap onto more rows rather than shrink below 40 px.
        var columnCount = columns ?? rows.map(\.images.count).max()!
        if let width = plot.width { columnCount = max(1, min(columnCount, Int((width - 8) / 40))) }
        let cellSize = plot.width.map { ($0 - 8) / Double(columnCount) } ?? 56
        var cells = [(row: Int, column: Int, image: [[Double]], title: String?)]()
        var row = 0
        for layer in rows {
            for (index, image) in layer.images.enumerated() {
                // Every cell has a title of about the same width, so every image is drawn at one size.
                cells.append((row + index / columnCount, index % columnCount, image, index == 0 ? layer.name : "\(index + 1)"))
            }
            row += (layer.images.count + columnCount - 1) / columnCount
        }
        let figure = Figure(width: Double(columnCount) * cellSize + 8, height: Double(row) * (cellSize + 20) + 36)
        figure.title = plot.title ?? "One image, layer by layer"
        for cell in cells {
            let axes = figure.addAxes(row: cell.row, column: cell.column, rows: row, columns: columnCount)
            axes.image(cell.image, colormap: .grayInverted, range: 0...1)
            axes.title = cell.title
            axes.titleStyle = TextStyle(size: 10, weight: .regular, color: Palette.ink)
            axes.showsFrame = true
            axes.frameStyle = StrokeStyle(color: Color(hex: 0xBBBBBB), width: 0.6)
        }
        let caption = "\(which == .test ? "Test" : "Training") image \(sample) and what the network \(PlotSupport.trainingPhrase(session)) makes of it: the first row is the input (in), each row after it a layer (L1 is layer 1), each small image one channel, numbered (at most \(shown) per layer), on that layer's own grey scale from 0 to its largest output (black is large): " + descriptions.joined(separator: ", ") + "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "A grid of small grey images: an input digit, then the channels of each convolution and pooling layer.")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { FeatureMapsPlot.registryRecord }
