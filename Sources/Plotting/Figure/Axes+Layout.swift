/// Where an axes' parts go inside its cell of the figure.
struct AxesLayout {
    var plot: Rect
    var xLimits: ClosedRange<Double>
    var yLimits: ClosedRange<Double>
    var xTicks: [Tick]
    var yTicks: [Tick]
    var legendSize: Size?
    /// The cell the axes were laid out in.
    var cell: Rect
    /// The title, broken into lines that fit the cell.
    var titleLines: [String]
    /// Whether an outside legend goes under the plot, for want of room beside it.
    var legendBelow = false
    /// The height the plot leaves unused in its cell, for equal aspect with a short x range.
    var spareHeight = 0.0
}

extension Axes {
    static let outerPad = 6.0
    /// An outside legend goes beside the plot only if the plot keeps at least this fraction
    /// of the cell's width; otherwise it goes under the plot.
    static let narrowestPlotFraction = 0.4
    /// The gap between the x axis' label (or tick labels) and a legend under the plot.
    static let legendBelowGap = 10.0

    /// Places the plot area inside `cell`, leaving room for tick labels, axis labels, the
    /// title, a colorbar and an outside legend.
    func layout(in cell: Rect, renderer: any Renderer, legendPlacement: LegendPlacement) -> AxesLayout {
        let (xl, yl) = resolvedLimits()
        let tickExtents = renderer.measure("0", style: Theme.tickLabel)
        let tickLabelHeight = tickExtents.capHeight + tickExtents.descent
        let labelExtents = renderer.measure("Xg", style: Theme.axisLabel)
        let axisLabelHeight = labelExtents.capHeight + labelExtents.descent

        var top = Self.outerPad + tickExtents.capHeight / 2
        var titleLines: [String] = []
        if let title {
            // A title wider than the cell is broken into lines.
            titleLines = TextLines.wrap(title, width: cell.width - 2 * Self.outerPad, style: titleStyle, renderer: renderer)
            let extents = renderer.measure("Xg", style: titleStyle)
            top = Self.outerPad + extents.capHeight + extents.descent + Theme.titlePad
                + Double(titleLines.count - 1) * (extents.capHeight + extents.descent + TextLines.gap)
        }
        var bottom = Self.outerPad
        if case .hidden = xTicks {} else { bottom += Theme.tickLength + Theme.tickPad + tickLabelHeight }
        if xLabel != nil { bottom += Theme.labelPad + axisLabelHeight }

        let estimatedHeight = max(cell.height - top - bottom, 10)
        let estimatedYTicks = ticks(yTicks, limits: yl, kind: yScale, length: estimatedHeight, spacing: 60)
        var left = Self.outerPad
        if case .hidden = yTicks {
        } else {
            let widest = estimatedYTicks.map { renderer.measure($0.label, style: Theme.tickLabel).width }.max() ?? 0
            left += Theme.tickLength + Theme.tickPad + widest
        }
        if yLabel != nil { left += Theme.labelPad + axisLabelHeight }

        let estimatedXTicks = ticks(
            xTicks, limits: xl, kind: xScale, length: max(cell.width - left - 20, 10), spacing: 65,
            integers: xTicksAreIntegers)
        let overflow = estimatedXTicks.last.map { renderer.measure($0.label, style: Theme.tickLabel).width / 2 } ?? 0
        var right = Self.outerPad
        if case .hidden = xTicks {} else { right += max(overflow, 6) }
        if let colorbar {
            right = Self.outerPad + colorbar.width(plotHeight: estimatedHeight, renderer: renderer)
        }
        let entries = marks.flatMap(\.legendEntries)
        var legendSize: Size?
        var legendBelow = false
        if !entries.isEmpty, legendPlacement != .hidden {
            let size = Legend(entries: entries).size(renderer: renderer)
            legendSize = size
            if legendPlacement == .below {
                legendBelow = true
            } else if legendPlacement == .outsideRight {
                // Beside the plot if that leaves the data more room than under it (a wide cell),
                // and the plot keeps a fair part of the cell's width; else under it.
                let width = cell.width - left - right
                let height = cell.height - top - bottom
                let beside = plotRoom(width: width - size.width - 12, height: height, x: xl, y: yl)
                let below = plotRoom(width: width, height: height - Self.legendBelowGap - size.height, x: xl, y: yl)
                if beside >= below, width - size.width - 12 >= Self.narrowestPlotFraction * cell.width {
                    right += size.width + 12
                } else {
                    legendBelow = true
                }
            }
            if legendBelow { bottom += Self.legendBelowGap + size.height }
        }

        var plot = cell.inset(left: left, top: top, right: right, bottom: bottom)
        // Whole points put 1-point spines exactly on pixel rows at the 2× scale.
        plot = Rect(
            x: plot.x.rounded(), y: plot.y.rounded(), width: plot.width.rounded(.down),
            height: plot.height.rounded(.down))
        let available = plot
        if equalAspect { plot = equalAspectRect(plot, x: xl, y: yl) }

        return AxesLayout(
            plot: plot, xLimits: xl, yLimits: yl,
            xTicks: ticks(
                xTicks, limits: xl, kind: xScale, length: plot.width, spacing: 65, integers: xTicksAreIntegers),
            yTicks: ticks(yTicks, limits: yl, kind: yScale, length: plot.height, spacing: 60),
            legendSize: legendSize, cell: cell, titleLines: titleLines, legendBelow: legendBelow,
            spareHeight: available.height - plot.height)
    }

    /// How much room a plot area of `width × height` gives the data: the length of one data
    /// unit for equal-aspect axes, the area otherwise.
    private func plotRoom(width: Double, height: Double, x: ClosedRange<Double>, y: ClosedRange<Double>) -> Double {
        guard width > 0, height > 0 else { return 0 }
        guard equalAspect else { return width * height }
        let xSpan = max(x.upperBound - x.lowerBound, 1e-12)
        let ySpan = max(y.upperBound - y.lowerBound, 1e-12)
        return min(width / xSpan, height / ySpan)
    }

    /// Ticks for one axis; automatic ticks aim for one every `spacing` points.
    func ticks(
        _ placement: TickPlacement, limits: ClosedRange<Double>, kind: ScaleKind, length: Double, spacing: Double,
        integers: Bool = false
    ) -> [Tick] {
        let low = limits.lowerBound
        let high = limits.upperBound
        let slack = (high - low) * 1e-9
        switch placement {
        case .hidden:
            return []
        case .fixed(let ticks):
            return ticks.filter { $0.value >= low - slack && $0.value <= high + slack }
        case .automatic:
            if kind == .log { return TickLocator.log(lower: low, upper: high) }
            return TickLocator.linear(
                lower: low, upper: high, target: max(3, min(9, Int(length / spacing))), integers: integers)
        }
    }

    /// The largest rectangle inside `plot`, centred, in which one data unit is as long on x
    /// as on y.
    private func equalAspectRect(_ plot: Rect, x: ClosedRange<Double>, y: ClosedRange<Double>) -> Rect {
        let xSpan = x.upperBound - x.lowerBound
        let ySpan = y.upperBound - y.lowerBound
        guard xSpan > 0, ySpan > 0 else { return plot }
        let unit = min(plot.width / xSpan, plot.height / ySpan)
        let width = (xSpan * unit).rounded()
        let height = (ySpan * unit).rounded()
        return Rect(
            x: (plot.x + (plot.width - width) / 2).rounded(), y: (plot.y + (plot.height - height) / 2).rounded(),
            width: width, height: height)
    }
}
