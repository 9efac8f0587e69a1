/// A position on the figure, in points, with `y` growing downwards (as on a page).
public struct Point: Hashable, Sendable {
    /// The horizontal position in points from the figure's left edge.
    public var x: Double
    /// The vertical position in points from the figure's top edge.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The distance to another point.
    public func distance(to other: Point) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}

/// A width and height in points.
public struct Size: Hashable, Sendable {
    /// The width in points.
    public var width: Double
    /// The height in points.
    public var height: Double

    /// Creates a size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// An axis-aligned rectangle in points.
public struct Rect: Hashable, Sendable {
    /// The left edge.
    public var x: Double
    /// The top edge.
    public var y: Double
    /// The width.
    public var width: Double
    /// The height.
    public var height: Double

    /// Creates a rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The left edge's `x`.
    public var minX: Double { x }
    /// The right edge's `x`.
    public var maxX: Double { x + width }
    /// The top edge's `y`.
    public var minY: Double { y }
    /// The bottom edge's `y`.
    public var maxY: Double { y + height }
    /// The centre.
    public var center: Point { Point(x: x + width / 2, y: y + height / 2) }

    /// Whether `point` lies inside the rectangle or on its edge.
    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// Whether the two rectangles overlap.
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// The rectangle moved inwards by the given amounts (negative values move it outwards).
    public func inset(left: Double = 0, top: Double = 0, right: Double = 0, bottom: Double = 0) -> Rect {
        Rect(
            x: x + left, y: y + top,
            width: max(0, width - left - right), height: max(0, height - top - bottom))
    }

    /// The rectangle moved inwards by `amount` on every side.
    public func inset(by amount: Double) -> Rect {
        inset(left: amount, top: amount, right: amount, bottom: amount)
    }
}
