import Foundation

/// Points in three dimensions (a hidden layer's three activations) shown in a rotated box
/// with grey back panes and grid lines, like matplotlib's 3-D axes, plus an optional plane
/// `w·h + b = 0` (the output unit's decision plane).
///
/// The box spans nice tick values around the data. Its coordinates are normalized to
/// `−½…½`, rotated by the azimuth about the vertical (third) axis, tilted by the elevation, and
/// projected orthographically onto the axes' data plane. Points are drawn far to near; with a
/// plane, points behind it are drawn before it and points in front after it.
public struct Projection3DMark: Mark {
    /// Rows of three coordinates.
    public var points: [[Double]]
    /// The class of each point.
    public var classes: [Int]?
    /// Legend names indexed by class.
    public var classNames: [String]?
    /// The three axis labels.
    public var axisLabels: [String]
    /// The plane's three weights and bias.
    public var plane: (weights: [Double], bias: Double)?
    /// The rotation about the vertical axis, in degrees.
    public var azimuth: Double
    /// The viewing angle above the horizontal, in degrees.
    public var elevation: Double

    let lower: [Double]
    let upper: [Double]
    let ticks: [[Tick]]

    /// Creates a 3-D projection mark.
    public init(
        points: [[Double]], classes: [Int]? = nil, classNames: [String]? = nil,
        axisLabels: [String] = ["h₁", "h₂", "h₃"],
        plane: (weights: [Double], bias: Double)? = nil, azimuth: Double = -55, elevation: Double = 22
    ) {
        precondition(points.allSatisfy { $0.count == 3 }, "projection3D: every point needs 3 coordinates")
        precondition(axisLabels.count == 3, "projection3D: needs 3 axis labels, got \(axisLabels.count)")
        if let plane { precondition(plane.weights.count == 3, "projection3D: the plane needs 3 weights") }
        if let classes {
            precondition(
                classes.count == points.count, "projection3D: \(classes.count) classes for \(points.count) points")
        }
        self.points = points
        self.classes = classes
        self.classNames = classNames
        self.axisLabels = axisLabels
        self.plane = plane
        self.azimuth = azimuth
        self.elevation = elevation
        var lower: [Double] = []
        var upper: [Double] = []
        var ticks: [[Tick]] = []
        for d in 0..<3 {
            let values = points.map { $0[d] }.filter(\.isFinite)
            var low = values.min() ?? 0
            var high = values.max() ?? 1
            if high - low < 1e-12 {
                low -= 0.5
                high += 0.5
            }
            let step = TickLocator.niceStep((high - low) / 4)
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
            lower.append(low)
            upper.append(high)
            ticks.append(TickLocator.linear(lower: low, upper: high, target: 2))
        }
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
    }

    // MARK: - Projection

    func normalized(_ value: Double, dimension d: Int) -> Double {
        (value - lower[d]) / (upper[d] - lower[d]) - 0.5
    }

    /// Screen position (in the axes' data plane) and depth (larger is nearer) of a normalized point.
    func project(_ u: [Double]) -> (x: Double, y: Double, depth: Double) {
        let az = azimuth * Double.pi / 180
        let el = elevation * Double.pi / 180
        let a = u[0] * cos(az) - u[1] * sin(az)
        let b = u[0] * sin(az) + u[1] * cos(az)
        return (a, u[2] * cos(el) + b * sin(el), -b * cos(el) + u[2] * sin(el))
    }

