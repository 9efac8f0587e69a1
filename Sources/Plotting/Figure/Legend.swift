/// Lays out and draws an axes' legend: a pale box of samples and labels.
struct Legend {
    let entries: [LegendEntry]

    static let padding = 7.0
    static let sampleWidth = 24.0
    static let sampleGap = 7.0
    static let rowGap = 4.0
    static let margin = 8.0

    /// The box size for these entries.
    func size(renderer: any Renderer) -> Size {
        let widths = entries.map { renderer.measure($0.label, style: Theme.legend).width }
        let rowHeight = Self.rowHeight
        let height =
            2 * Self.padding + Double(entries.count) * rowHeight + Double(max(0, entries.count - 1)) * Self.rowGap
        return Size(width: 2 * Self.padding + Self.sampleWidth + Self.sampleGap + (widths.max() ?? 0), height: height)
    }

    static var rowHeight: Double { Theme.legend.size * 1.1 }

    /// The box position for a placement inside `plot`, choosing the least crowded candidate
    /// for `.best`.
    func origin(for placement: LegendPlacement, plot: Rect, size: Size, occupied: [Point]) -> Point {
        let m = Self.margin
        let left = plot.minX + m
        let right = plot.maxX - m - size.width
        let top = plot.minY + m
        let bottom = plot.maxY - m - size.height
        let midX = plot.center.x - size.width / 2
        let midY = plot.center.y - size.height / 2
        switch placement {
        case .upperLeft: return Point(x: left, y: top)
        case .lowerLeft: return Point(x: left, y: bottom)
        case .lowerRight: return Point(x: right, y: bottom)
        case .outsideRight: return Point(x: plot.maxX + 12, y: plot.minY)
        case .below: return Point(x: plot.center.x - size.width / 2, y: plot.maxY + Self.margin)
        case .upperRight, .hidden: return Point(x: right, y: top)
        case .best, .automatic:
            // matplotlib's candidate order: corners first, then edge centres, then the centre.
            let candidates = [
                Point(x: right, y: top), Point(x: left, y: top), Point(x: left, y: bottom),
                Point(x: right, y: bottom), Point(x: right, y: midY), Point(x: left, y: midY),
                Point(x: midX, y: bottom), Point(x: midX, y: top), Point(x: midX, y: midY),
            ]
            return candidates.min {
                covered(at: $0, size: size, occupied: occupied) < covered(at: $1, size: size, occupied: occupied)
            }!
        }
    }

    /// How many occupied points a legend box at `origin` would cover (with a small margin).
    func covered(at origin: Point, size: Size, occupied: [Point]) -> Int {
        let box = Rect(x: origin.x - 4, y: origin.y - 4, width: size.width + 8, height: size.height + 8)
        return occupied.reduce(0) { $0 + (box.contains($1) ? 1 : 0) }
    }

    /// Draws the legend box with its top-left corner at `origin`.
    func draw(at origin: Point, size: Size, renderer: any Renderer) {
        var box = Path()
        box.addRoundedRect(Rect(x: origin.x, y: origin.y, width: size.width, height: size.height), radius: 3)
        renderer.draw(
            box, fill: Color.white.withAlpha(0.88), stroke: StrokeStyle(color: Color(hex: 0xCCCCCC), width: 0.8))
        var y = origin.y + Self.padding + Self.rowHeight / 2
        for entry in entries {
            let sampleLeft = origin.x + Self.padding
            let sampleCenter = Point(x: sampleLeft + Self.sampleWidth / 2, y: y)
            if let line = entry.line {
                renderer.stroke(
                    .segment(from: Point(x: sampleLeft, y: y), to: Point(x: sampleLeft + Self.sampleWidth, y: y)),
                    style: line)
            }
            if let marker = entry.marker {
                // A star reads as large as a circle only a little bigger (as the path's end is drawn).
                let size = Theme.markerSize * (marker == .star && entry.line == nil ? 1.25 : 1)
                renderer.draw(
                    marker.path(center: sampleCenter, size: size), fill: entry.color,
                    stroke: entry.line == nil ? nil : Theme.markerEdge)
            }
            if entry.line == nil && entry.marker == nil {
                let patch = Rect(x: sampleLeft + 4, y: y - 5, width: Self.sampleWidth - 8, height: 10)
                renderer.draw(
                    .rect(patch), fill: entry.color, stroke: StrokeStyle(color: Palette.secondaryInk, width: 0.5))
            }
            renderer.drawText(
                entry.label, at: Point(x: sampleLeft + Self.sampleWidth + Self.sampleGap, y: y),
                style: Theme.legend, anchor: TextAnchor(.left, .center))
            y += Self.rowHeight + Self.rowGap
        }
    }
}
