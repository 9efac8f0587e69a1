import Foundation
import Plotting

extension Samples {
    static func trainingCurves() -> Figure {
        let t = (1...60).map { Double($0) }
        let train = t.map { (e: Double) -> Double in 0.69 * exp(-e / 12) + 0.04 }
        let validation = t.map { (e: Double) -> Double in 0.69 * exp(-e / 13) + 0.07 + 0.0006 * e }
        let trainAccuracy = t.map { (e: Double) -> Double in 1 - 0.5 * exp(-e / 9) }
        let validationAccuracy = t.map { (e: Double) -> Double in 0.97 - 0.47 * exp(-e / 10) }
        let figure = Figure(width: 760, height: 320)
        let panels = figure.addAxesGrid(rows: 1, columns: 2)
        panels[0].title = "Loss"
        panels[0].xLabel = "epoch"
        panels[0].yLabel = "binary cross-entropy"
        panels[0].yScale = .log
        panels[0].line(y: train, label: "training")
        panels[0].line(y: validation, label: "validation", dash: .dashed)
        panels[1].title = "Accuracy"
        panels[1].xLabel = "epoch"
        panels[1].yLabel = "accuracy"
        panels[1].line(y: trainAccuracy, label: "training")
        panels[1].line(y: validationAccuracy, label: "validation", dash: .dashed)
        return figure
    }

    static func learningRates() -> Figure {
        let t = (1...40).map { Double($0) }
        let runs: [(name: String, values: [Double])] = [
            ("η = 0.001", t.map { (e: Double) -> Double in 2.3 * exp(-e / 60) + 0.05 }),
            ("η = 0.01", t.map { (e: Double) -> Double in 2.3 * exp(-e / 9) + 0.06 }),
            ("η = 0.1", t.map { (e: Double) -> Double in 2.3 * exp(-e / 2) + 0.08 + 0.01 * sin(e) }),
            ("η = 1", t.map { (e: Double) -> Double in 1.2 + 0.6 * abs(sin(e * 1.3)) }),
        ]
        let figure = Figure(width: 560, height: 360)
        let axes = figure.addAxes()
        axes.title = "Training loss for four learning rates"
        axes.xLabel = "epoch"
        axes.yLabel = "cross-entropy"
        axes.yScale = .log
        axes.curves(runs)
        axes.legendPlacement = .outsideRight
        return figure
    }

    static func perceptronErrors() -> Figure {
        let figure = Figure(width: 480, height: 300)
        let axes = figure.addAxes()
        axes.title = "Perceptron rule: misclassified points per epoch"
        axes.xLabel = "epoch"
        axes.yLabel = "errors"
        axes.line(y: [2, 3, 3, 1, 0, 0, 0, 0, 0, 0], label: "AND", marker: .circle)
        axes.line(y: [1, 2, 1, 0, 0, 0, 0, 0, 0, 0], label: "OR", marker: .square)
        axes.line(y: [2, 3, 4, 4, 4, 4, 4, 4, 4, 4], label: "XOR", marker: .triangleUp)
        axes.yTicks = .fixed((0...4).map { Tick(Double($0), String($0)) })

        return figure
    }

    static func activationGallery() -> Figure {
        typealias Activation = (name: String, f: (Double) -> Double, derivative: (Double) -> Double)
        let sigmoid = SampleData.sigmoid
        let activations: [Activation] = [
            ("hard limit", { $0 >= 0 ? 1 : 0 }, { _ in 0 }),
            ("linear", { $0 }, { _ in 1 }),
            ("sigmoid σ", sigmoid, { sigmoid($0) * (1 - sigmoid($0)) }),
            ("tanh", { tanh($0) }, { 1 - tanh($0) * tanh($0) }),
            ("ReLU", { max(0, $0) }, { $0 > 0 ? 1 : 0 }),
        ]
        let figure = Figure(width: 900, height: 520)
        figure.title = "Activation functions and their derivatives"
        for (index, activation) in activations.enumerated() {
            let axes = figure.addAxes(row: index / 3, column: index % 3, rows: 2, columns: 3)
            axes.title = activation.name
            axes.function(activation.f, over: -4...4, label: "f(z)")
            axes.function(activation.derivative, over: -4...4, label: "f′(z)", dash: .dashed)
            axes.yLimits = -1.5...1.5
            axes.xLabel = "z"
            axes.legendPlacement = index == 0 ? .upperLeft : .hidden
        }
        return figure
    }

    /// Seed 001: gradient descent on f(x, y) = x² + y² from (−4, 3) with α = 0.1.
    static func gradientDescent() -> Figure {
        var position = (-4.0, 3.0)
        var path = [position]
        while position.0 * position.0 + position.1 * position.1 > 0.01 {
            position = (position.0 - 0.1 * 2 * position.0, position.1 - 0.1 * 2 * position.1)
            path.append(position)
        }
        let figure = Figure(width: 560, height: 460)
        let axes = figure.addAxes()
        axes.title = "Gradient descent on f(x, y) = x² + y²  (α = 0.1)"
        axes.xLabel = "x"
        axes.yLabel = "y"
        let grid = ValueGrid(x: -5...5, y: -4...4, columns: 250) { x, y in x * x + y * y }
        axes.heatmap(grid, colormap: .viridis, colorbar: "f(x, y)")
        axes.contour(
            grid, levels: [1, 4, 9, 16, 25, 36], color: Color.white.withAlpha(0.75), width: 1, labelsLevels: true)
        axes.path(path, label: "x₀, x₁, … (\(path.count - 1) steps)")
        axes.equalAspect = true
        return figure
    }
}
