/// A polyline through data points: a loss curve, an activation function, a path.
public struct LineMark: Mark {
    /// The x values.
    public var x: [Double]
    /// The y values; non-finite values (and non-positive ones on a log axis) break the line.
    public var y: [Double]
    /// The line's look.
    public var style: StrokeStyle
    /// A marker at every point, if any.
    public var marker: MarkerShape?
    /// The legend label.
    public var label: String?

    /// Creates a line mark.
    public init(x: [Double], y: [Double], style: StrokeStyle, marker: MarkerShape? = nil, label: String? = nil) {
        precondition(x.count == y.count, "line: \(x.count) x values for \(y.count) y values")
        self.x = x
        self.y = y
        self.style = style
        self.marker = marker
        self.label = label
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? {
        DataBounds(points: zip(x, y).map { (x: $0, y: $1) })
    }

    /// The legend rows this mark adds.
    public var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, color: style.color, marker: marker, line: style)] } ?? []
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        var path = Path()
        var drawing = false
        for (xValue, yValue) in zip(x, y) {
            guard isDrawable(xValue, yValue, frame: frame) else {
                drawing = false
                continue
            }
            let point = frame.point(x: xValue, y: yValue)
            if drawing { path.line(to: point) } else { path.move(to: point) }
            drawing = true
        }
        renderer.stroke(path, style: style)
        if let marker {
            for (xValue, yValue) in zip(x, y) where isDrawable(xValue, yValue, frame: frame) {
                renderer.draw(
                    marker.path(center: frame.point(x: xValue, y: yValue), size: Theme.markerSize * 0.75),
                    fill: style.color, stroke: Theme.markerEdge)
            }
        }
    }

    private func isDrawable(_ xValue: Double, _ yValue: Double, frame: PlotFrame) -> Bool {
        xValue.isFinite && yValue.isFinite && (frame.yScale.kind == .linear || yValue > 0)
            && (frame.xScale.kind == .linear || xValue > 0)
    }

    /// Figure points a legend should not cover.
    public func occupiedPoints(in frame: PlotFrame) -> [Point] {
        // Densify long segments so a legend does not sit on a straight stretch of line.
        var result: [Point] = []
        var previous: Point?
        for (xValue, yValue) in zip(x, y) where isDrawable(xValue, yValue, frame: frame) {
            let point = frame.point(x: xValue, y: yValue)
            if let previous {
                let steps = Int(previous.distance(to: point) / 8)
                if steps > 1 {
                    for k in 1..<steps {
                        let t = Double(k) / Double(steps)
                        result.append(
                            Point(
                                x: previous.x + (point.x - previous.x) * t, y: previous.y + (point.y - previous.y) * t))
                    }
                }
            }
            result.append(point)
            previous = point
        }
        return result
    }
}
