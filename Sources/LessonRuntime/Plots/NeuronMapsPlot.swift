import Datasets
import Engine
import LessonFormat
import Plotting

/// `neuron-maps`: every unit of a network with two inputs as a small map of its activation over
/// the input plane, laid out as the network diagram, as TensorFlow Playground shows it: a column
/// of maps per layer (the two inputs, each hidden layer, the output), joined by the weights.
///
/// The plane and the colours are `decision-boundary`'s: the data's box with its margin, sampled
/// at the centres of a `resolution × resolution` grid (through the feature map, if the data has
/// one), on the pale blue–white–red scale. Each unit is drawn as the next layer sees it in
/// evaluation: a batch-norm layer after a dense layer normalises with its running averages and
/// applies the activation (the map shows that activation), dropout is the identity (not drawn).
struct NeuronMapsPlot: PlotKind {
    static let name = "neuron-maps"
    static let listOrder = 85
    static let keys = ["show", "resolution", "connections"]
    static let summary = "Each unit's activation over the input plane, laid out as the network."
    /// The most units a layer may have: more maps would be too small to read.
    static let maximumUnits = 16

    /// Which points to draw on the output maps (`show: none` for none).
    var show: [PlotOptions.Samples]
    /// Grid points per side of each map.
    var resolution: Int
    /// Whether the weights are drawn as lines between the maps.
    var connections: Bool

    init(_ fields: FieldReader) throws(LessonError) {
        show = fields.value("show")?.text == "none" ? [] : try PlotOptions.show(fields)
        resolution = try fields.integer("resolution", default: 40, in: 10...200)
        connections = try fields.boolean("connections", default: true)
    }

    /// One column of maps: a layer's units (or the inputs), their values over the grid and
    /// the scale they are coloured on.
    struct Column {
        /// The heading's lines: the layer, a batch norm if there is one, and its activation.
        var heading: [String]
        var names: [String]
        /// Per unit, the values on the grid, bottom row first.
        var values: [[[Double]]]
        /// Each value's place on the colour scale, 0…1.
        var place: (Double) -> Double
        /// What the scale is, for the caption.
        var scale: String
        /// The smallest and largest value over the plane.
        var extent: (Double, Double)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireData(session)
        let network = try plot.requireNetwork(session)
        guard network.layers[0].inputCount == 2 else {
            throw plot.misfit(
                "draws each unit over the plane of the network's two inputs, but the network takes \(network.layers[0].inputCount)")
        }
        guard data.original.featureCount == 2, data.training.featureCount == 2 else {
            throw plot.misfit("draws each unit over the plane of the inputs, but the data has \(data.original.featureCount) features")
        }
        // Which layers are drawn: each dense layer, as the layer after it leaves its output.
        var shown = [(dense: Int, output: Int, activation: Activation, normalised: Bool)]()
        for (index, layer) in network.layers.enumerated() {
            if let dense = layer as? DenseLayer {
                guard dense.outputCount <= Self.maximumUnits else {
                    throw plot.misfit(
                        "draws at most \(Self.maximumUnits) units in a layer, but layer \(index + 1) has \(dense.outputCount)")
                }
                shown.append((index, index, dense.activation, false))
            } else if let norm = layer as? BatchNormLayer, !shown.isEmpty {
                shown[shown.count - 1].output = index
                shown[shown.count - 1].activation = norm.activation
                shown[shown.count - 1].normalised = true
            } else if layer is DropoutLayer, !shown.isEmpty {
                shown[shown.count - 1].output = index
            } else {
                throw plot.misfit("draws dense layers, but layer \(index + 1) of the network \(PlotSupport.shape(of: network)) is \(layer)")
            }
        }

