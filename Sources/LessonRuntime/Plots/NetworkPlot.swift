import Engine
import LessonFormat
import Plotting

/// `network`: a diagram of the current network, edges coloured by sign and sized by weight.
struct NetworkPlot: PlotKind {
    static let name = "network"
    static let listOrder = 100
    static let keys = ["values"]
    static let summary = "A diagram of the network with its weights."

    /// Whether weights are written on the edges (`values`; `nil`: when there are few).
    var showsValues: Bool?

    init(_ fields: FieldReader) throws(LessonError) {
        showsValues = fields.contains("values") ? try fields.boolean("values", default: false) : nil
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let network = try plot.requireNetwork(session)
        let figure = plot.makeFigure(width: 600, height: 400)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "The \(PlotSupport.shape(of: network)) network \(PlotSupport.trainingPhrase(session))"
        let small = network.sizes.allSatisfy { $0 <= 12 }
        axes.networkDiagram(
            weights: network.denseLayers.map(\.weights.rowArrays),
            biases: small ? network.denseLayers.map(\.bias.values) : nil, showsValues: showsValues)
        let largest = network.denseLayers.map { $0.weights.maxAbsoluteValue() }.max() ?? 0
        let activations = network.denseLayers.map(\.activation.description).joined(separator: ", ")
        let caption = "The \(PlotSupport.shape(of: network)) network (\(activations)) \(PlotSupport.trainingPhrase(session)), \(NumberText.grouped(network.parameterCount)) weights and biases: blue edges are positive weights, vermillion negative, thicker is larger on the same scale in every diagram (largest |w| = \(session.format(largest)))."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Diagram of the \(PlotSupport.shape(of: network)) network with its weights as coloured edges.")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { NetworkPlot.registryRecord }
