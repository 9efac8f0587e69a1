/// Draws a straight arrow with a filled head.
enum Arrow {
    static func draw(
        from start: Point, to end: Point, style: StrokeStyle, headLength: Double = 8, renderer: any Renderer
    ) {
        let length = start.distance(to: end)
        guard length > 0 else { return }
        let u = Point(x: (end.x - start.x) / length, y: (end.y - start.y) / length)
        let head = min(headLength, length * 0.6)
        let base = Point(x: end.x - u.x * head, y: end.y - u.y * head)
        renderer.stroke(.segment(from: start, to: base), style: style)
        let halfWidth = head * 0.45
        renderer.fill(
            {
                var path = Path()
                path.addPolygon([
                    end, Point(x: base.x - u.y * halfWidth, y: base.y + u.x * halfWidth),
                    Point(x: base.x + u.y * halfWidth, y: base.y - u.x * halfWidth),
                ])
                return path
            }(), color: style.color)
    }
}
