import Datasets
import Engine
import LessonFormat
import Plotting

/// `decision-boundary`: the line `w·x + b = 0` of a single layer, or the decision regions of a
/// deeper network (or of any network on mapped features), in the original plane.
struct DecisionBoundaryPlot: PlotKind {
    static let name = "decision-boundary"
    static let listOrder = 20
    static let keys = ["show", "space", "resolution", "frames"]
    static let summary = "The data with the network's decision line(s) or decision regions."

    /// Which points, in which plane.
    var points: PlanePoints
    /// Grid points per side of the decision regions.
    var resolution: Int
    /// The moments of training to animate, if any.
    var frames: PlotFrames?

    init(_ fields: FieldReader) throws(LessonError) {
        points = try PlanePoints(fields)
        resolution = try fields.integer("resolution", default: 200, in: 20...600)
        frames = try PlotOptions.frames(fields)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireData(session)
        let network = try plot.requireNetwork(session)
        let plane = try points.plane(of: data, for: plot)
        guard network.layers[0].inputCount == data.training.featureCount else {
            throw plot.misfit(
                "needs a network that takes the data's \(data.training.featureCount) features, but the network takes \(network.layers[0].inputCount)")
        }
        // The moments before anything is drawn: they need the training run, which checking does not make.
        let moments = try frames.map { frames throws(LessonError) in try self.moments(frames, plot: plot, session: session, final: network) }
        let measured = data.test.map { $0.count > 0 ? ($0, "test") : (data.training, "training") } ?? (data.training, "training")
        let accuracy = PlotSupport.accuracy(of: network, on: measured.0, data: data)
        let shape = PlotSupport.shape(of: network)
        let when = PlotSupport.trainingPhrase(session)
        let measure = "\(measured.1) accuracy \(NumberText.percent(accuracy))"
        let (figure, equations) = drawing(network, when: when, title: plot.title, plot: plot, session: session, data: data, plane: plane)
        var output: PlotOutput
        if let equations {
            let caption = "Decision boundary of the \(shape) network \(when): \(equations.joined(separator: "; ")) (the arrow points to the side classified as 1); \(measure)."
            output = PlotOutput(
                figure: figure, caption: caption,
                alternativeText: "The data of \(data.title) with the network's decision line \(equations.joined(separator: ", ")).")
        } else {
            let mapped = plane.map.map { " (evaluated on \($0.name), drawn in the original plane)" } ?? ""
            let caption = "Decision regions of the \(shape) network \(when)\(mapped); \(measure)."
            output = PlotOutput(
                figure: figure, caption: caption,
                alternativeText: network.outputLayer.outputCount == 1 && network.outputLayer.activation != .hardLimit
                    ? "Heatmap of the network's output over the plane with its decision boundary and the data of \(data.title)."
                    : "The plane coloured by the class the network decides, with the boundaries between the classes and the data of \(data.title).")
        }
        guard let moments else { return output }
        output.frames = moments.frames.map { moment in
            drawing(
                moment.network, when: moment.when, title: plot.title.map { "\($0) (\(moment.when))" }, plot: plot,
                session: session, data: data, plane: plane, sample: moment.sample
            ).figure
        }
        let what = equations == nil ? "regions" : "line"
        output.caption += " " + moments.sentence(what, ringed: equations != nil)
        output.alternativeText += " Animated: the \(what) \(moments.span)."
        return output
    }

    /// The figure of `network` at a moment (`when`: `after 100 epochs`), with the sample an
    /// update looked at ringed; the equations of its lines when it draws lines, `nil` for regions.
    private func drawing(
        _ network: Network, when: String, title: String?, plot: PlotCell, session: Session, data: SessionData, plane: Plane,
        sample: (Double, Double)? = nil
    ) -> (figure: Figure, equations: [String]?) {
        if network.denseLayers.count == 1, plane.map == nil {
            let figure = plot.makeFigure(width: 480, height: 440)
            let axes = figure.addAxes()
            axes.title = title ?? "Decision boundary \(when)"
            if let sample {
                // A pale ring behind the sample the update looked at, without a legend row.
                axes.scatter(points: [sample], color: Palette.color(4).withAlpha(0.45), size: 30)
            }
            points.draw(on: axes, plane: plane, data: data)
            stillLegend(axes)
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
            return (figure, equations)
        }

        let figure = plot.makeFigure(width: 680, height: 460)
        let axes = figure.addAxes()
        axes.title = title ?? "Decision regions \(when)"
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
        stillLegend(axes)
        return (figure, nil)
    }

    /// Puts an animation's legend beside the plot in every frame: inside, it would move to
    /// whichever corner the line or the boundary of each frame leaves free.
    private func stillLegend(_ axes: Axes) {
        if frames != nil { axes.legendPlacement = .outsideRight }
    }