        // The plane, as decision-boundary samples it.
        let test = show.contains(.test) ? try plot.testSamples(data, key: "show") : nil
        let plane = Plane(training: data.original, test: test?.original, map: data.featureMap)
        let limits = plane.limits
        let n = resolution
        let dx = (limits.x.upperBound - limits.x.lowerBound) / Double(n)
        let dy = (limits.y.upperBound - limits.y.lowerBound) / Double(n)
        var points = [Double]()
        points.reserveCapacity(2 * n * n)
        for row in 0..<n {
            for column in 0..<n {
                points.append(limits.x.lowerBound + (Double(column) + 0.5) * dx)
                points.append(limits.y.lowerBound + (Double(row) + 0.5) * dy)
            }
        }
        var inputs = Matrix(rows: n * n, columns: 2, values: points)
        if let map = data.featureMap { inputs = map.apply(to: inputs) }
        let pass = network.forward(inputs)
        func grids(_ matrix: Matrix) -> [[[Double]]] {
            (0..<matrix.columns).map { unit in
                (0..<n).map { row in (0..<n).map { column in matrix[row * n + column, unit] } }
            }
        }
        func extent(_ matrix: Matrix) -> (Double, Double) {
            (matrix.values.min() ?? 0, matrix.values.max() ?? 0)
        }
        /// Symmetric about 0 on the layer's largest size: 0 is white.
        func symmetric(_ matrix: Matrix) -> (place: (Double) -> Double, largest: Double) {
            let largest = max(matrix.values.map(abs).max() ?? 0, 1e-12)
            return ({ min(max(($0 / largest + 1) / 2, 0), 1) }, largest)
        }

        var columns = [Column]()
        let featureNames = data.training.featureNames.map(PlotSupport.axisLabel)
        let inputScale = symmetric(inputs)
        columns.append(
            Column(
                heading: ["inputs"], names: featureNames, values: grids(inputs), place: inputScale.place,
                scale: "−\(session.format(inputScale.largest)) to \(session.format(inputScale.largest))", extent: extent(inputs)))
        let threshold = PlotSupport.threshold(of: network, data: data)
        for (number, layer) in shown.enumerated() {
            let values = pass.outputs[layer.output]
            let isOutput = number == shown.count - 1
            let superscript = Self.superscriptNumber(number + 1)
            let names = (0..<values.columns).map { unit in
                isOutput && values.columns == 1 ? "a\(superscript)" : "a\(superscript)\(HiddenLinesPlot.subscriptNumber(unit + 1))"
            }
            var place: (Double) -> Double
            var scale: String
            switch layer.activation {
            case .sigmoid, .softmax, .hardLimit:
                place = { min(max($0, 0), 1) }
                scale = "0 to 1"
            case .tanh:
                place = { min(max(($0 + 1) / 2, 0), 1) }
                scale = "−1 to 1"
            default:
                let symmetricScale = symmetric(values)
                if extent(values).0 >= 0 {
                    // Never negative (a ReLU layer): 0, off, is the low end, as for a sigmoid.
                    let largest = symmetricScale.largest
                    place = { min(max($0 / largest, 0), 1) }
                    scale = "0 to \(session.format(largest))"
                } else {
                    place = symmetricScale.place
                    scale = "−\(session.format(symmetricScale.largest)) to \(session.format(symmetricScale.largest))"
                }
            }
            if isOutput, values.columns == 1 {
                // The output exactly as decision-boundary colours it.
                place = { PlotSupport.regionValue($0, threshold: threshold) }
                scale = threshold == 0 ? "−1 to 1" : "0 to 1"
            }
            columns.append(
                Column(
                    heading: [isOutput ? "output" : "layer \(number + 1)"] + (layer.normalised ? ["batch norm"] : [])
                        + [layer.activation.description], names: names,
                    values: grids(values), place: place, scale: scale, extent: extent(values)))
        }

        let figure = drawFigure(plot, columns: columns, network: network, shown: shown.map(\.dense), plane: plane, data: data, session: session)

