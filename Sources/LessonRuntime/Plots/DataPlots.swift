import Datasets
import Engine
import LessonFormat
import Plotting

// The data in its own plane: `data` and `decision-boundary`.
extension PlotCell {
    /// `data`: the training (and test) points by class, before any feature map (or after it,
    /// with `space: features`).
    func dataPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let data = try requireData(session)
        let plane = try self.plane(of: data)
        let figure = makeFigure(width: 480, height: 420)
        let axes = figure.addAxes()
        axes.title = title ?? Self.capitalized(data.title)
        drawPoints(on: axes, plane: plane, data: data)
        var parts = [String]()
        if show.contains(.training) { parts.append("\(NumberText.grouped(plane.training.count)) training points") }
        if let test = plane.test { parts.append("\(NumberText.grouped(test.count)) test points (paler)") }
        let counts = zip(PlotSupport.classNames(data), plane.training.classCounts).map { name, count in
            "\(name.allSatisfy(\.isNumber) ? "class \(name)" : name): \(NumberText.grouped(count))"
        }
        let mapped = space == .features ? data.featureMap.map { " after the feature map \($0.name)" } ?? "" : ""
        let caption = "The data of \(data.title)\(mapped): \(parts.joined(separator: " and ")), coloured by class (training \(counts.joined(separator: ", ")))."
        return PlotOutput(figure: figure, caption: caption, alternativeText: "Scatter plot of \(data.title) by class.")
    }

    /// `decision-boundary`: the line `w·x + b = 0` of a single layer, or the decision regions
    /// of a deeper network (or of any network on mapped features), in the original plane.
    func decisionBoundaryPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let data = try requireData(session)
        let network = try requireNetwork(session)
        let plane = try self.plane(of: data)
        guard network.denseLayers[0].inputCount == data.training.featureCount else {
            throw misfit(
                "needs a network that takes the data's \(data.training.featureCount) features, but the network takes \(network.denseLayers[0].inputCount)")
        }
        let measured = data.test.map { $0.count > 0 ? ($0, "test") : (data.training, "training") } ?? (data.training, "training")
        let accuracy = PlotSupport.accuracy(of: network, on: measured.0, data: data)
        let shape = PlotSupport.shape(of: network)
        let when = PlotSupport.trainingPhrase(session)
        let measure = "\(measured.1) accuracy \(NumberText.percent(accuracy))"

        if network.denseLayers.count == 1, plane.map == nil {
            let figure = makeFigure(width: 480, height: 440)
            let axes = figure.addAxes()
            axes.title = title ?? "Decision boundary \(when)"
            drawPoints(on: axes, plane: plane, data: data)
            let layer = network.denseLayers[0]
            var equations = [String]()
            for unit in 0..<layer.outputCount {
                let w = [layer.weights[0, unit], layer.weights[1, unit]]
                let equation = lineEquation(weights: w, bias: layer.bias[0, unit], names: plane.training.featureNames, session: session)
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

        let figure = makeFigure(width: 680, height: 460)
        let axes = figure.addAxes()
        axes.title = title ?? "Decision regions \(when)"
        let limits = plane.limits
        let grid = regionGrid(network: network, map: plane.map, limits: limits)
        if network.outputLayer.outputCount == 1 {
            let threshold = PlotSupport.threshold(of: network, data: data)
            let values = grid.map { $0.map { PlotSupport.regionValue($0[0], threshold: threshold) } }
            axes.heatmap(
                ValueGrid(values: values, x: limits.x, y: limits.y), colormap: .decisionRegions, range: 0...1,
                colorbar: threshold == 0 ? "(output + 1) / 2" : network.outputLayer.activation == .sigmoid ? "P(class 1)" : "output")
            axes.contour(level: 0.5, label: threshold == 0 ? "output = 0" : "output = 0.5")
        } else {
            drawClassRegions(on: axes, outputs: grid, limits: limits, classCount: network.outputLayer.outputCount)
        }
        drawPoints(on: axes, plane: plane, data: data)
        let mapped = plane.map.map { " (evaluated on \($0.name), drawn in the original plane)" } ?? ""
        let caption = "Decision regions of the \(shape) network \(when)\(mapped); \(measure)."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Heatmap of the network's output over the plane with its decision boundary and the data of \(data.title).")
    }

    // MARK: - Pieces

    /// The plane a figure draws in: the original inputs (the network sees them through `map`),
    /// or with `space: features` the mapped features the network sees directly.
    struct Plane {
        var training: Dataset
        var test: Dataset?
        var map: FeatureMap?

        /// The axis limits around every point drawn.
        var limits: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
            PlotSupport.limits(around: [training.inputs] + (test.map { [$0.inputs] } ?? []))
        }
    }

    /// The plane `space` names, with the test samples if `show` asks for them.
    func plane(of data: SessionData) throws(LessonError) -> Plane {
        let test = show.contains(.test) ? try testSamples(data, key: "show") : nil
        let plane = space == .features
            ? Plane(training: data.training, test: test?.mapped, map: nil)
            : Plane(training: data.original, test: test?.original, map: data.featureMap)
        guard plane.training.featureCount == 2 else {
            throw misfit("draws points in the plane, but the data has \(plane.training.featureCount) features")
        }
        return plane
    }

    /// The points by class, training solid and test paler, with coordinates written beside
    /// them when there are only a few (the logic gates).
    func drawPoints(on axes: Axes, plane: Plane, data: SessionData) {
        let names = PlotSupport.classNames(data)
        let training = plane.training
        let size = training.count <= 20 ? 11.0 : training.count <= 300 ? 7.0 : 4.5
        if show.contains(.training) {
            let labels = training.count <= 8
                ? PlotSupport.points(training.inputs).map { "(\(NumberText.format($0.0, significantDigits: 3)), \(NumberText.format($0.1, significantDigits: 3)))" }
                : nil
            axes.scatter(
                points: PlotSupport.points(training.inputs), classes: training.labels, classNames: names, labels: labels,
                size: size)
        }
        if let test = plane.test {
            let points = PlotSupport.points(test.inputs)
            for label in Set(test.labels).sorted() {
                let chosen = test.labels.indices.filter { test.labels[$0] == label }
                axes.scatter(
                    points: chosen.map { points[$0] }, color: Palette.color(label).withAlpha(0.4),
                    marker: MarkerShape.forClass(label), size: size, label: "\(names[label]) (test)")
            }
        }
        axes.xLabel = PlotSupport.axisLabel(training.featureNames[0])
        axes.yLabel = PlotSupport.axisLabel(training.featureNames[1])
        axes.equalAspect = true
        (axes.xLimits, axes.yLimits) = plane.limits
    }

    /// `0.2 x₁ + 0.1 x₂ − 0.2 = 0`.
    func lineEquation(weights: [Double], bias: Double, names featureNames: [String], session: Session) -> String {
        let names = featureNames.map(PlotSupport.axisLabel)
        var text = "\(session.format(weights[0])) \(names[0])"
        text += weights[1] < 0 ? " − \(session.format(-weights[1])) \(names[1])" : " + \(session.format(weights[1])) \(names[1])"
        text += bias < 0 ? " − \(session.format(-bias))" : " + \(session.format(bias))"
        return text + " = 0"
    }

    /// The network's outputs at the centres of a `resolution × resolution` grid over `limits`,
    /// bottom row first, evaluated through `map` when the plane is the original one of mapped data.
    ///
    /// The points go through the network `chunkRows` at a time: the forward pass keeps every
    /// layer's outputs for the whole batch, so a wide network on 360,000 points at once would
    /// hold hundreds of millions of values. Each row is computed on its own, so the outputs
    /// are the same as in one pass.
    func regionGrid(
        network: Network, map: FeatureMap?, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>),
        chunkRows: Int = 4_096
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
            let output = network.predict(inputs)
            for index in 0..<output.rows {
                points.append((0..<output.columns).map { output[index, $0] })
            }
            start = end
        }
        return (0..<n).map { row in Array(points[(row * n)..<(row * n + n)]) }
    }

    /// Regions of several classes: each cell tinted by its arg-max class, each region outlined.
    private func drawClassRegions(
        on axes: Axes, outputs: [[[Double]]], limits: (x: ClosedRange<Double>, y: ClosedRange<Double>), classCount: Int
    ) {
        let classes = outputs.map { $0.map { row in Double(row.indices.max { row[$0] < row[$1] } ?? 0) } }
        let colormap = Colormap(
            name: "classes",
            stops: (0..<classCount).map { (Double($0) / Double(max(classCount - 1, 1)), Palette.color($0).mixed(with: .white, fraction: 0.72)) })
        axes.heatmap(ValueGrid(values: classes, x: limits.x, y: limits.y), colormap: colormap, range: 0...Double(max(classCount - 1, 1)))
        for label in 0..<classCount {
            let indicator = classes.map { $0.map { $0 == Double(label) ? 1.0 : 0.0 } }
            axes.contour(ValueGrid(values: indicator, x: limits.x, y: limits.y), levels: [0.5], width: 1.2)
        }
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
