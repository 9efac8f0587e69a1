import Engine
import Foundation
import LessonFormat
import Plotting

/// `gradient-descent-path`: the iterates over the contour map of f(x, y) = x² + y².
struct GradientDescentPathPlot: PlotKind {
    static let name = "gradient-descent-path"
    static let listOrder = 120
    static let keys = GradientDescentWalk.keys
    static let summary = "Gradient descent on f(x, y) = x² + y² over its contour map."

    /// The walk: its start, step and number of steps.
    var walk: GradientDescentWalk

    init(_ fields: FieldReader) throws(LessonError) {
        walk = try GradientDescentWalk(fields, place: "plot cell")
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let path = walk.iterates().map { ($0.x, $0.y) }
        let finite = path.filter { $0.0.isFinite && $0.1.isFinite && abs($0.0) < 1e6 && abs($0.1) < 1e6 }
        let reach = max(finite.map { max(abs($0.0), abs($0.1)) }.max() ?? 1, 1) * 1.2
        let figure = plot.makeFigure(width: 560, height: 460)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "Gradient descent on f(x, y) = x² + y²  (η = \(NumberText.format(walk.learningRate, significantDigits: 4)))"
        axes.xLabel = "x"
        axes.yLabel = "y"
        let grid = ValueGrid(x: -reach...reach, y: -reach...reach, columns: 250) { x, y in x * x + y * y }
        axes.heatmap(grid, colormap: .viridis, colorbar: "f(x, y)")
        let levels = Self.contourLevels(upTo: reach * reach)
        // White level curves on viridis, which stays the same on a dark page: they stay white.
        axes.contour(
            grid, levels: levels, color: Color.white.withAlpha(0.75), width: 1, labelsLevels: true, keepsColors: true)
        let end = Self.subscriptNumber(finite.count - 1)
        axes.path(
            finite, label: "\(walk.steps) steps of −η ∇f", startLabel: "start (x₀, y₀)", endLabel: "end (x\(end), y\(end))")
        axes.xLimits = -reach...reach
        axes.yLimits = -reach...reach
        axes.equalAspect = true
        let last = path[path.count - 1]
        let value = last.0 * last.0 + last.1 * last.1
        func number(_ x: Double) -> String { NumberText.format(x, significantDigits: 4) }
        let caption = "Gradient descent on f(x, y) = x² + y² from (\(number(walk.start.x)), \(number(walk.start.y))) with η = \(number(walk.learningRate)): each step moves by −η ∇f = −η (2x, 2y), so every coordinate shrinks by the factor \(number(1 - 2 * walk.learningRate)). After \(walk.steps) steps the point is (\(number(last.0)), \(number(last.1))), where f = \(number(value))."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Contour map of x² + y² with the path of \(walk.steps) gradient-descent steps from (\(number(walk.start.x)), \(number(walk.start.y))).")
    }

    /// `12` → `₁₂`.
    private static func subscriptNumber(_ number: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(number).map { digits[Int(String($0))!] })
    }

    /// Squares of whole numbers (1, 4, 9, …), thinned to at most eight levels below `maximum`.
    private static func contourLevels(upTo maximum: Double) -> [Double] {
        let largest = max(Int(maximum.squareRoot()), 1)
        let step = max(1, Int((Double(largest) / 8).rounded(.up)))
        return stride(from: step, through: largest, by: step).map { Double($0 * $0) }
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { GradientDescentPathPlot.registryRecord }
