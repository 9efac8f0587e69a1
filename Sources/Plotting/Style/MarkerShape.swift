import Foundation

/// The shape of a scatter marker; classes differ by shape as well as by colour, so a grey
/// print still reads.
public enum MarkerShape: CaseIterable, Sendable {
    case circle, square, triangleUp, diamond, triangleDown, pentagon, hexagon, star

    /// The shape of class `index` (cycling through all shapes).
    public static func forClass(_ index: Int) -> MarkerShape {
        let shapes = MarkerShape.allCases
        return shapes[((index % shapes.count) + shapes.count) % shapes.count]
    }

    /// The marker's outline around `center`, `size` points across; shapes are scaled so that
    /// they look about as large as a circle of that diameter.
    public func path(center: Point, size: Double) -> Path {
        let r = size / 2
        var path = Path()
        switch self {
        case .circle:
            path.addCircle(center: center, radius: r)
        case .square:
            let h = r * 0.89
            path.addRect(Rect(x: center.x - h, y: center.y - h, width: 2 * h, height: 2 * h))
        case .triangleUp:
            path.addPolygon(
                regularPolygon(center: center, radius: r * 1.2, sides: 3, rotation: -Double.pi / 2, dy: r * 0.2))
        case .triangleDown:
            path.addPolygon(
                regularPolygon(center: center, radius: r * 1.2, sides: 3, rotation: Double.pi / 2, dy: -r * 0.2))
        case .diamond:
            path.addPolygon(regularPolygon(center: center, radius: r * 1.15, sides: 4, rotation: 0, dy: 0))
        case .pentagon:
            path.addPolygon(regularPolygon(center: center, radius: r * 1.08, sides: 5, rotation: -Double.pi / 2, dy: 0))
        case .hexagon:
            path.addPolygon(regularPolygon(center: center, radius: r * 1.05, sides: 6, rotation: -Double.pi / 2, dy: 0))
        case .star:
            var points: [Point] = []
            for k in 0..<10 {
                let angle = -Double.pi / 2 + Double(k) * Double.pi / 5
                let radius = k.isMultiple(of: 2) ? r * 1.3 : r * 0.55
                points.append(Point(x: center.x + radius * cos(angle), y: center.y + radius * sin(angle)))
            }
            path.addPolygon(points)
        }
        return path
    }

    private func regularPolygon(center: Point, radius: Double, sides: Int, rotation: Double, dy: Double) -> [Point] {
        (0..<sides).map { k in
            let angle = rotation + Double(k) * 2 * Double.pi / Double(sides)
            return Point(x: center.x + radius * cos(angle), y: center.y + dy + radius * sin(angle))
        }
    }
}
