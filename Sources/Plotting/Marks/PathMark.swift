/// The steps of an iteration drawn as a path: gradient descent's iterates `x₀, x₁, …`
/// joined by arrows, the start as a large circle and the end as a star.
public struct PathMark: Mark {
    /// The iterates in data coordinates.
    public var points: [(x: Double, y: Double)]
    /// The colour.
    public var color: Color
    /// The legend label of the steps.
    public var label: String?
    /// The legend label of the start (the large circle), if it has a row of its own.
    public var startLabel: String?
    /// The legend label of the end (the star), if it has a row of its own.
    public var endLabel: String?

    /// Creates a path mark.
    public init(
        points: [(x: Double, y: Double)], color: Color, label: String? = nil, startLabel: String? = nil,
        endLabel: String? = nil
    ) {
        self.points = points
        self.color = color
        self.label = label
        self.startLabel = startLabel
        self.endLabel = endLabel
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? { DataBounds(points: points) }

    /// The legend rows this mark adds: the steps (a line through a small dot), then the start
    /// (a circle) and the end (a star), each if it has a label.
    public var legendEntries: [LegendEntry] {
        var entries: [LegendEntry] = []
        if let label {
            entries.append(
                LegendEntry(label: label, color: color, marker: .circle, line: StrokeStyle(color: color, width: 1.5)))
        }
        if let startLabel { entries.append(LegendEntry(label: startLabel, color: color, marker: .circle)) }
        if let endLabel, points.count > 1 { entries.append(LegendEntry(label: endLabel, color: color, marker: .star)) }
        return entries
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        let figurePoints = points.map { frame.point(x: $0.x, y: $0.y) }
        let style = StrokeStyle(color: color, width: 1.5, cap: .round, join: .round)
        renderer.stroke(.polyline(figurePoints), style: style)
        for (a, b) in zip(figurePoints, figurePoints.dropFirst()) where a.distance(to: b) > 16 {
            // An arrowhead halfway along each long step shows the direction of travel.
            let mid = Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
            let length = a.distance(to: b)
            let back = Point(x: mid.x - (b.x - a.x) / length * 7, y: mid.y - (b.y - a.y) / length * 7)
            Arrow.draw(
                from: back, to: Point(x: mid.x + (b.x - a.x) / length, y: mid.y + (b.y - a.y) / length), style: style,
                headLength: 7, renderer: renderer)
        }
        for point in figurePoints.dropFirst().dropLast() {
            renderer.draw(MarkerShape.circle.path(center: point, size: 4.5), fill: color, stroke: Theme.markerEdge)
        }
        if let first = figurePoints.first {
            renderer.draw(
                MarkerShape.circle.path(center: first, size: 10), fill: color,
                stroke: StrokeStyle(color: .white, width: 1.2))
        }
        if figurePoints.count > 1, let last = figurePoints.last {
            renderer.draw(
                MarkerShape.star.path(center: last, size: 11), fill: color, stroke: StrokeStyle(color: .white, width: 1)
            )
        }
    }

    /// Figure points a legend should not cover.
    public func occupiedPoints(in frame: PlotFrame) -> [Point] {
        LineMark(
            x: points.map(\.x), y: points.map(\.y), style: StrokeStyle(color: color)
        ).occupiedPoints(in: frame)
    }
}
