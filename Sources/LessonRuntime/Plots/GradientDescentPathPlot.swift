import Engine
import Foundation
import LessonFormat
import Plotting

/// `gradient-descent-path`: the iterates of gradient descent over the contour map of a
/// function f(x, y), or several walks on one map (`paths`), one colour each, with a legend.
///
/// ```yaml
/// kind: gradient-descent-path
/// function: x^2 + 10*y^2
/// start: [-4, 1]
/// steps: 40
/// paths:                                  # optional: each entry changes some walk keys
///   - {optimizer: gradient-descent, learning_rate: 0.09}
///   - {optimizer: momentum, learning_rate: 0.02, momentum: 0.9}
/// ```
struct GradientDescentPathPlot: PlotKind {
    static let name = "gradient-descent-path"
    static let listOrder = 120
    static let keys = GradientDescentWalk.keys + ["paths", "frames"]
    static let summary = "Gradient descent on a function f(x, y) over its contour map; several optimizers' paths on one map."
    /// The most paths one map shows (one colour each).
    static let maximumPathCount = 6

    /// The walks, the first the one `{iteration: n}` names below.
    var walks: [GradientDescentWalk]
    /// The steps to animate, if any.
    var frames: PlotFrames?

    init(_ fields: FieldReader) throws(LessonError) {
        let place = "plot cell"
        let function = try WalkFunction(fields, place: place)
        frames = try PlotOptions.frames(fields)
        guard let list = fields.value("paths") else {
            walks = [try GradientDescentWalk(fields, place: place, function: function)]
            return
        }
        guard let items = list.items, !items.isEmpty, items.count <= Self.maximumPathCount else {
            throw LessonError(
                .wrongType(key: "paths", in: place, expected: "a list of 1 to \(Self.maximumPathCount) mappings like {optimizer: momentum, learning_rate: 0.02}", found: list.kindDescription),
                at: list.position)
        }
        var walks = [GradientDescentWalk]()
        let own = GradientDescentWalk.keys.filter { $0 != "function" }
        for item in items {
            guard let entries = item.entries else {
                throw LessonError(
                    .wrongType(key: "paths", in: place, expected: "a list of mappings like {optimizer: momentum, learning_rate: 0.02}", found: "a list holding \(item.kindDescription)"),
                    at: item.position)
            }
            // The path's keys over the cell's: an optimizer named here drops the cell's settings
            // of other optimizers.
            let named = Set(entries.map(\.key))
            var merged = entries
            for key in own where !named.contains(key) {
                guard let value = fields.value(key) else { continue }
                if named.contains("optimizer"), TrainCell.optimizerKeys.contains(key) { continue }
                merged.append(LessonEntry(key: key, keyPosition: value.position, value: value))
            }
            let reader = try FieldReader(
                LessonValue(.mapping(merged), at: item.position), place: "path of the plot cell", at: item.position,
                allowedKeys: own)
            walks.append(try GradientDescentWalk(reader, place: "path of the plot cell", function: function))
        }
        self.walks = walks
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let paths = walks.map { $0.run() }
        session.walk = paths[0]
        let function = walks[0].function
        let shown = paths.map { $0.coordinates.filter { $0.0.isFinite && $0.1.isFinite && abs($0.0) < 1e6 && abs($0.1) < 1e6 } }
        let (xRange, yRange) = Self.region(around: shown.flatMap { $0 })
        let grid = ValueGrid(x: xRange, y: yRange, columns: 200) { x, y in function.value(x, y) }
        let contours = ContourLevels(grid.values.flatMap { $0 })
        func number(_ x: Double) -> String { NumberText.format(x, significantDigits: 4) }
        let single = walks.count == 1 ? walks[0] : nil
        let title = plot.title ?? "Gradient descent on f(x, y) = \(function.function.prettyText)"
            + (single.map { "  (η = \(number($0.learningRate)))" } ?? "")

        /// The map with each path's first `steps + 1` points (all of them when `nil`); an
        /// animation's frame keeps clear of the whole paths, so its labels and legend stand
        /// where the finished figure has them.
        func drawing(steps: Int?) -> Figure {
            let figure = plot.makeFigure(width: 560, height: 460)
            let axes = figure.addAxes()
            axes.title = title
            axes.xLabel = "x"
            axes.yLabel = "y"
            if contours.isGeometric {
                // Over many decades a colour map shows only the highest values: the levels, coloured
                // from low to high and labelled, carry the picture.
                axes.contour(grid, levels: contours.levels, colormap: .viridis, width: 1.2, labelsLevels: true)
            } else {
                axes.heatmap(grid, colormap: .viridis, colorbar: "f(x, y)")
                // White level curves on viridis, which stays the same on a dark page: they stay white.
                axes.contour(
                    grid, levels: contours.levels, color: Color.white.withAlpha(0.75), width: 1, labelsLevels: true,
                    keepsColors: true)
            }
            if let steps {
                for points in shown {
                    func mark(_ points: ArraySlice<(Double, Double)>) -> PathMark {
                        PathMark(points: points.map { (x: $0.0, y: $0.1) }, color: .black)
                    }
                    axes.add(KeptClear(whole: mark(points[...]), drawn: mark(points.prefix(steps + 1))))
                }
            }
            for (index, (walk, all)) in zip(walks, shown).enumerated() {
                let points = steps.map { Array(all.prefix($0 + 1)) } ?? all
                // The last path's start dot is drawn on top of the others': it is the one the legend shows.
                if let single, walks.count == 1 {
                    let end = Self.subscriptNumber(points.count - 1)
                    let count = steps.map { min($0, single.steps) } ?? single.steps
                    axes.path(
                        points, label: "\(count) step\(count == 1 ? "" : "s") of " + (single.optimizer.name == GradientDescent.name ? "−η ∇f" : single.optimizer.type.title),
                        startLabel: "start (x₀, y₀)", endLabel: "end (x\(end), y\(end))")
                } else {
                    axes.path(points, label: walk.label, startLabel: index == walks.count - 1 ? "start" : nil,
                        color: Palette.color(index))
                }
            }
            axes.xLimits = xRange
            axes.yLimits = yRange
            axes.equalAspect = true
            return figure
        }

        let figure = drawing(steps: nil)
        let descriptions = zip(walks, paths).map { walk, path -> String in
            let last = path.points[path.points.count - 1]
            let how = walk.optimizer.name == GradientDescent.name ? "gradient descent" : walk.optimizer.description
            let ending = path.divergedStep.map { "left the finite numbers at step \($0)" }
                ?? "ends at (\(number(last.values[0])), \(number(last.values[1]))), where f = \(number(path.values[path.values.count - 1]))"
            return "\(how) with η = \(number(walk.learningRate)) from (\(number(walk.start.x)), \(number(walk.start.y))) \(ending) after \(path.records.count) steps"
        }
        let gradient = function.gradient.map { $0.tex() }.joined(separator: ",\\; ")
        let caption = "The contours of $f(x, y) = \(function.function.tex())$, whose gradient is $\\nabla f = (\(gradient))$"
            + (contours.isGeometric ? " (levels spaced by factors, since f spans many decades)" : "")
            + ". " + descriptions.joined(separator: "; ").prefix(1).uppercased() + descriptions.joined(separator: "; ").dropFirst() + "."
        var output = PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "Contour map of f(x, y) = \(function.function.prettyText) with the path\(walks.count == 1 ? "" : "s") of " + walks.map(\.label).joined(separator: "; ") + ".")
        guard let frames else { return output }
        let end = shown.map { $0.count - 1 }.max() ?? 0
        let moments = try frames.moments(before: end, unit: .step)
        output.frames = moments.map { drawing(steps: $0) }
        let listed = PlotFrames.list(moments)
        let start = moments.first == 0 ? "at the start" : nil
        let after = listed.isEmpty ? nil : "after step\(moments.filter { $0 > 0 }.count == 1 ? "" : "s") \(listed)"
        output.caption += " The animation shows the path\(walks.count == 1 ? "" : "s") "
            + [start, after].compactMap { $0 }.joined(separator: " and ") + ", then all \(end) steps again."
        output.alternativeText += " Animated: the path\(walks.count == 1 ? "" : "s") drawn step by step."
        return output
    }

    /// The steps an animation draws are the walk's own: none recorded by training.
    var requestedSteps: [TraceStep] { [] }

    /// The rectangle the map shows: the paths' bounding box with a margin of a fifth of its
    /// larger side, each side at least a third of the other so an elongated path keeps its map.
    static func region(around points: [(Double, Double)]) -> (ClosedRange<Double>, ClosedRange<Double>) {
        let xs = points.map(\.0), ys = points.map(\.1)
        var (xLow, xHigh) = (xs.min() ?? -1, xs.max() ?? 1)
        var (yLow, yHigh) = (ys.min() ?? -1, ys.max() ?? 1)
        let side = max(xHigh - xLow, yHigh - yLow, 1e-3)
        func widen(_ low: inout Double, _ high: inout Double) {
            let missing = max(side / 3 - (high - low), 0) / 2
            low -= missing + side / 5
            high += missing + side / 5
        }
        widen(&xLow, &xHigh)
        widen(&yLow, &yHigh)
        return (xLow...xHigh, yLow...yHigh)
    }

    /// `12` → `₁₂`.
    private static func subscriptNumber(_ number: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(number).map { digits[Int(String($0))!] })
    }
}

