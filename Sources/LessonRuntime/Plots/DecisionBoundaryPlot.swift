import Datasets
import Engine
import LessonFormat
import Plotting

/// `decision-boundary`: the line `w·x + b = 0` of a single layer, or the decision regions of a
/// deeper network (or of any network on mapped features), in the original plane.
struct DecisionBoundaryPlot: PlotKind {
    static let name = "decision-boundary"
    static let listOrder = 20
    static let keys = ["show", "space", "resolution"]
    static let summary = "The data with the network's decision line(s) or decision regions."

    /// Which points, in which plane.
    var points: PlanePoints
    /// Grid points per side of the decision regions.
    var resolution: Int

    init(_ fields: FieldReader) throws(LessonError) {
        points = try PlanePoints(fields)
        resolution = try fields.integer("resolution", default: 200, in: 20...600)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireData(session)
        let network = try plot.requireNetwork(session)
        let plane = try points.plane(of: data, for: plot)
        guard network.layers[0].inputCount == data.training.featureCount else {
            throw plot.misfit(
                "needs a network that takes the data's \(data.training.featureCount) features, but the network takes \(network.layers[0].inputCount)")
        }
        let measured = data.test.map { $0.count > 0 ? ($0, "test") : (data.training, "training") } ?? (data.training, "training")
        let accuracy = PlotSupport.accuracy(of: network, on: measured.0, data: data)
        let shape = PlotSupport.shape(of: network)
        let when = PlotSupport.trainingPhrase(session)
        let measure = "\(measured.1) accuracy \(NumberText.percent(accuracy))"

        if network.denseLayers.count == 1, plane.map == nil {
            let figure = plot.makeFigure(width: 480, height: 440)
            let axes = figure.addAxes()
            axes.title = plot.title ?? "Decision boundary \(when)"
            points.draw(on: axes, plane: plane, data: data)
            let layer = network.denseLayers[0]
            var equations = [String]()
            for unit in 0..<layer.outputCount {
                let w = [layer.weights[0, unit], layer.weights[1, unit]]
                let equation = PlotSupport.lineEquation(
                    weights: w, bias: layer.bias[0, unit], names: plane.training.featureNames, session: session)
                equations.append(equation)
                axes.decisionLine(
                    weights: w, bias: layer.bias[0, unit], label: equation,
                    color: layer.outputCount == 1 ? Palette.ink : Palette.color(unit + 2), showsDirection: true)
            }
            let caption = "Decision boundary of the \(shape) network \(when): \(equations.joined(separator: "; ")) (the arrow points to the side classified as 1); \(measure)."
            return PlotOutput(
                figure: figure, caption: caption,
                alternativeText: "The data of \(data.title) with the network's decision line \(equations.joined(separator: ", ")).")
        }

        let figure = plot.makeFigure(width: 680, height: 460)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "Decision regions \(when)"
        let limits = plane.limits
        let hardLimit = network.outputLayer.outputCount == 1 && network.outputLayer.activation == .hardLimit
        let grid = hardLimit ? [] : regionGrid(network: network, map: plane.map, limits: limits)
        let names = PlotSupport.classNames(data)
        let output = PlotSupport.outputName(of: network)
        if network.outputLayer.outputCount == 1 {
            let threshold = PlotSupport.threshold(of: network, data: data)
            if network.outputLayer.activation == .hardLimit {
                // A hard limit says 0 or 1 and nothing between: two flat colours, not a scale. Its
                // net input (1 where it is at least 0) gives the border without a staircase.
                let nets = regionGrid(network: network, map: plane.map, limits: limits, netInput: true)
                let classes = nets.map { $0.map { $0[0] >= 0 ? 1.0 : 0.0 } }
                axes.classRegions(
                    ValueGrid(values: classes, x: limits.x, y: limits.y),
                    labels: (0..<2).map { "classified as \(names[min($0, names.count - 1)])" }, boundaryLabel: "boundary",
                    score: ValueGrid(values: nets.map { $0.map { $0[0] } }, x: limits.x, y: limits.y), level: 0)
            } else {
                // The output is not quite a probability (the lessons say why): name it for what it is,
                // with the class its high end stands for.
                let values = grid.map { $0.map { PlotSupport.regionValue($0[0], threshold: threshold) } }
                let high = names.count > 1 && !names[1].allSatisfy(\.isNumber) ? names[1] : "class 1"
                axes.heatmap(
                    ValueGrid(values: values, x: limits.x, y: limits.y), colormap: .decisionRegions, range: 0...1,
                    colorbar: (threshold == 0 ? "(\(output) + 1) / 2" : "output \(output)") + "  (1 = \(high))")
                axes.contour(level: 0.5, label: threshold == 0 ? "\(output) = 0" : "\(output) = \(NumberText.format(threshold, significantDigits: 3))")
            }
        } else {
            let classCount = network.outputLayer.outputCount
            let classes = grid.map { $0.map { row in Double(row.indices.max { row[$0] < row[$1] } ?? 0) } }
            axes.classRegions(
                ValueGrid(values: classes, x: limits.x, y: limits.y),
                labels: (0..<classCount).map { "classified as \($0 < names.count ? names[$0] : "class \($0)")" })
        }
        points.draw(on: axes, plane: plane, data: data)
        let mapped = plane.map.map { " (evaluated on \($0.name), drawn in the original plane)" } ?? ""
        let caption = "Decision regions of the \(shape) network \(when)\(mapped); \(measure)."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: network.outputLayer.outputCount == 1 && network.outputLayer.activation != .hardLimit
                ? "Heatmap of the network's output over the plane with its decision boundary and the data of \(data.title)."
                : "The plane coloured by the class the network decides, with the boundaries between the classes and the data of \(data.title).")
    }

    /// The network's outputs (or, with `netInput`, the output layer's net inputs) at the centres
    /// of a `resolution × resolution` grid over `limits`, bottom row first, evaluated through
    /// `map` when the plane is the original one of mapped data.
    ///
    /// The points go through the network `chunkRows` at a time: the forward pass keeps every
    /// layer's outputs for the whole batch, so a wide network on 360,000 points at once would
    /// hold hundreds of millions of values. Each row is computed on its own, so the outputs
    /// are the same as in one pass.
    func regionGrid(
        network: Network, map: FeatureMap?, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>),
        chunkRows: Int = 4_096, netInput: Bool = false
    ) -> [[[Double]]] {
        let n = resolution
        let dx = (limits.x.upperBound - limits.x.lowerBound) / Double(n)
        let dy = (limits.y.upperBound - limits.y.lowerBound) / Double(n)
        let count = n * n
        let step = max(chunkRows, 1)
        var points = [[Double]]()
        points.reserveCapacity(count)
        var start = 0
        while start < count {
            let end = min(start + step, count)
            var values = [Double]()
            values.reserveCapacity((end - start) * 2)
            for index in start..<end {
                let (row, column) = index.quotientAndRemainder(dividingBy: n)
                values.append(limits.x.lowerBound + (Double(column) + 0.5) * dx)
                values.append(limits.y.lowerBound + (Double(row) + 0.5) * dy)
            }
            var inputs = Matrix(rows: end - start, columns: 2, values: values)
            if let map { inputs = map.apply(to: inputs) }
            let output = netInput ? network.forward(inputs).nets[network.layers.count - 1] : network.predict(inputs)
            for index in 0..<output.rows {
                points.append((0..<output.columns).map { output[index, $0] })
            }
            start = end
        }
        return (0..<n).map { row in Array(points[(row * n)..<(row * n + n)]) }
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { DecisionBoundaryPlot.registryRecord }
