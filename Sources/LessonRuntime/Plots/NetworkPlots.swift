import Datasets
import Engine
import LessonFormat
import Plotting

// Inside the network: `hidden-lines`, `hidden-space` and `network`.
extension PlotCell {
    /// The network, which must have a hidden layer.
    private func requireHiddenLayer(_ session: Session) throws(LessonError) -> Network {
        let network = try requireNetwork(session)
        guard network.denseLayers.count >= 2 else {
            throw misfit("shows a hidden layer, but the network \(PlotSupport.shape(of: network)) has none")
        }
        return network
    }

    /// `hidden-lines`: each first-layer unit's line `w·x + b = 0` over the data the units see.
    func hiddenLinesPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let data = try requireData(session)
        let network = try requireHiddenLayer(session)
        let layer = network.denseLayers[0]
        guard layer.inputCount == 2, data.training.featureCount == 2 else {
            throw misfit("draws each hidden unit's line in the plane, but the network's inputs are \(layer.inputCount)-dimensional")
        }
        // The units see the mapped features, so with a feature map the lines live in that plane.
        let inputs = data.training.inputs
        let figure = makeFigure(width: 520, height: 460)
        let axes = figure.addAxes()
        axes.title = title ?? "The hidden units' lines \(PlotSupport.trainingPhrase(session))"
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
            "h\(subscriptNumber(unit + 1)): " + lineEquation(
                weights: [layer.weights[0, unit], layer.weights[1, unit]], bias: layer.bias[0, unit],
                names: data.training.featureNames, session: session)
        }
        let plane = data.featureMap.map { " in the plane of \($0.name), which the units see" } ?? ""
        let caption = "The \(layer.outputCount) hidden units' lines of the \(PlotSupport.shape(of: network)) network \(PlotSupport.trainingPhrase(session))\(plane): " + lines.joined(separator: "; ") + "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "The data of \(data.title) with \(layer.outputCount) dashed lines, one per hidden unit.")
    }

    /// `hidden-space`: the training points as the first hidden layer's activations.
    func hiddenSpacePlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let data = try requireData(session)
        let network = try requireHiddenLayer(session)
        let layer = network.denseLayers[0]
        guard layer.inputCount == data.training.featureCount else {
            throw misfit("needs a network that takes the data's \(data.training.featureCount) features, but the network takes \(layer.inputCount)")
        }
        guard [2, 3].contains(layer.outputCount) else {
            throw misfit("shows 2 or 3 hidden units, but the first hidden layer has \(layer.outputCount)")
        }
        let hidden = layer.activation.apply(layer.net(data.training.inputs)).rowArrays
        let names = PlotSupport.classNames(data)
        // The output unit's decision plane (or line), when the next layer is a single output.
        let next = network.denseLayers[1]
        let boundary: (weights: [Double], bias: Double)? =
            network.denseLayers.count == 2 && next.outputCount == 1 ? (next.weights.values, next.bias[0, 0]) : nil
        let figure = makeFigure(width: 560, height: 480)
        let axes = figure.addAxes()
        axes.title = title ?? "The data in hidden space: \(layer.activation)(x W¹ + b¹)"
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

    /// `network`: a diagram of the current network, edges coloured by sign and sized by weight.
    func networkPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let network = try requireNetwork(session)
        let figure = makeFigure(width: 600, height: 400)
        let axes = figure.addAxes()
        axes.title = title ?? "The \(PlotSupport.shape(of: network)) network \(PlotSupport.trainingPhrase(session))"
        let small = network.sizes.allSatisfy { $0 <= 12 }
        axes.networkDiagram(
            weights: network.denseLayers.map(\.weights.rowArrays),
            biases: small ? network.denseLayers.map(\.bias.values) : nil, showsValues: showsValues)
        let largest = network.denseLayers.map { $0.weights.maxAbsoluteValue() }.max() ?? 0
        let activations = network.denseLayers.map(\.activation.rawValue).joined(separator: ", ")
        let caption = "The \(PlotSupport.shape(of: network)) network (\(activations)) \(PlotSupport.trainingPhrase(session)), \(NumberText.grouped(network.parameterCount)) weights and biases: blue edges are positive weights, vermillion negative, thicker is larger (largest |w| = \(session.format(largest)))."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Diagram of the \(PlotSupport.shape(of: network)) network with its weights as coloured edges.")
    }

    /// `12` → `₁₂`.
    func subscriptNumber(_ number: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(number).map { digits[Int(String($0))!] })
    }
}
