import Datasets
import Engine
import LessonFormat
import Plotting

/// `fit`: how the network's output fits regression data (real-valued targets).
///
/// With one input, the data points `(x, y)` and the network's curve `a(x)` over the inputs'
/// range; with two, the network's output as a heatmap over the plane, with the data points on
/// it in the colours of their targets on the same scale, so a point that stands out from the
/// colour around it is one the network misses. `show` picks the samples: `training` (the
/// default), `validation` and `test`, each in a colour (one input) or a marker shape (two) of
/// its own. Before a model cell there is no curve, only the data.
struct FitPlot: PlotKind {
    static let name = "fit"
    static let listOrder = 25
    static let keys = ["show", "resolution"]
    static let summary = "Regression: the data and the network's curve (one input) or its output as a heatmap (two)."

    /// The samples a fit plot can show.
    enum Samples: String, CaseIterable {
        case training, validation, test
    }

    /// Which samples to draw, in the order written.
    var show: [Samples]
    /// Points of the curve (one input), or grid cells per side of the heatmap (two).
    var resolution: Int

    init(_ fields: FieldReader) throws(LessonError) {
        show = [.training]
        if let value = fields.value("show") {
            show = []
            for item in value.items ?? [value] {
                guard let text = item.text, let samples = Samples(rawValue: text) else {
                    let choices = Samples.allCases.map(\.rawValue)
                    let hint = item.text.flatMap { suggestion(for: $0, among: choices) }.map { " (did you mean '\($0)'?)" } ?? ""
                    throw LessonError(
                        .invalidValue(key: "show", in: "plot cell", message: "items must be 'training', 'validation' or 'test', not \(item.kindDescription)\(hint)"),
                        at: item.position)
                }
                if !show.contains(samples) { show.append(samples) }
            }
            guard !show.isEmpty else {
                throw LessonError(
                    .invalidValue(key: "show", in: "plot cell", message: "needs at least one of 'training', 'validation' and 'test'"),
                    at: value.position)
            }
        }
        resolution = try fields.integer("resolution", default: 150, in: 20...600)
    }

    /// One set of points drawn: its name, the inputs in the plane drawn (before any feature
    /// map), the samples as the network takes them, and its colour and marker.
    struct PointSet {
        var which: Samples
        var original: Matrix
        var samples: Dataset
        var color: Color
        var marker: MarkerShape
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireData(session)
        guard data.training.isRegression else {
            throw plot.misfit("draws real values to predict, but \(data.title) has classes; plot 'data' or 'decision-boundary' instead")
        }
        let targets = data.training.targets.columns
        guard targets == 1 else {
            throw plot.misfit("draws one target, but \(data.title) has \(targets)")
        }
        let sets = try pointSets(data, plot: plot)
        let network = session.network
        if let network {
            guard network.layers[0].inputCount == data.training.featureCount,
                network.outputLayer.outputCount == targets
            else {
                throw plot.misfit(
                    "needs a network that takes the data's \(NumberText.count(data.training.featureCount, "input")) and gives one output, but the network is \(PlotSupport.shape(of: network))")
            }
        }
        switch data.original.featureCount {
        case 1: return curve(sets, network: network, data: data, plot: plot, session: session)
        case 2: return heatmap(sets, network: network, data: data, plot: plot, session: session)
        default:
            throw plot.misfit("draws one or two inputs, but \(data.title) has \(data.original.featureCount)")
        }
    }

    /// The samples `show` names, or an error naming the data cell key that makes them.
    private func pointSets(_ data: SessionData, plot: PlotCell) throws(LessonError) -> [PointSet] {
        var sets = [PointSet]()
        for (index, which) in show.enumerated() {
            let color = Palette.color(index)
            let marker = MarkerShape.forClass(index)
            switch which {
            case .training:
                sets.append(PointSet(which: which, original: data.original.inputs, samples: data.training, color: color, marker: marker))
            case .validation:
                guard let validation = data.validation, validation.count > 0 else {
                    throw LessonError(
                        .failed("'show: validation' needs validation samples: give the data cell a 'validation' fraction"),
                        at: plot.position(of: "show"))
                }
                guard data.featureMap == nil else {
                    throw plot.misfit("cannot draw validation points of mapped features in the original plane")
                }
                sets.append(PointSet(which: which, original: validation.inputs, samples: validation, color: color, marker: marker))
            case .test:
                let test = try plot.testSamples(data, key: "show")
                sets.append(PointSet(which: which, original: test.original.inputs, samples: test.mapped, color: color, marker: marker))
            }
        }
        return sets
    }