        let shape = PlotSupport.shape(of: network)
        let when = PlotSupport.trainingPhrase(session)
        let x = "\(featureNames[0]) from \(session.format(limits.x.lowerBound)) to \(session.format(limits.x.upperBound))"
        let y = "\(featureNames[1]) from \(session.format(limits.y.lowerBound)) to \(session.format(limits.y.upperBound))"
        let ranges = columns.dropFirst().map { column in
            "\(column.heading[0]) (\(column.heading.dropFirst().joined(separator: ", "))) from \(session.format(column.extent.0)) to \(session.format(column.extent.1)) on the scale \(column.scale)"
        }
        var caption = "Each unit of the \(shape) network \(when) as a map of its activation over the plane (\(x) across, \(y) up), one column per layer. Blue is the low end of a unit's scale and red its high end: the inputs are on the scale \(columns[0].scale); over the plane, " + ranges.joined(separator: "; ") + "."
        if connections {
            caption += " The lines are the weights: blue positive, vermillion negative, thicker is larger."
        }
        if !show.isEmpty, !data.training.isRegression {
            caption += " The \(show.map(\.rawValue).joined(separator: " and ")) points are drawn on the output map, coloured by class."
        }
        if shown.count < network.layers.count {
            caption += " Batch norm uses its running averages and dropout is off, as in evaluation."
        }
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "A diagram of the \(shape) network in which each unit is a small heatmap of its activation over the input plane.")
    }

    /// The diagram: one axes whose data units are map sides, a column of maps per layer.
    func drawFigure(
        _ plot: PlotCell, columns: [Column], network: Network, shown: [Int], plane: Plane, data: SessionData,
        session: Session
    ) -> Figure {
        let pitch = Self.pitch
        let rows = columns.map(\.names.count).max()!
        let height = Double(rows) * Self.rowPitch
        func top(_ unit: Int, of count: Int) -> Double { Self.top(unit, of: count, rows: rows) }
        let pointsPerMap = min(100, max(44, 560 / height))
        let width = Double(columns.count - 1) * pitch + 1 + 0.6
        // Room for the lines of headings above the maps, at the figure's width and on a phone.
        let headingLines = Double(columns.map(\.heading.count).max()!)
        let headingRoom = (6 + 17 * headingLines) / min(pointsPerMap, 330 / width)
        let figure = Figure(
            width: plot.width ?? max(360, (width * pointsPerMap).rounded()),
            height: plot.height ?? ((height + headingRoom + 0.1) * pointsPerMap * 0.92 + 34).rounded())
        figure.title = plot.title ?? "Each unit over the plane \(PlotSupport.trainingPhrase(session))"
        let axes = figure.addAxes()
        axes.hideAxes()
        axes.equalAspect = true
        axes.xLimits = -0.3...(width - 0.3)
        axes.yLimits = -0.05...(height + headingRoom)
        axes.legendPlacement = .hidden

        if connections {
            let layers = shown.map { network.layers[$0] as! DenseLayer }
            for (index, layer) in layers.enumerated() {
                let from = columns[index].names.count
                let to = columns[index + 1].names.count
                for i in 0..<from {
                    for j in 0..<to {
                        let w = layer.weights[i, j]
                        let strength = NetworkDiagramMark.edgeStrength(w, fullAt: 20)
                        let color = (w >= 0 ? NetworkDiagramMark.positive : NetworkDiagramMark.negative)
                            .withAlpha(0.45 + 0.55 * strength)
                        axes.line(
                            x: [Double(index) * pitch + 1, Double(index + 1) * pitch],
                            y: [top(i, of: from) - 0.5, top(j, of: to) - 0.5], color: color, width: 0.6 + 3.4 * strength)
                    }
                }
            }
        }
        let frame = Color(hex: 0xBBBBBB)
        for (index, column) in columns.enumerated() {
            let left = Double(index) * pitch
            for (unit, values) in column.values.enumerated() {
                let t = top(unit, of: column.values.count)
                axes.heatmap(
                    ValueGrid(values: values.map { $0.map(column.place) }, x: left...(left + 1), y: (t - 1)...t),
                    colormap: .decisionRegions, range: 0...1)
                axes.line(x: [left, left + 1, left + 1, left, left], y: [t, t, t - 1, t - 1, t], color: frame, width: 0.6)
                axes.text(column.names[unit], x: left - 0.04, y: t, anchor: TextAnchor(.right, .top))
            }
            axes.add(HeadingMark(lines: column.heading, x: left + 0.5, y: top(0, of: rows) + 0.06))
        }
        if !show.isEmpty, !data.training.isRegression, let output = columns.last {
            // The points in the output maps' squares.
            let left = Double(columns.count - 1) * pitch
            let limits = plane.limits
            func place(_ set: Dataset, top t: Double) -> [(Double, Double)] {
                PlotSupport.points(set.inputs).map { p in
                    (left + (p.0 - limits.x.lowerBound) / (limits.x.upperBound - limits.x.lowerBound),
                     t - 1 + (p.1 - limits.y.lowerBound) / (limits.y.upperBound - limits.y.lowerBound))
                }
            }
            let size = plane.training.count <= 20 ? 7.0 : plane.training.count <= 300 ? 3.0 : 2.0
            let names = PlotSupport.classNames(data)
            for unit in 0..<output.names.count {
                let t = top(unit, of: output.names.count)
                if show.contains(.training) {
                    axes.scatter(points: place(plane.training, top: t), classes: plane.training.labels, classNames: names, size: size)
                }
                if let test = plane.test {
                    let points = place(test, top: t)
                    for label in Set(test.labels).sorted() {
                        let chosen = test.labels.indices.filter { test.labels[$0] == label }
                        axes.scatter(
                            points: chosen.map { points[$0] }, color: Palette.color(label).withAlpha(0.4),
                            marker: MarkerShape.forClass(label), size: size)
                    }
                }
            }
        }
        return figure
    }

    /// The distance between the left sides of two columns of maps, in map sides.
    static let pitch = 1.8
    /// The distance between the tops of two maps in a column, in map sides.
    static let rowPitch = 1.3

    /// The data rectangle of map `unit` (from 0) of a column of `count` maps, column `column`
    /// (0: the inputs) of a diagram whose tallest column has `rows` maps. The axes' data units
    /// are map sides; each column is centred on the tallest.
    static func mapRect(column: Int, unit: Int, of count: Int, rows: Int) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let left = Double(column) * pitch
        let t = top(unit, of: count, rows: rows)
        return (left...(left + 1), (t - 1)...t)
    }

    /// The top of map `unit` of a column of `count` maps.
    static func top(_ unit: Int, of count: Int, rows: Int) -> Double {
        Double(rows) * rowPitch - (Double(rows - count) * rowPitch) / 2 - Double(unit) * rowPitch
    }

    /// A column's heading: its lines stacked upwards from a data point, the last one lowest, the
    /// first in ink and the others in the secondary ink.
    struct HeadingMark: Mark {
        var lines: [String]
        var x: Double
        var y: Double

        var bounds: DataBounds? { nil }

        func draw(in frame: PlotFrame, renderer: any Renderer) {
            var point = frame.point(x: x, y: y)
            for (index, line) in lines.enumerated().reversed() where !line.isEmpty {
                let style = TextStyle(size: Theme.annotation.size, color: index == 0 ? Palette.ink : Palette.secondaryInk)
                renderer.drawText(line, at: point, style: style, anchor: TextAnchor(.center, .bottom))
                let extents = renderer.measure(line, style: style)
                point.y -= extents.capHeight + extents.descent + 4
            }
        }
    }

    /// `12` → `¹²`.
    static func superscriptNumber(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).map { digits[Int(String($0))!] })
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { NeuronMapsPlot.registryRecord }
