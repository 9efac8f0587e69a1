/// Where an axes' data goes on the figure: the plot area and the two scales onto it.
public struct PlotFrame: Sendable {
    /// The plot area (inside the axes frame), in figure points.
    public let rect: Rect
    /// Maps data x onto figure x.
    public let xScale: Scale
    /// Maps data y onto figure y (which grows downwards).
    public let yScale: Scale

    /// Creates a frame.
    public init(rect: Rect, xScale: Scale, yScale: Scale) {
        self.rect = rect
        self.xScale = xScale
        self.yScale = yScale
    }

    /// The figure point of a data point.
    public func point(x: Double, y: Double) -> Point {
        Point(x: xScale.map(x), y: yScale.map(y))
    }

    /// The data point at a figure point.
    public func dataPoint(at point: Point) -> (x: Double, y: Double) {
        (xScale.invert(point.x), yScale.invert(point.y))
    }

    /// The x-axis limits, low to high.
    public var xLimits: ClosedRange<Double> { min(xScale.lower, xScale.upper)...max(xScale.lower, xScale.upper) }
    /// The y-axis limits, low to high.
    public var yLimits: ClosedRange<Double> { min(yScale.lower, yScale.upper)...max(yScale.lower, yScale.upper) }

    /// The figure rectangle covering a data rectangle.
    public func rect(x: ClosedRange<Double>, y: ClosedRange<Double>) -> Rect {
        let a = point(x: x.lowerBound, y: y.lowerBound)
        let b = point(x: x.upperBound, y: y.upperBound)
        return Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
    }
}
