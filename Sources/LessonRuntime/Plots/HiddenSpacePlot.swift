import Engine
import LessonFormat
import Plotting

/// `hidden-space`: the training points as the first hidden layer's activations.
struct HiddenSpacePlot: PlotKind {
    static let name = "hidden-space"
    static let listOrder = 90
    static let summary = "The training points in the first hidden layer's activations."

    init(_ fields: FieldReader) throws(LessonError) {}

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireClassData(session)
        let network = try plot.requireHiddenLayer(session)
        let layer = network.denseLayers[0]
        guard layer.inputCount == data.training.featureCount else {
            throw plot.misfit("needs a network that takes the data's \(data.training.featureCount) features, but the network takes \(layer.inputCount)")
        }
        guard [2, 3].contains(layer.outputCount) else {
            throw plot.misfit("shows 2 or 3 hidden units, but the first hidden layer has \(layer.outputCount)")
        }
        let hidden = layer.activation.apply(layer.net(data.training.inputs)).rowArrays
        let names = PlotSupport.classNames(data)
        // The output unit's decision plane (or line), when the next layer is a single output.
        let next = network.denseLayers[1]
        let boundary: (weights: [Double], bias: Double)? =
            network.denseLayers.count == 2 && next.outputCount == 1 ? (next.weights.values, next.bias[0, 0]) : nil
        let figure = plot.makeFigure(width: 560, height: 480)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "The data in hidden space: \(layer.activation)(x W¹ + b¹)"
        if layer.outputCount == 3 {
            axes.projection3D(points: hidden, classes: data.training.labels, classNames: names, plane: boundary)
            axes.legendPlacement = .upperRight
        } else {
            axes.scatter(rows: hidden, classes: data.training.labels, classNames: names, size: data.training.count <= 20 ? 11 : 6)
            if let boundary { axes.decisionLine(weights: boundary.weights, bias: boundary.bias, label: "output unit's line") }
            axes.xLabel = "h₁"
            axes.yLabel = "h₂"
            axes.equalAspect = true
            // Squashing activations fill a known square; show all of it so the corners read.
            switch layer.activation {
            case .sigmoid, .hardLimit: (axes.xLimits, axes.yLimits) = (-0.1...1.1, -0.1...1.1)
            case .tanh: (axes.xLimits, axes.yLimits) = (-1.1...1.1, -1.1...1.1)
            default: (axes.xLimits, axes.yLimits) = PlotSupport.limits(around: [Matrix(hidden)])
            }
        }
        let separated = PlotSupport.accuracy(of: network, on: data.training, data: data)
        var caption = "The \(NumberText.grouped(data.training.count)) training points of \(data.title) in the space of the \(layer.outputCount) hidden activations (\(layer.activation)) \(PlotSupport.trainingPhrase(session))"
        if let boundary {
            let shape = layer.outputCount == 3 ? "plane" : "line"
            caption += ", with the output unit's \(shape) \(PlotSupport.vector(boundary.weights, session: session))·h \(boundary.bias < 0 ? "−" : "+") \(session.format(abs(boundary.bias))) = 0; it classifies \(NumberText.percent(separated)) of them correctly"
        }
        return PlotOutput(
            figure: figure, caption: caption + ".",
            alternativeText: "The training points plotted by their \(layer.outputCount) hidden activations, coloured by class.")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { HiddenSpacePlot.registryRecord }
