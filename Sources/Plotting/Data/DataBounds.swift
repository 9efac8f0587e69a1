/// The smallest rectangle in data coordinates that holds a mark, for automatic axis limits.
public struct DataBounds: Hashable, Sendable {
    /// The x interval.
    public var x: ClosedRange<Double>
    /// The y interval.
    public var y: ClosedRange<Double>
    /// Whether the axes should end exactly at these bounds, without a margin (images, heatmaps).
    public var isTight: Bool

    /// Creates bounds.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, isTight: Bool = false) {
        self.x = x
        self.y = y
        self.isTight = isTight
    }

    /// The bounds of a list of points; `nil` if there is no finite point.
    public init?(points: [(x: Double, y: Double)]) {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard let first = finite.first else { return nil }
        var minX = first.x
        var maxX = first.x
        var minY = first.y
        var maxY = first.y
        for p in finite {
            minX = min(minX, p.x)
            maxX = max(maxX, p.x)
            minY = min(minY, p.y)
            maxY = max(maxY, p.y)
        }
        self.init(x: minX...maxX, y: minY...maxY)
    }

    /// The bounds holding both.
    public func union(_ other: DataBounds) -> DataBounds {
        DataBounds(
            x: min(x.lowerBound, other.x.lowerBound)...max(x.upperBound, other.x.upperBound),
            y: min(y.lowerBound, other.y.lowerBound)...max(y.upperBound, other.y.upperBound),
            isTight: isTight && other.isTight)
    }
}
