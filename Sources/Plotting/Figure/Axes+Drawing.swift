extension Axes {
    /// The largest part of the plot area an automatic legend may cover inside the plot.
    static let largestInsideLegendShare = 0.15

    /// Lays the axes out in `cell` and draws everything: background, grid, marks (clipped to
    /// the plot area), frame, ticks, labels, title, legend and colorbar.
    func draw(in cell: Rect, renderer: any Renderer) {
        var placement = legendPlacement
        var layout = layout(in: cell, renderer: renderer, legendPlacement: placement)
        var frame = makeFrame(layout)
        if placement == .automatic, let size = layout.legendSize {
            // Inside if some spot covers no data and the legend leaves most of the plot to the
            // data; otherwise lay out again with the legend outside.
            let legend = Legend(entries: marks.flatMap(\.legendEntries))
            let occupied = marks.flatMap { $0.occupiedPoints(in: frame) }
            let origin = legend.origin(for: .best, plot: layout.plot, size: size, occupied: occupied)
            let share = size.width * size.height / max(layout.plot.width * layout.plot.height, 1)
            if legend.covered(at: origin, size: size, occupied: occupied) > 0 || share > Self.largestInsideLegendShare {
                placement = .outsideRight
                layout = self.layout(in: cell, renderer: renderer, legendPlacement: placement)
                frame = makeFrame(layout)
            }
        }
        self.frame = frame
        spareHeight = layout.spareHeight
        let plot = layout.plot

        if let background { renderer.fill(.rect(plot), color: background) }
        if showsGrid { drawGrid(layout, frame: frame, renderer: renderer) }
        renderer.withClip(plot) {
            for (index, mark) in marks.enumerated() {
                if let aware = mark as? any ObstacleAwareMark, aware.needsObstacles {
                    // Labels keep clear of every other mark.
                    let obstacles = marks.indices.filter { $0 != index }.flatMap { marks[$0].occupiedPoints(in: frame) }
                    aware.draw(in: frame, renderer: renderer, avoiding: obstacles)
                } else {
                    mark.draw(in: frame, renderer: renderer)
                }
            }
        }
        if showsFrame { renderer.stroke(.rect(plot), style: frameStyle) }
        drawTicks(layout, frame: frame, renderer: renderer)
        drawLabels(layout, renderer: renderer)
        if let size = layout.legendSize {
            let legend = Legend(entries: marks.flatMap(\.legendEntries))
            let occupied = marks.flatMap { $0.occupiedPoints(in: frame) }
            var origin = legend.origin(for: placement, plot: plot, size: size, occupied: occupied)
            if layout.legendBelow {
                // Under the x axis' labels, centred on the plot but inside the cell; one wider than
                // the cell starts at its left edge and runs on to the right, rather than off the figure.
                let x = max(
                    min(plot.center.x - size.width / 2, layout.cell.maxX - Self.outerPad - size.width),
                    layout.cell.minX + Self.outerPad)
                origin = Point(x: x, y: plot.maxY + xAxisDepth(layout, renderer: renderer) + Self.legendBelowGap)
            } else if placement == .outsideRight, let colorbar {
                // An outside legend goes beyond the colorbar.
                origin.x += colorbar.width(plotHeight: plot.height, renderer: renderer)
            }
            legend.draw(at: origin, size: size, renderer: renderer)
        }
        colorbar?.draw(beside: plot, renderer: renderer)
    }

    private func makeFrame(_ layout: AxesLayout) -> PlotFrame {
        let plot = layout.plot
        return PlotFrame(
            rect: plot,
            xScale: Scale(
                kind: xScale, lower: layout.xLimits.lowerBound, upper: layout.xLimits.upperBound,
                start: plot.minX, end: plot.maxX),
            yScale: Scale(
                kind: yScale, lower: layout.yLimits.lowerBound, upper: layout.yLimits.upperBound,
                start: yInverted ? plot.minY : plot.maxY, end: yInverted ? plot.maxY : plot.minY))
    }

    private func drawGrid(_ layout: AxesLayout, frame: PlotFrame, renderer: any Renderer) {
        var path = Path()
        let plot = layout.plot
        for tick in layout.xTicks {
            let x = frame.xScale.map(tick.value)
            path.addPolyline([Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)])
        }
        for tick in layout.yTicks {
            let y = frame.yScale.map(tick.value)
            path.addPolyline([Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)])
        }
        renderer.stroke(path, style: Theme.gridLine)
    }

    private func drawTicks(_ layout: AxesLayout, frame: PlotFrame, renderer: any Renderer) {
        let plot = layout.plot
        var marksPath = Path()
        for tick in layout.xTicks {
            let x = frame.xScale.map(tick.value)
            marksPath.addPolyline([Point(x: x, y: plot.maxY), Point(x: x, y: plot.maxY + Theme.tickLength)])
            renderer.drawText(
                tick.label, at: Point(x: x, y: plot.maxY + Theme.tickLength + Theme.tickPad),
                style: Theme.tickLabel, anchor: TextAnchor(.center, .top))
        }
        for tick in layout.yTicks {
            let y = frame.yScale.map(tick.value)
            marksPath.addPolyline([Point(x: plot.minX, y: y), Point(x: plot.minX - Theme.tickLength, y: y)])
            renderer.drawText(
                tick.label, at: Point(x: plot.minX - Theme.tickLength - Theme.tickPad, y: y),
                style: Theme.tickLabel, anchor: TextAnchor(.right, .center))
        }
        if showsFrame { renderer.stroke(marksPath, style: Theme.tick) }
    }

    private func drawLabels(_ layout: AxesLayout, renderer: any Renderer) {
        let plot = layout.plot
        let tickExtents = renderer.measure("0", style: Theme.tickLabel)
        if let xLabel {
            var y = plot.maxY + Theme.labelPad
            if !layout.xTicks.isEmpty {
                y += Theme.tickLength + Theme.tickPad + tickExtents.capHeight + tickExtents.descent
            }
            renderer.drawText(
                xLabel, at: Point(x: plot.center.x, y: y), style: Theme.axisLabel, anchor: TextAnchor(.center, .top))
        }
        if let yLabel {
            let widest = layout.yTicks.map { renderer.measure($0.label, style: Theme.tickLabel).width }.max()
            var x = plot.minX - Theme.labelPad
            if let widest { x -= Theme.tickLength + Theme.tickPad + widest }
            renderer.drawText(
                yLabel, at: Point(x: x, y: plot.center.y), style: Theme.axisLabel, anchor: TextAnchor(.center, .bottom),
                angle: -Double.pi / 2)
        }
        if !layout.titleLines.isEmpty {
            let extents = renderer.measure("Xg", style: titleStyle)
            let lineStep = extents.capHeight + extents.descent + TextLines.gap
            let lines = layout.titleLines
            // Centred on the plot, but moved to stay inside the cell if it is wider than that allows.
            let widest = lines.map { renderer.measure($0, style: titleStyle).width }.max() ?? 0
            let cell = layout.cell
            var x = plot.center.x
            if x - widest / 2 < cell.minX + Self.outerPad { x = cell.minX + Self.outerPad + widest / 2 }
            if x + widest / 2 > cell.maxX - Self.outerPad { x = max(cell.maxX - Self.outerPad - widest / 2, cell.center.x) }
            for (index, line) in lines.enumerated() {
                renderer.drawText(
                    line, at: Point(x: x, y: plot.minY - Theme.titlePad - Double(lines.count - 1 - index) * lineStep),
                    style: titleStyle, anchor: TextAnchor(.center, .bottom))
            }
        }
    }

    /// How far below the plot the x axis' tick labels and label reach.
    func xAxisDepth(_ layout: AxesLayout, renderer: any Renderer) -> Double {
        let tickExtents = renderer.measure("0", style: Theme.tickLabel)
        let labelExtents = renderer.measure("Xg", style: Theme.axisLabel)
        var depth = 0.0
        if !layout.xTicks.isEmpty { depth += Theme.tickLength + Theme.tickPad + tickExtents.capHeight + tickExtents.descent }
        if xLabel != nil { depth += Theme.labelPad + labelExtents.capHeight + labelExtents.descent }
        return depth
    }
}