/// Marks where a path will be without drawing it: an animation's frame, which draws the first
/// steps, keeps its contour labels and legend clear of the whole path, as the finished figure does.
///
/// It occupies the points of the `whole` path that the `drawn` steps do not (those come first
/// in the whole path's list): with the drawn path's own, the frame's labels avoid exactly the
/// points the finished figure's avoid, and find the same spots.
private struct KeptClear: Mark {
    var whole: PathMark
    var drawn: PathMark
    var bounds: DataBounds? { nil }
    func draw(in frame: PlotFrame, renderer: any Renderer) {}
    func occupiedPoints(in frame: PlotFrame) -> [Point] {
        Array(whole.occupiedPoints(in: frame).dropFirst(drawn.occupiedPoints(in: frame).count))
    }
}

/// The levels a contour map of f draws, from the values f takes over the map.
///
/// Where little of the map lies within a hundredth of the range above the minimum (a bowl seen
/// whole: about 2 %), the levels are
/// spaced like squares, `min + (max − min)(k/9)²` for k = 1…8, each rounded to two significant
/// digits, so a quadratic bowl's rings are evenly spaced. Where more than 8 % does (Rosenbrock's
/// banana valley inside walls a thousand times higher), they are spaced by factors: 1, 2, 5,
/// 10, 20, 50, … times a power of ten (above the minimum when f goes below 0), from a
/// thousandth of the range.
struct ContourLevels {
    /// The levels, lowest first.
    var levels: [Double]
    /// Whether they are spaced by factors.
    var isGeometric: Bool

    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let range = high - low
        // The share of the map within a hundredth of the range of the minimum: a few per cent for
        // a bowl, a fifth for a long valley between steep walls.
        let lowShare = Double(finite.filter { $0 - low < range / 100 }.count) / Double(max(finite.count, 1))
        isGeometric = range > 0 && lowShare > 0.08
        guard range > 0 else {
            levels = [low]
            return
        }
        if isGeometric {
            // Round levels (1, 2, 5 times a power of ten) for a function that is 0 or more; above
            // its minimum otherwise.
            let base = low >= 0 ? 0 : low
            var levels = [Double]()
            var decade = pow(10, floor(log10(range / 1000)))
            while base + decade < high, levels.count < 40 {
                for factor in [1.0, 2, 5] where base + factor * decade > low && base + factor * decade < high {
                    levels.append(base + factor * decade)
                }
                decade *= 10
            }
            // At most ten levels: keep every other one until they fit.
            while levels.count > 10 { levels = levels.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) }
            self.levels = levels
        } else {
            levels = (1...8).map { k in
                let level = low + range * Double(k * k) / 81
                let digits = 2 - 1 - Int(floor(log10(abs(level))))
                let scale = pow(10, Double(digits))
                return (level * scale).rounded() / scale
            }
        }
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { GradientDescentPathPlot.registryRecord }
