/// A colour scale beside an axes: the colormap as a bar, with ticks and a label.
struct Colorbar {
    let colormap: Colormap
    let range: ClosedRange<Double>
    let label: String?

    static let gap = 12.0
    static let barWidth = 14.0

    func ticks(length: Double) -> [Tick] {
        TickLocator.linear(lower: range.lowerBound, upper: range.upperBound, target: max(3, Int(length / 55)))
    }

    /// The width the bar, its tick labels and its label take to the right of the plot.
    func width(plotHeight: Double, renderer: any Renderer) -> Double {
        let labelWidth =
            ticks(length: plotHeight).map { renderer.measure($0.label, style: Theme.tickLabel).width }.max() ?? 0
        var width = Self.gap + Self.barWidth + Theme.tickLength + Theme.tickPad + labelWidth
        if label != nil { width += Theme.labelPad + Theme.axisLabel.size * 1.2 }
        return width
    }

    func draw(beside plot: Rect, renderer: any Renderer) {
        let bar = Rect(x: plot.maxX + Self.gap, y: plot.minY, width: Self.barWidth, height: plot.height)
        let colormap = renderer.appearance.colormap(colormap)
        var image = RasterImage(width: 1, height: Colormap.tableSize)
        for index in 0..<Colormap.tableSize {
            image.setColor(colormap.table[index], column: 0, row: Colormap.tableSize - 1 - index)
        }
        renderer.drawImage(image, in: bar, smooth: false, opacity: 1)
        renderer.stroke(.rect(bar), style: StrokeStyle(color: Palette.ink, width: 0.8))
        let scale = Scale(
            kind: .linear, lower: range.lowerBound, upper: range.upperBound, start: bar.maxY, end: bar.minY)
        var widest = 0.0
        for tick in ticks(length: plot.height) {
            let y = scale.map(tick.value)
            renderer.stroke(
                .segment(from: Point(x: bar.maxX, y: y), to: Point(x: bar.maxX + Theme.tickLength, y: y)),
                style: Theme.tick)
            let labelX = bar.maxX + Theme.tickLength + Theme.tickPad
            renderer.drawText(
                tick.label, at: Point(x: labelX, y: y), style: Theme.tickLabel, anchor: TextAnchor(.left, .center))
            widest = max(widest, renderer.measure(tick.label, style: Theme.tickLabel).width)
        }
        if let label {
            let x = bar.maxX + Theme.tickLength + Theme.tickPad + widest + Theme.labelPad
            renderer.drawText(
                label, at: Point(x: x, y: bar.center.y), style: Theme.axisLabel, anchor: TextAnchor(.center, .top),
                angle: -Double.pi / 2)
        }
    }
}