    /// The direction towards the viewer, in normalized coordinates.
    var towardsViewer: [Double] {
        let az = azimuth * Double.pi / 180
        let el = elevation * Double.pi / 180
        return [-sin(az) * cos(el), -cos(az) * cos(el), sin(el)]
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? {
        var xs: [Double] = []
        var ys: [Double] = []
        for i in 0..<8 {
            let p = project([i & 1 == 0 ? -0.5 : 0.5, i & 2 == 0 ? -0.5 : 0.5, i & 4 == 0 ? -0.5 : 0.5])
            xs.append(p.x)
            ys.append(p.y)
        }
        // Room around the box for tick labels and axis labels.
        return DataBounds(
            x: (xs.min()! - 0.28)...(xs.max()! + 0.28), y: (ys.min()! - 0.22)...(ys.max()! + 0.06), isTight: true)
    }

    /// The legend rows this mark adds.
    public var legendEntries: [LegendEntry] {
        guard let classes else { return [] }
        return Set(classes).sorted().map { index in
            let name = classNames.flatMap { index >= 0 && index < $0.count ? $0[index] : nil } ?? "class \(index)"
            return LegendEntry(label: name, color: Palette.color(index), marker: MarkerShape.forClass(index))
        }
    }

    // MARK: - Drawing

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        func screen(_ u: [Double]) -> Point {
            let p = project(u)
            return frame.point(x: p.x, y: p.y)
        }
        let viewer = towardsViewer
        let back = (0..<3).map { viewer[$0] >= 0 ? -0.5 : 0.5 }
        drawPanes(back: back, screen: screen, renderer: renderer)
        drawTickLabels(back: back, frame: frame, screen: screen, renderer: renderer)

        var planeSide: ([Double]) -> Bool = { _ in true }
        var planeVisible: [Point] = []
        if let plane {
            // The plane in normalized coordinates: v = lower + (u + ½)·span.
            var w: [Double] = []
            var b = plane.bias
            for d in 0..<3 {
                let span = upper[d] - lower[d]
                w.append(plane.weights[d] * span)
                b += plane.weights[d] * (lower[d] + 0.5 * span)
            }
            let viewerSide = Self.dot(w, viewer) >= 0
            planeSide = { (u: [Double]) -> Bool in (Self.dot(w, u) + b >= 0) == viewerSide }
            planeVisible = planePolygon(w: w, b: b).map(screen)
        }
        let normalizedPoints = points.map { p in (0..<3).map { normalized(p[$0], dimension: $0) } }
        let order = normalizedPoints.indices.sorted {
            project(normalizedPoints[$0]).depth < project(normalizedPoints[$1]).depth
        }
        func drawPoints(inFront: Bool) {
            for index in order where planeSide(normalizedPoints[index]) == inFront {
                let c = classes?[index] ?? 0
                renderer.draw(
                    MarkerShape.forClass(c).path(center: screen(normalizedPoints[index]), size: Theme.markerSize * 0.8),
                    fill: Palette.color(c), stroke: Theme.markerEdge)
            }
        }
        drawPoints(inFront: false)
        if planeVisible.count >= 3 {
            var path = Path()
            path.addPolygon(planeVisible)
            renderer.draw(
                path, fill: Palette.ink.withAlpha(0.13),
                stroke: StrokeStyle(color: Palette.ink.withAlpha(0.6), width: 1))
        }
        drawPoints(inFront: true)
    }

    private func drawPanes(back: [Double], screen: ([Double]) -> Point, renderer: any Renderer) {
        let paneFill = Color(hex: 0xF2F2F2)
        let paneEdge = StrokeStyle(color: Color(hex: 0xBDBDBD), width: 0.8)
        for i in 0..<3 {
            let (j, k) = ((i + 1) % 3, (i + 2) % 3)
            func corner(_ a: Double, _ b: Double) -> [Double] {
                var u = [0.0, 0.0, 0.0]
                u[i] = back[i]
                u[j] = a
                u[k] = b
                return u
            }
            var pane = Path()
            pane.addPolygon([corner(-0.5, -0.5), corner(0.5, -0.5), corner(0.5, 0.5), corner(-0.5, 0.5)].map(screen))
            renderer.draw(pane, fill: paneFill, stroke: paneEdge)
            // Grid lines across this pane at the ticks of its two in-plane axes.
            var grid = Path()
            for tick in ticks[j] {
                let t = normalized(tick.value, dimension: j)
                grid.addPolyline([screen(corner(t, -0.5)), screen(corner(t, 0.5))])
            }
            for tick in ticks[k] {
                let t = normalized(tick.value, dimension: k)
                grid.addPolyline([screen(corner(-0.5, t)), screen(corner(0.5, t))])
            }
            renderer.stroke(grid, style: StrokeStyle(color: Color(hex: 0xD9D9D9), width: 0.7))
        }
    }

