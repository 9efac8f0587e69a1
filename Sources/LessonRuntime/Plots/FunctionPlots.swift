import Engine
import Foundation
import LessonFormat
import Plotting

// Figures of functions that need no data: `activations` and `gradient-descent-path`.
extension PlotCell {
    /// How the gallery names an activation.
    private static func displayName(_ activation: Activation) -> String {
        switch activation {
        case .hardLimit: "hard limit"
        case .linear: "linear"
        case .sigmoid: "sigmoid σ"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case .softmax: "softmax"
        }
    }

    /// `activations`: each function and its derivative, computed by the engine's `Activation`.
    func activationsPlot() -> PlotOutput {
        let count = functions.count
        let columnCount = columns ?? min(count, 3)
        let rowCount = (count + columnCount - 1) / columnCount
        let figure = makeFigure(width: Double(columnCount) * 300, height: Double(rowCount) * 250 + 30)
        figure.title = title ?? "Activation functions f and their derivatives f′"
        let samples = 401
        let step = (range.upperBound - range.lowerBound) / Double(samples - 1)
        let z = Matrix(row: (0..<samples).map { range.lowerBound + Double($0) * step })
        for (index, activation) in functions.enumerated() {
            let output = activation.apply(z)
            let derivative = activation.derivative(net: z, output: output)
            let axes = figure.addAxes(row: index / columnCount, column: index % columnCount, rows: rowCount, columns: columnCount)
            axes.title = Self.displayName(activation)
            axes.line(x: z.values, y: output.values, label: "f(z)")
            axes.line(x: z.values, y: derivative.values, label: "f′(z)", dash: .dashed)
            let high = max(1.2, min(output.values.max() ?? 1, range.upperBound) + 0.2)
            let low = min(-0.2, max(output.values.min() ?? 0, range.lowerBound) - 0.2)
            axes.yLimits = low...high
            axes.xLabel = "z"
            axes.legendPlacement = index == 0 ? .upperLeft : .hidden
        }
        let atZero = Matrix(scalar: 0)
        let slopes = functions.map { activation in
            let slope = activation.derivative(net: atZero, output: activation.apply(atZero)).scalar
            return "\(Self.displayName(activation)) \(NumberText.format(slope, significantDigits: 4))"
        }
        let caption = "Activation functions (solid) and their derivatives (dashed) for z from \(NumberText.format(range.lowerBound, significantDigits: 4)) to \(NumberText.format(range.upperBound, significantDigits: 4)), computed by the engine; slopes f′(0): " + slopes.joined(separator: ", ") + "."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Small plots of \(functions.map(Self.displayName).joined(separator: ", ")) with their derivatives.")
    }

    /// `gradient-descent-path`: the iterates over the contour map of f(x, y) = x² + y².
    func gradientDescentPathPlot() -> PlotOutput {
        let path = walk.iterates().map { ($0.x, $0.y) }
        let finite = path.filter { $0.0.isFinite && $0.1.isFinite && abs($0.0) < 1e6 && abs($0.1) < 1e6 }
        let reach = max(finite.map { max(abs($0.0), abs($0.1)) }.max() ?? 1, 1) * 1.2
        let figure = makeFigure(width: 560, height: 460)
        let axes = figure.addAxes()
        axes.title = title ?? "Gradient descent on f(x, y) = x² + y²  (α = \(NumberText.format(walk.learningRate, significantDigits: 4)))"
        axes.xLabel = "x"
        axes.yLabel = "y"
        let grid = ValueGrid(x: -reach...reach, y: -reach...reach, columns: 250) { x, y in x * x + y * y }
        axes.heatmap(grid, colormap: .viridis, colorbar: "f(x, y)")
        let levels = Self.contourLevels(upTo: reach * reach)
        axes.contour(grid, levels: levels, color: Color.white.withAlpha(0.75), width: 1, labelsLevels: true)
        axes.path(finite, label: "(x₀, y₀), (x₁, y₁), … (\(walk.steps) steps)")
        axes.xLimits = -reach...reach
        axes.yLimits = -reach...reach
        axes.equalAspect = true
        let last = path[path.count - 1]
        let value = last.0 * last.0 + last.1 * last.1
        func number(_ x: Double) -> String { NumberText.format(x, significantDigits: 4) }
        let caption = "Gradient descent on f(x, y) = x² + y² from (\(number(walk.start.x)), \(number(walk.start.y))) with α = \(number(walk.learningRate)): each step moves by −α ∇f = −α (2x, 2y), so every coordinate shrinks by the factor \(number(1 - 2 * walk.learningRate)). After \(walk.steps) steps the point is (\(number(last.0)), \(number(last.1))), where f = \(number(value))."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Contour map of x² + y² with the path of \(walk.steps) gradient-descent steps from (\(number(walk.start.x)), \(number(walk.start.y))).")
    }

    /// Squares of whole numbers (1, 4, 9, …), thinned to at most eight levels below `maximum`.
    private static func contourLevels(upTo maximum: Double) -> [Double] {
        let largest = max(Int(maximum.squareRoot()), 1)
        let step = max(1, Int((Double(largest) / 8).rounded(.up)))
        return stride(from: step, through: largest, by: step).map { Double($0 * $0) }
    }
}
