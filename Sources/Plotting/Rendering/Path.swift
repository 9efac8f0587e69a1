/// A sequence of drawing commands in figure points, filled or stroked by a ``Renderer``.
public struct Path: Sendable {
    /// One drawing command.
    public enum Element: Sendable {
        /// Starts a new sub-path at a point.
        case move(Point)
        /// A straight line from the current point.
        case line(Point)
        /// A circular arc around a centre, from one angle to another (radians, clockwise on screen).
        case arc(center: Point, radius: Double, from: Double, to: Double)
        /// Closes the current sub-path with a straight line to its start.
        case close
    }

    /// The commands, in order.
    public private(set) var elements: [Element] = []

    /// Creates an empty path.
    public init() {}

    /// Starts a new sub-path at `point`.
    public mutating func move(to point: Point) { elements.append(.move(point)) }

    /// Adds a straight line to `point`.
    public mutating func line(to point: Point) { elements.append(.line(point)) }

    /// Closes the current sub-path.
    public mutating func close() { elements.append(.close) }

    /// Adds a full circle as its own sub-path.
    public mutating func addCircle(center: Point, radius: Double) {
        elements.append(.move(Point(x: center.x + radius, y: center.y)))
        elements.append(.arc(center: center, radius: radius, from: 0, to: 2 * Double.pi))
        elements.append(.close)
    }

    /// Adds a rectangle as its own sub-path.
    public mutating func addRect(_ rect: Rect) {
        addPolygon([
            Point(x: rect.minX, y: rect.minY), Point(x: rect.maxX, y: rect.minY),
            Point(x: rect.maxX, y: rect.maxY), Point(x: rect.minX, y: rect.maxY),
        ])
    }

    /// Adds a rectangle with rounded corners as its own sub-path.
    public mutating func addRoundedRect(_ rect: Rect, radius: Double) {
        let r = min(radius, rect.width / 2, rect.height / 2)
        let pi = Double.pi
        elements.append(.move(Point(x: rect.minX + r, y: rect.minY)))
        elements.append(.arc(center: Point(x: rect.maxX - r, y: rect.minY + r), radius: r, from: -pi / 2, to: 0))
        elements.append(.arc(center: Point(x: rect.maxX - r, y: rect.maxY - r), radius: r, from: 0, to: pi / 2))
        elements.append(.arc(center: Point(x: rect.minX + r, y: rect.maxY - r), radius: r, from: pi / 2, to: pi))
        elements.append(.arc(center: Point(x: rect.minX + r, y: rect.minY + r), radius: r, from: pi, to: 1.5 * pi))
        elements.append(.close)
    }

    /// Adds a closed polygon through `points` as its own sub-path.
    public mutating func addPolygon(_ points: [Point]) {
        guard let first = points.first else { return }
        move(to: first)
        for point in points.dropFirst() { line(to: point) }
        close()
    }

    /// Adds an open polyline through `points` as its own sub-path.
    public mutating func addPolyline(_ points: [Point]) {
        guard let first = points.first else { return }
        move(to: first)
        for point in points.dropFirst() { line(to: point) }
    }

    /// The path moved by `offset` (a point used as a vector).
    public func translated(by offset: Point) -> Path {
        func move(_ p: Point) -> Point { Point(x: p.x + offset.x, y: p.y + offset.y) }
        var path = Path()
        path.elements = elements.map { element in
            switch element {
            case .move(let p): .move(move(p))
            case .line(let p): .line(move(p))
            case .arc(let center, let radius, let from, let to):
                .arc(center: move(center), radius: radius, from: from, to: to)
            case .close: .close
            }
        }
        return path
    }

    /// The largest distance of any point of the path from the origin along x or y.
    var extentFromOrigin: Double {
        elements.reduce(0.0) { extent, element in
            switch element {
            case .move(let p), .line(let p): max(extent, abs(p.x), abs(p.y))
            case .arc(let center, let radius, _, _): max(extent, abs(center.x) + radius, abs(center.y) + radius)
            case .close: extent
            }
        }
    }

    /// A path holding one rectangle.
    public static func rect(_ rect: Rect) -> Path {
        var path = Path()
        path.addRect(rect)
        return path
    }

    /// A path holding one open polyline.
    public static func polyline(_ points: [Point]) -> Path {
        var path = Path()
        path.addPolyline(points)
        return path
    }

    /// A path holding one straight segment.
    public static func segment(from start: Point, to end: Point) -> Path {
        polyline([start, end])
    }
}