    private func drawTickLabels(back: [Double], frame: PlotFrame, screen: ([Double]) -> Point, renderer: any Renderer) {
        let centre = screen([0, 0, 0])
        var taken: [Rect] = []
        for d in 0..<3 {
            let (j, k) = ((d + 1) % 3, (d + 2) % 3)
            // Of the four box edges along axis d, label the one lowest on screen (for the
            // vertical axis, the leftmost) among those touching a back pane.
            var best: (a: Double, b: Double, score: Double)?
            for a in [-0.5, 0.5] {
                for b in [-0.5, 0.5] where a == back[j] || b == back[k] {
                    var u = [0.0, 0.0, 0.0]
                    u[j] = a
                    u[k] = b
                    let mid = screen(u)
                    let score = d == 2 ? -mid.x : mid.y
                    if best == nil || score > best!.score { best = (a, b, score) }
                }
            }
            guard let edge = best else { continue }
            func along(_ t: Double) -> [Double] {
                var u = [0.0, 0.0, 0.0]
                u[d] = t
                u[j] = edge.a
                u[k] = edge.b
                return u
            }
            // Offset labels perpendicular to the edge, away from the box, so labels of two
            // axes that meet at a corner move apart.
            let mid = screen(along(0))
            let tip = screen(along(0.5))
            let edgeLength = max(mid.distance(to: tip), 1e-9)
            var out = Point(x: -(tip.y - mid.y) / edgeLength, y: (tip.x - mid.x) / edgeLength)
            if out.x * (mid.x - centre.x) + out.y * (mid.y - centre.y) < 0 { out = Point(x: -out.x, y: -out.y) }
            for tick in ticks[d] {
                let p = screen(along(normalized(tick.value, dimension: d)))
                let at = Point(x: p.x + out.x * 16, y: p.y + out.y * 16)
                // Where two axes meet at a corner, the second label that would overlap is left out.
                let extents = renderer.measure(tick.label, style: Theme.annotation)
                let box = Rect(
                    x: at.x - extents.width / 2 - 2, y: at.y - extents.capHeight / 2 - 2, width: extents.width + 4,
                    height: extents.capHeight + 4)
                guard !taken.contains(where: { $0.intersects(box) }) else { continue }
                taken.append(box)
                renderer.drawText(tick.label, at: at, style: Theme.annotation, anchor: .center)
            }
            renderer.drawText(
                axisLabels[d], at: Point(x: mid.x + out.x * 40, y: mid.y + out.y * 40), style: Theme.axisLabel,
                anchor: .center)
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
    }

    /// The plane `w·u + b = 0` clipped to the normalized box, as a convex polygon.
    private func planePolygon(w: [Double], b: Double) -> [[Double]] {
        var hits: [[Double]] = []
        for d in 0..<3 {
            let (j, k) = ((d + 1) % 3, (d + 2) % 3)
            for a in [-0.5, 0.5] {
                for c in [-0.5, 0.5] {
                    // On the edge along d with u_j = a, u_k = c: solve w_d·t + w_j·a + w_k·c + b = 0.
                    guard w[d] != 0 else { continue }
                    let t = -(w[j] * a + w[k] * c + b) / w[d]
                    guard t >= -0.5, t <= 0.5 else { continue }
                    var u = [0.0, 0.0, 0.0]
                    u[d] = t
                    u[j] = a
                    u[k] = c
                    hits.append(u)
                }
            }
        }
        guard hits.count >= 3 else { return [] }
        let screenHits = hits.map { project($0) }
        let cx = screenHits.reduce(0) { $0 + $1.x } / Double(hits.count)
        let cy = screenHits.reduce(0) { $0 + $1.y } / Double(hits.count)
        return hits.indices.sorted {
            atan2(screenHits[$0].y - cy, screenHits[$0].x - cx) < atan2(screenHits[$1].y - cy, screenHits[$1].x - cx)
        }.map { hits[$0] }
    }
}