    /// One input: the points `(x, y)` of each set and the network's curve over their range.
    private func curve(
        _ sets: [PointSet], network: Network?, data: SessionData, plot: PlotCell, session: Session
    ) -> PlotOutput {
        let figure = plot.makeFigure(width: 560, height: 400)
        let axes = figure.addAxes()
        let xs = sets.flatMap(\.original.values)
        let (low, high) = (xs.min() ?? 0, xs.max() ?? 1)
        let margin = high > low ? 0.04 * (high - low) : 0.5
        let domain = (low - margin)...(high + margin)
        let size = sets.map(\.samples.count).reduce(0, +) <= 300 ? 7.0 : 4.5
        for set in sets {
            axes.scatter(
                x: set.original.values, y: set.samples.targets.values, color: set.color, marker: set.marker, size: size,
                label: "\(set.which.rawValue) samples")
        }
        if let network {
            let step = (domain.upperBound - domain.lowerBound) / Double(resolution - 1)
            let grid = (0..<resolution).map { domain.lowerBound + Double($0) * step }
            var inputs = Matrix(column: grid)
            if let map = data.featureMap { inputs = map.apply(to: inputs) }
            let output = network.predict(inputs)
            axes.line(x: grid, y: output.values, label: "network \(PlotSupport.outputName(of: network))(x)", color: Palette.ink)
        }
        axes.xLimits = domain
        axes.xLabel = PlotSupport.axisLabel(data.original.featureNames[0])
        axes.yLabel = PlotSupport.axisLabel(data.training.targetNames.first ?? "y")
        axes.title = plot.title ?? (network == nil ? PlotSupport.capitalized(data.title) : "The fit \(PlotSupport.trainingPhrase(session))")
        let drawn = network == nil ? "" : " and the curve of the \(PlotSupport.shape(of: network!)) network \(PlotSupport.trainingPhrase(session))"
        let caption = "The \(pointsPhrase(sets)) of \(data.title)\(drawn)" + measures(sets, network: network, session: session) + "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Scatter plot of \(data.title), target against input\(network == nil ? "" : ", with the network's output as a line").")
    }

