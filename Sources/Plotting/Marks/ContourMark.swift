/// Lines where a sampled function equals given levels (the 0.5 decision boundary, or the
/// level curves of f(x, y)), optionally labelled with their values.
public struct ContourMark: Mark {
    /// The sampled function.
    public var grid: ValueGrid
    /// The levels to trace.
    public var levels: [Double]
    /// The line style; its colour is used unless a colour map is given.
    public var style: StrokeStyle
    /// Colours the levels from low to high, if given.
    public var colormap: Colormap?
    /// Whether each level's value is written on its longest line.
    public var showsLevelLabels: Bool
    /// The legend label.
    public var label: String?

    /// Creates a contour mark.
    public init(
        grid: ValueGrid, levels: [Double], style: StrokeStyle = Theme.contour, colormap: Colormap? = nil,
        showsLevelLabels: Bool = false, label: String? = nil
    ) {
        self.grid = grid
        self.levels = levels
        self.style = style
        self.colormap = colormap
        self.showsLevelLabels = showsLevelLabels
        self.label = label
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? { DataBounds(x: grid.x, y: grid.y, isTight: true) }

    /// The legend rows this mark adds.
    public var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, color: style.color, line: style)] } ?? []
    }

    /// The colour of a level: from the colour map over the levels' range, else the style's.
    func color(ofLevel index: Int) -> Color {
        guard let colormap, let low = levels.min(), let high = levels.max(), high > low else { return style.color }
        return colormap.color(for: levels[index], in: low...high)
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        var labels: [(text: String, at: Point)] = []
        for (index, level) in levels.enumerated() {
            var lineStyle = style
            lineStyle.color = color(ofLevel: index)
            let lines = MarchingSquares.polylines(grid, level: level).map { line in
                line.map { frame.point(x: $0.x, y: $0.y) }
            }
            var path = Path()
            for line in lines { path.addPolyline(line) }
            renderer.stroke(path, style: lineStyle)
            // Label each level at its lower-right-most visible point, away from the corners.
            let inner = frame.rect.inset(by: 12)
            let candidates = lines.flatMap { $0 }.filter { inner.contains($0) }
            if showsLevelLabels, let spot = candidates.max(by: { $0.x + 0.5 * $0.y < $1.x + 0.5 * $1.y }) {
                labels.append((TickLocator.compact(level), spot))
            }
        }
        for label in labels {
            let extents = renderer.measure(label.text, style: Theme.annotation)
            var box = Path()
            box.addRoundedRect(
                Rect(
                    x: label.at.x - extents.width / 2 - 3, y: label.at.y - extents.capHeight / 2 - 3,
                    width: extents.width + 6, height: extents.capHeight + 6), radius: 2)
            renderer.fill(box, color: Color.white.withAlpha(0.85))
            renderer.drawText(label.text, at: label.at, style: Theme.annotation, anchor: .center)
        }
    }
}
