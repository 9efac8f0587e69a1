extension Axes {
    /// Draws a grid of values as coloured cells.
    ///
    /// - Parameters:
    ///   - grid: The values and the rectangle they cover.
    ///   - colormap: The colour map (viridis by default).
    ///   - range: The values at the two ends of the map (default: the grid's extremes).
    ///   - opacity: The opacity over the background.
    ///   - colorbar: If given, a colour scale with this label is shown beside the plot.
    public func heatmap(
        _ grid: ValueGrid, colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil, opacity: Double = 1,
        colorbar: String? = nil
    ) {
        let mark = HeatmapMark(grid: grid, colormap: colormap, range: range, opacity: opacity)
        add(mark)
        lastGrid = grid
        if let colorbar { showColorbar(colormap, range: mark.range, label: colorbar.isEmpty ? nil : colorbar) }
    }

    /// Draws a 2-D array (bottom row first) covering `x × y` as coloured cells.
    public func heatmap(
        values: [[Double]], x: ClosedRange<Double>, y: ClosedRange<Double>, colormap: Colormap = .viridis,
        range: ClosedRange<Double>? = nil, opacity: Double = 1, colorbar: String? = nil
    ) {
        heatmap(
            ValueGrid(values: values, x: x, y: y), colormap: colormap, range: range, opacity: opacity,
            colorbar: colorbar)
    }

    /// Samples `function(x, y)` on a `resolution × resolution` grid over `x × y` and draws it as
    /// coloured cells.
    public func heatmap(
        x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 200, colormap: Colormap = .viridis,
        range: ClosedRange<Double>? = nil, opacity: Double = 1, colorbar: String? = nil,
        function: (Double, Double) -> Double
    ) {
        heatmap(
            ValueGrid(x: x, y: y, columns: resolution, function: function), colormap: colormap, range: range,
            opacity: opacity, colorbar: colorbar)
    }

    /// Traces the line where the most recent heatmap's values equal `level` (the decision
    /// boundary at 0.5).
    public func contour(
        level: Double, color: Color = Palette.ink, width: Double = 2, dash: LineDash = .solid, label: String? = nil
    ) {
        guard let grid = lastGrid else {
            preconditionFailure("contour(level:): add a heatmap first, or pass a grid to contour(_:levels:)")
        }
        contour(grid, levels: [level], color: color, width: width, dash: dash, label: label)
    }

    /// Traces the lines where `grid`'s values equal each of `levels`.
    ///
    /// - Parameters:
    ///   - grid: The sampled function.
    ///   - levels: The levels to trace.
    ///   - colormap: Colours the levels from low to high; otherwise all use `color`.
    ///   - color: The colour without a colour map.
    ///   - width: The line width in points.
    ///   - dash: The dash pattern.
    ///   - labelsLevels: Whether each level's value is written on its line (where it covers no
    ///     other mark).
    ///   - keepsColors: Whether the lines keep their colours in the dark appearance (lines over a
    ///     colour map that stays the same, like viridis).
    ///   - label: The legend label.
    public func contour(
        _ grid: ValueGrid, levels: [Double], colormap: Colormap? = nil, color: Color = Palette.ink, width: Double = 2,
        dash: LineDash = .solid, labelsLevels: Bool = false, keepsColors: Bool = false, label: String? = nil
    ) {
        let style = StrokeStyle(color: color, width: width, dash: dash.pattern(width: width), cap: .round, join: .round)
        add(
            ContourMark(
                grid: grid, levels: levels, style: style, colormap: colormap, showsLevelLabels: labelsLevels,
                keepsColors: keepsColors, label: label))
        lastGrid = grid
    }

    /// Draws where a classifier decides each class: each cell of `classes` (a class index per
    /// cell) in the class's flat pale tint, the borders between classes as lines, and a legend
    /// patch per class.
    ///
    /// Use it for hard decisions (a hard-limit output, the arg-max of several outputs); for a
    /// graded output use ``decisionRegions(x:y:resolution:level:colorbarLabel:probability:)``.
    ///
    /// - Parameters:
    ///   - classes: The class index at the centre of each cell.
    ///   - labels: The legend label of each class's region.
    ///   - boundaryLabel: The legend label of the borders, if any.
    ///   - score: For two classes, a grid of the score the decision thresholds (a hard limit's
    ///     net input), whose `level` crossing is traced as the border: smooth, where the border
    ///     of the class cells is a staircase.
    ///   - level: The score at which the class changes.
    public func classRegions(
        _ classes: ValueGrid, labels: [String], boundaryLabel: String? = nil, score: ValueGrid? = nil,
        level: Double = 0
    ) {
        let mark = ClassRegionsMark(grid: classes, labels: labels)
        add(mark)
        let k = labels.count
        if k == 2, let score {
            contour(score, levels: [level], width: 2, label: boundaryLabel)
            return
        }
        // Two classes share one border; with more, each class's region is outlined.
        for label in 0..<(k == 2 ? 1 : k) {
            let indicator = classes.values.map { $0.map { mark.classIndex($0) == label ? 1.0 : 0.0 } }
            contour(
                ValueGrid(values: indicator, x: classes.x, y: classes.y), levels: [0.5], width: k == 2 ? 2 : 1.2,
                label: label == 0 ? boundaryLabel : nil)
        }
    }

    /// Draws a classifier's decision regions: its probability of class 1 as a pale
    /// blue–white–red heatmap over `x × y`, the 0.5 contour as the boundary, and a colour scale
    /// labelled `colorbarLabel` (say what the value is: `output a²` when it is not quite a
    /// probability).
    ///
    /// Add the data points afterwards with ``scatter(points:classes:classNames:labels:color:marker:size:label:)``
    /// so they sit on top.
    public func decisionRegions(
        x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 200, level: Double = 0.5,
        colorbarLabel: String = "P(class 1)", probability: (Double, Double) -> Double
    ) {
        let grid = ValueGrid(x: x, y: y, columns: resolution, function: probability)
        heatmap(grid, colormap: .decisionRegions, range: 0...1, colorbar: colorbarLabel)
        contour(level: level, label: "P = \(TickLocator.format(level, step: 0.1))")
        equalAspect = true
    }
}
