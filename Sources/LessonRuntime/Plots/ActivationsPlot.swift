import Engine
import Foundation
import LessonFormat
import Plotting

/// `activations`: each function and its derivative, computed by the engine's `Activation`.
struct ActivationsPlot: PlotKind {
    static let name = "activations"
    static let listOrder = 110
    static let keys = ["functions", "range", "columns", "slope", "alpha"]
    static let summary = "The activation functions and their derivatives."

    /// The activations the gallery draws unless `functions` lists others.
    static let galleryFunctions: [Activation] = [.hardLimit, .linear, .sigmoid, .tanh, .relu]
    /// The activations the gallery can draw (softmax acts on a whole row, not on one number).
    static let drawable = Activation.allCases.filter { $0 != .softmax }

    /// Panels per row, if given.
    var columns: Int?
    /// The activations of the gallery.
    var functions: [Activation]
    /// The gallery's interval of z.
    var range: ClosedRange<Double>

    init(_ fields: FieldReader) throws(LessonError) {
        columns = try PlotOptions.columns(fields)
        let slope = try fields.number("slope", default: Activation.defaultSlope, in: 0...1)
        let alpha = try fields.number("alpha", default: Activation.defaultAlpha, in: 0...100)
        functions = try Self.functions(fields).map { activation in
            switch activation {
            case .leakyRelu: activation.with(parameter: slope)
            case .elu: activation.with(parameter: alpha)
            default: activation
            }
        }
        let interval = fields.contains("range") ? try fields.matrix("range") : [[-4, 4]]
        guard interval.count == 1, interval[0].count == 2, interval[0][0] < interval[0][1] else {
            throw LessonError(
                .invalidValue(key: "range", in: "plot cell", message: "should be [low, high] with low < high"),
                at: try fields.required("range").position)
        }
        range = interval[0][0]...interval[0][1]
    }

    /// `functions: [sigmoid, tanh]`; the leaky ReLU's slope is `slope`, the ELU's `α` is `alpha`.
    private static func functions(_ fields: FieldReader) throws(LessonError) -> [Activation] {
        guard let value = fields.value("functions") else { return galleryFunctions }
        let names = drawable.map(\.name)
        var result = [Activation]()
        for item in value.items ?? [value] {
            guard let text = item.text, let activation = Activation(named: text), drawable.contains(activation) else {
                let hint = item.text.flatMap { suggestion(for: $0, among: names) }.map { " (did you mean '\($0)'?)" } ?? ""
                let listed = names.map { "'\($0)'" }.joined(separator: ", ")
                throw LessonError(
                    .invalidValue(key: "functions", in: "plot cell", message: "items must be one of \(listed), not \(item.kindDescription)\(hint)"),
                    at: item.position)
            }
            result.append(activation)
        }
        guard !result.isEmpty else {
            throw LessonError(.invalidValue(key: "functions", in: "plot cell", message: "needs at least one function"), at: value.position)
        }
        return result
    }

    /// How the gallery names an activation.
    private static func displayName(_ activation: Activation) -> String {
        switch activation {
        case .hardLimit: "hard limit"
        case .linear: "linear"
        case .sigmoid: "sigmoid σ"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case let .leakyRelu(slope): "leaky ReLU, α = \(NumberText.format(slope, significantDigits: 4))"
        case let .elu(alpha): "ELU, α = \(NumberText.format(alpha, significantDigits: 4))"
        case .softmax: "softmax"
        }
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let count = functions.count
        let columnCount = columns ?? min(count, 3)
        let rowCount = (count + columnCount - 1) / columnCount
        let figure = plot.makeFigure(width: Double(columnCount) * 300, height: Double(rowCount) * 250 + 30)
        figure.title = plot.title ?? "Activation functions f and their derivatives f′"
        let samples = 401
        let step = (range.upperBound - range.lowerBound) / Double(samples - 1)
        let z = Matrix(row: (0..<samples).map { range.lowerBound + Double($0) * step })
        for (index, activation) in functions.enumerated() {
            let output = activation.apply(z)
            let derivative = activation.derivative(net: z, output: output)
            let axes = figure.addAxes(row: index / columnCount, column: index % columnCount, rows: rowCount, columns: columnCount)
            axes.title = Self.displayName(activation)
            axes.line(x: z.values, y: output.values, label: "f(n)")
            axes.line(x: z.values, y: derivative.values, label: "f′(n)", dash: .dashed)
            let high = max(1.2, min(output.values.max() ?? 1, range.upperBound) + 0.2)
            let low = min(-0.2, max(output.values.min() ?? 0, range.lowerBound) - 0.2)
            axes.yLimits = low...high
            axes.xLabel = "net input n"
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
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { ActivationsPlot.registryRecord }
