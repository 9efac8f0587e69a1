/// Points drawn as markers; with class labels, each class gets its own colour and shape.
public struct ScatterMark: Mark {
    /// The points in data coordinates.
    public var points: [(x: Double, y: Double)]
    /// The class of each point (`nil`: all points share ``color`` and ``marker``).
    public var classes: [Int]?
    /// Legend names of the classes, indexed by class (`nil`: "class 0", "class 1", …).
    public var classNames: [String]?
    /// Text drawn beside each point, if any.
    public var pointLabels: [String]?
    /// The colour when there are no classes.
    public var color: Color
    /// The marker shape when there are no classes.
    public var marker: MarkerShape
    /// The marker size in points.
    public var size: Double
    /// The legend label when there are no classes.
    public var label: String?

    /// Creates a scatter mark.
    public init(
        points: [(x: Double, y: Double)], classes: [Int]? = nil, classNames: [String]? = nil,
        pointLabels: [String]? = nil, color: Color = Palette.color(0), marker: MarkerShape = .circle,
        size: Double = Theme.markerSize, label: String? = nil
    ) {
        if let classes {
            precondition(classes.count == points.count, "scatter: \(classes.count) classes for \(points.count) points")
        }
        if let pointLabels {
            precondition(
                pointLabels.count == points.count, "scatter: \(pointLabels.count) labels for \(points.count) points")
        }
        self.points = points
        self.classes = classes
        self.classNames = classNames
        self.pointLabels = pointLabels
        self.color = color
        self.marker = marker
        self.size = size
        self.label = label
    }

    /// The colour of a class.
    public static func color(ofClass index: Int) -> Color { Palette.color(index) }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? { DataBounds(points: points) }

    /// The legend rows this mark adds.
    public var legendEntries: [LegendEntry] {
        guard let classes else {
            return label.map { [LegendEntry(label: $0, color: color, marker: marker)] } ?? []
        }
        return Set(classes).sorted().map { index in
            let name = classNames.flatMap { index >= 0 && index < $0.count ? $0[index] : nil } ?? "class \(index)"
            return LegendEntry(label: name, color: Palette.color(index), marker: MarkerShape.forClass(index))
        }
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        // One batch per class, in class order (as if each class were its own scatter call).
        let finite = points.indices.filter { points[$0].x.isFinite && points[$0].y.isFinite }
        let groups: [(shape: MarkerShape, color: Color, indices: [Int])]
        if let classes {
            groups = Set(classes).sorted().map { c in
                (MarkerShape.forClass(c), Palette.color(c), finite.filter { classes[$0] == c })
            }
        } else {
            groups = [(marker, color, finite)]
        }
        for group in groups {
            renderer.drawMarkers(
                group.shape.path(center: Point(x: 0, y: 0), size: size),
                at: group.indices.map { frame.point(x: points[$0].x, y: points[$0].y) }, fill: group.color,
                stroke: Theme.markerEdge)
        }
        guard let pointLabels else { return }
        for (index, point) in points.enumerated() where point.x.isFinite && point.y.isFinite {
            let center = frame.point(x: point.x, y: point.y)
            renderer.drawText(
                pointLabels[index], at: Point(x: center.x + size * 0.7, y: center.y - size * 0.6),
                style: Theme.annotation, anchor: TextAnchor(.left, .bottom))
        }
    }

    /// Figure points a legend should not cover.
    public func occupiedPoints(in frame: PlotFrame) -> [Point] {
        points.map { frame.point(x: $0.x, y: $0.y) }
    }
}