    /// Two inputs: the network's output as a heatmap, with the points in their targets' colours.
    private func heatmap(
        _ sets: [PointSet], network: Network?, data: SessionData, plot: PlotCell, session: Session
    ) -> PlotOutput {
        let figure = plot.makeFigure(width: 600, height: 480)
        let axes = figure.addAxes()
        let limits = PlotSupport.limits(around: sets.map(\.original))
        let targets = sets.flatMap(\.samples.targets.values)
        var values = targets
        var grid: ValueGrid?
        if let network {
            let cells = outputs(of: network, map: data.featureMap, limits: limits)
            grid = ValueGrid(values: cells, x: limits.x, y: limits.y)
            values += cells.flatMap { $0 }
        }
        // One scale for the heatmap and the points, so their colours compare.
        let low = values.min() ?? 0
        let high = max(values.max() ?? 1, low + 1e-12)
        let targetName = PlotSupport.axisLabel(data.training.targetNames.first ?? "y")
        if let grid, let network {
            axes.heatmap(
                grid, colormap: .viridis, range: low...high,
                colorbar: "output \(PlotSupport.outputName(of: network)), and target \(targetName) of each point")
        } else {
            axes.showColorbar(.viridis, range: low...high, label: "target \(targetName)")
        }
        for set in sets {
            axes.add(
                ValuePointsMark(
                    points: PlotSupport.points(set.original), values: set.samples.targets.values, range: low...high,
                    marker: set.marker, size: set.samples.count <= 300 ? 8 : 5, label: "\(set.which.rawValue) samples"))
        }
        axes.xLimits = limits.x
        axes.yLimits = limits.y
        axes.equalAspect = true
        axes.xLabel = PlotSupport.axisLabel(data.original.featureNames[0])
        axes.yLabel = PlotSupport.axisLabel(data.original.featureNames[1])
        axes.title = plot.title ?? (network == nil ? PlotSupport.capitalized(data.title) : "The network's output \(PlotSupport.trainingPhrase(session))")
        let drawn = network.map { " on the output of the \(PlotSupport.shape(of: $0)) network \(PlotSupport.trainingPhrase(session)), drawn as a heatmap on the same colour scale" } ?? ", coloured by target"
        let caption = "The \(pointsPhrase(sets)) of \(data.title)\(drawn)" + measures(sets, network: network, session: session) + "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: network == nil
                ? "The points of \(data.title) in the plane, coloured by their target."
                : "Heatmap of the network's output over the plane, with the points of \(data.title) coloured by their target on the same scale.")
    }

    /// The network's output at the centres of a `resolution × resolution` grid over `limits`,
    /// bottom row first, through `map` when the network sees mapped features.
    private func outputs(
        of network: Network, map: FeatureMap?, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>)
    ) -> [[Double]] {
        let n = resolution
        let dx = (limits.x.upperBound - limits.x.lowerBound) / Double(n)
        let dy = (limits.y.upperBound - limits.y.lowerBound) / Double(n)
        var rows = [[Double]]()
        rows.reserveCapacity(n)
        // One grid row per pass keeps each pass small whatever the network's width.
        for row in 0..<n {
            let y = limits.y.lowerBound + (Double(row) + 0.5) * dy
            var inputs = Matrix(rows: n, columns: 2, values: (0..<n).flatMap { [limits.x.lowerBound + (Double($0) + 0.5) * dx, y] })
            if let map { inputs = map.apply(to: inputs) }
            rows.append(network.predict(inputs).values)
        }
        return rows
    }

    /// `40 training samples and 40 validation samples`.
    private func pointsPhrase(_ sets: [PointSet]) -> String {
        let parts = sets.map { "\(NumberText.grouped($0.samples.count)) \($0.which.rawValue) samples" }
        return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
    }

    /// `; training MSE 0.0123 (R² 0.97), validation MSE 0.0456 (R² 0.91)`, or nothing without a network.
    private func measures(_ sets: [PointSet], network: Network?, session: Session) -> String {
        guard let network else { return "" }
        let parts = sets.map { set -> String in
            let output = network.predict(set.samples.inputs)
            let mse = RegressionMetrics.meanSquaredError(output: output, target: set.samples.targets)
            let r2 = RegressionMetrics.rSquared(output: output, target: set.samples.targets).map { " ($R^2$ \(session.format($0)))" } ?? ""
            return "\(set.which.rawValue) MSE \(session.format(mse))\(r2)"
        }
        return "; " + parts.joined(separator: ", ")
    }
}

/// Points coloured by a value through viridis, the map of the heatmap under them, with a white
/// edge. Like the heatmap, they keep their colours in the dark appearance, so a point and the
/// output around it still compare.
private struct ValuePointsMark: Mark {
    var points: [(Double, Double)]
    var values: [Double]
    var range: ClosedRange<Double>
    var marker: MarkerShape
    var size: Double
    var label: String

    var bounds: DataBounds? { DataBounds(points: points.map { (x: $0.0, y: $0.1) }) }

    var legendEntries: [LegendEntry] {
        [LegendEntry(label: label, color: Colormap.viridis.color(at: 0.5), marker: marker)]
    }

    func draw(in frame: PlotFrame, renderer: any Renderer) {
        renderer.withAppearance(.light) {
            let shape = marker.path(center: Point(x: 0, y: 0), size: size)
            // One batch per colour, in the order of the colour map, so the drawing is the same every time.
            var byColor = [Int: [Point]]()
            for (point, value) in zip(points, values) where point.0.isFinite && point.1.isFinite {
                let span = range.upperBound - range.lowerBound
                let index = Colormap.index(for: span > 0 ? (value - range.lowerBound) / span : 0.5)
                byColor[index, default: []].append(frame.point(x: point.0, y: point.1))
            }
            for index in byColor.keys.sorted() {
                renderer.drawMarkers(
                    shape, at: byColor[index]!, fill: Colormap.viridis.table[index], stroke: Theme.markerEdge)
            }
        }
    }

    func occupiedPoints(in frame: PlotFrame) -> [Point] {
        points.map { frame.point(x: $0.0, y: $0.1) }
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { FitPlot.registryRecord }
