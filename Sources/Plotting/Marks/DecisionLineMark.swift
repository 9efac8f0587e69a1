import Foundation

/// The straight line `w₁x + w₂y + b = 0` of a linear classifier, clipped to the axes.
public struct DecisionLineMark: Mark {
    /// The weights `(w₁, w₂)`.
    public var weights: (Double, Double)
    /// The bias `b`.
    public var bias: Double
    /// The line's look.
    public var style: StrokeStyle
    /// The legend label.
    public var label: String?
    /// Whether a short arrow from the line's middle points along `w`, towards the side the
    /// classifier calls positive.
    public var showsDirection: Bool

    /// Creates a decision line.
    public init(
        weights: (Double, Double), bias: Double, style: StrokeStyle, label: String? = nil, showsDirection: Bool = false
    ) {
        self.weights = weights
        self.bias = bias
        self.style = style
        self.label = label
        self.showsDirection = showsDirection
    }

    /// The part of the line inside the rectangle `x × y`, as its two end points on the
    /// rectangle's edges; `nil` if the line misses the rectangle or `w = 0`.
    public static func segment(
        weights: (Double, Double), bias: Double, x: ClosedRange<Double>, y: ClosedRange<Double>
    ) -> (start: (x: Double, y: Double), end: (x: Double, y: Double))? {
        let (w1, w2) = weights
        var hits: [(x: Double, y: Double)] = []
        let slackX = (x.upperBound - x.lowerBound) * 1e-12
        let slackY = (y.upperBound - y.lowerBound) * 1e-12
        if w2 != 0 {
            for xEdge in [x.lowerBound, x.upperBound] {
                let yHit = -(w1 * xEdge + bias) / w2
                if yHit >= y.lowerBound - slackY && yHit <= y.upperBound + slackY { hits.append((xEdge, yHit)) }
            }
        }
        if w1 != 0 {
            for yEdge in [y.lowerBound, y.upperBound] {
                let xHit = -(w2 * yEdge + bias) / w1
                if xHit >= x.lowerBound - slackX && xHit <= x.upperBound + slackX { hits.append((xHit, yEdge)) }
            }
        }
        guard hits.count >= 2 else { return nil }
        var best = (hits[0], hits[1])
        var longest = -1.0
        for i in 0..<hits.count {
            for j in (i + 1)..<hits.count {
                let d = hypot(hits[i].x - hits[j].x, hits[i].y - hits[j].y)
                if d > longest {
                    longest = d
                    best = (hits[i], hits[j])
                }
            }
        }
        return longest > 0 ? (best.0, best.1) : nil
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? { nil }

    /// The legend rows this mark adds.
    public var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, color: style.color, line: style)] } ?? []
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        guard let (start, end) = Self.segment(weights: weights, bias: bias, x: frame.xLimits, y: frame.yLimits) else {
            return
        }
        let a = frame.point(x: start.x, y: start.y)
        let b = frame.point(x: end.x, y: end.y)
        renderer.stroke(.segment(from: a, to: b), style: style)
        guard showsDirection else { return }
        // The normal w in figure space: map a small step along w from the midpoint.
        let mid = (x: (start.x + end.x) / 2, y: (start.y + end.y) / 2)
        let m = frame.point(x: mid.x, y: mid.y)
        let tip = frame.point(x: mid.x + weights.0 * 1e-3, y: mid.y + weights.1 * 1e-3)
        let length = m.distance(to: tip)
        guard length > 0 else { return }
        let u = Point(x: (tip.x - m.x) / length, y: (tip.y - m.y) / length)
        let arrowEnd = Point(x: m.x + u.x * 26, y: m.y + u.y * 26)
        Arrow.draw(from: m, to: arrowEnd, style: StrokeStyle(color: style.color, width: 1.5), renderer: renderer)
    }

    /// Figure points a legend should not cover.
    public func occupiedPoints(in frame: PlotFrame) -> [Point] {
        guard let (start, end) = Self.segment(weights: weights, bias: bias, x: frame.xLimits, y: frame.yLimits) else {
            return []
        }
        return (0...40).map { k in
            let t = Double(k) / 40
            return frame.point(x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t)
        }
    }
}
