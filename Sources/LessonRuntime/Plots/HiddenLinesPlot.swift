import Engine
import LessonFormat
import Plotting

/// `hidden-lines`: each first-layer unit's line `w·x + b = 0` over the data the units see.
struct HiddenLinesPlot: PlotKind {
    static let name = "hidden-lines"
    static let listOrder = 80
    static let summary = "Each first-layer hidden unit's line over the data."

    init(_ fields: FieldReader) throws(LessonError) {}

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireClassData(session)
        let network = try plot.requireHiddenLayer(session)
        let layer = network.denseLayers[0]
        guard layer.inputCount == 2, data.training.featureCount == 2 else {
            throw plot.misfit("draws each hidden unit's line in the plane, but the network's inputs are \(layer.inputCount)-dimensional")
        }
        // The units see the mapped features, so with a feature map the lines live in that plane.
        let inputs = data.training.inputs
        let figure = plot.makeFigure(width: 520, height: 460)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "The hidden units' lines \(PlotSupport.trainingPhrase(session))"
        axes.scatter(
            points: PlotSupport.points(inputs), classes: data.training.labels, classNames: PlotSupport.classNames(data),
            size: data.training.count <= 20 ? 11 : data.training.count <= 300 ? 6 : 4)
        axes.hiddenUnitLines(weights: layer.weights.rowArrays, biases: layer.bias.values)
        let limits = PlotSupport.limits(around: [inputs])
        axes.xLimits = limits.x
        axes.yLimits = limits.y
        axes.equalAspect = true
        axes.xLabel = PlotSupport.axisLabel(data.training.featureNames[0])
        axes.yLabel = PlotSupport.axisLabel(data.training.featureNames[1])
        if layer.outputCount > 2 { axes.legendPlacement = .outsideRight }
        let lines = (0..<layer.outputCount).map { unit in
            "h\(Self.subscriptNumber(unit + 1)): " + PlotSupport.lineEquation(
                weights: [layer.weights[0, unit], layer.weights[1, unit]], bias: layer.bias[0, unit],
                names: data.training.featureNames, session: session)
        }
        let plane = data.featureMap.map { " in the plane of \($0.name), which the units see" } ?? ""
        let caption = "The \(layer.outputCount) hidden units' lines of the \(PlotSupport.shape(of: network)) network \(PlotSupport.trainingPhrase(session))\(plane): " + lines.joined(separator: "; ") + "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "The data of \(data.title) with \(layer.outputCount) dashed lines, one per hidden unit.")
    }

    /// `12` → `₁₂`.
    static func subscriptNumber(_ number: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(number).map { digits[Int(String($0))!] })
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { HiddenLinesPlot.registryRecord }