    /// The networks an animation draws, one per moment `frames` names before the end of the
    /// last training run: the perceptron's layer after each of its updates, or a
    /// gradient-descent run's network after each epoch, rebuilt from the parameters the run
    /// recorded at the first update of the next epoch (`requestedSteps`).
    private func moments(
        _ frames: PlotFrames, plot: PlotCell, session: Session, final: Network
    ) throws(LessonError) -> Moments {
        switch try plot.requireTraining(session) {
        case let .perceptron(run):
            let updates = run.result.updates
            let chosen = try frames.moments(before: updates.count, unit: .update)
            let frames = chosen.map { moment -> Moments.Frame in
                guard moment > 0 else { return Moments.Frame(network: Network(layers: [run.initial]), when: "before training") }
                let update = updates[moment - 1]
                var layer = run.initial
                var parameters = [update.newWeights, update.newBias]
                layer.swapParameters(with: &parameters)
                let input = update.input
                return Moments.Frame(
                    network: Network(layers: [layer]),
                    when: "after epoch \(update.step.epoch), sample \(update.step.step)",
                    sample: input.columns >= 2 ? (input[0, 0], input[0, 1]) : nil)
            }
            return Moments(frames: frames, unit: .update, moments: chosen, endPhrase: PlotSupport.trainingPhrase(session))
        case let .gradientDescent(run):
            if let layer = final.layers.first(where: { !($0 is DenseLayer) && !$0.parameters.isEmpty }) {
                let name = (type(of: layer) as? any Registrable.Type)?.name ?? "\(type(of: layer))"
                throw plot.misfit(
                    "with 'frames' rebuilds each epoch's network from the weights training recorded, which do not hold all of a '\(name)' layer; draw it without 'frames'")
            }
            let epochs = run.result.history.epochs.count
            let chosen = try frames.moments(before: epochs, unit: .epoch)
            var frames = [Moments.Frame]()
            for epoch in chosen {
                guard epoch > 0 else {
                    frames.append(Moments.Frame(network: run.initial, when: "before training"))
                    continue
                }
                guard let record = run.result.trace.record(at: TraceStep(epoch: epoch + 1, step: 1)) else {
                    throw plot.misfit("needs the weights after epoch \(epoch), which training did not record")
                }
                var network = final
                for index in network.layers.indices {
                    var parameters = [Matrix]()
                    for symbol in network.layers[index].parameterSymbols {
                        guard let value = record["\(symbol)\(index + 1)"] else {
                            throw plot.misfit("needs \(symbol)\(index + 1) after epoch \(epoch), which training did not record")
                        }
                        parameters.append(value)
                    }
                    network.layers[index].swapParameters(with: &parameters)
                }
                frames.append(Moments.Frame(network: network, when: "after \(PlotSupport.epochs(epoch))"))
            }
            return Moments(frames: frames, unit: .epoch, moments: chosen, endPhrase: PlotSupport.trainingPhrase(session))
        }
    }

    /// The epochs an animation draws, recorded by the train cell above.
    var requestedSteps: [TraceStep] { frames?.epochSteps ?? [] }

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

/// The moments of training an animated `decision-boundary` draws.
private struct Moments {
    /// One frame's network, the phrase for its moment and the sample its update looked at.
    struct Frame {
        var network: Network
        var when: String
        var sample: (Double, Double)? = nil
    }

    var frames: [Frame]
    var unit: PlotFrames.Unit
    var moments: [Int]
    /// `after 5,000 epochs`.
    var endPhrase: String

    /// `from before training to after 5,000 epochs`.
    var span: String {
        "from \(frames.first?.when ?? endPhrase) to \(endPhrase)"
    }

    /// The caption's sentence: what plays, in order; `ringed` when the frames ring each
    /// update's sample (lines drawn in the plane the perceptron learned in).
    func sentence(_ what: String, ringed: Bool) -> String {
        let listed = PlotFrames.list(moments)
        let start = moments.first == 0 ? "before training" : nil
        let after: String
        switch unit {
        case .update:
            after = listed.isEmpty ? "" : "after update\(moments.filter { $0 > 0 }.count == 1 ? "" : "s") \(listed)"
                + (ringed ? " (the ring marks the sample each update looked at)" : "")
        default:
            after = listed.isEmpty ? "" : "after epoch\(moments.filter { $0 > 0 }.count == 1 ? "" : "s") \(listed)"
        }
        let parts = [start, after.isEmpty ? nil : after].compactMap { $0 }.joined(separator: " and ")
        return "The animation shows the \(what) \(parts), then \(endPhrase) again."
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { DecisionBoundaryPlot.registryRecord }
