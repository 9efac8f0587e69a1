import Foundation

/// A network drawn as layers of nodes joined by edges whose colour shows the weight's sign
/// (blue positive, vermillion negative) and whose width and opacity show its size, as
/// TensorFlow Playground does.
///
/// Widths follow one scale for every diagram (``edgeStrength(_:fullAt:)``, logarithmic up to
/// ``fullWeight``), so a network drawn before and after training can be compared by eye: small
/// initial weights are thin, large trained ones thick. Weights and biases written on the diagram
/// are placed where they cover no node and no other label.
///
/// Weights follow the engine's convention: `weights[l]` is an `inputCount × outputCount`
/// matrix (`Z = X W + b`), so `weights[l][i][j]` joins node `i` of layer `l` to node `j` of
/// layer `l + 1`. Layers with more than 12 nodes show their first 6 and last 5 with an
/// ellipsis between. Node `i` of layer `l` sits at data `(l, (n−1)/2 − i)`.
public struct NetworkDiagramMark: Mark {
    /// The weight matrices, one per layer of connections.
    public var weights: [[[Double]]]
    /// The biases of each non-input layer, if they should be written beside the nodes.
    public var biases: [[Double]]?
    /// Whether the weights' values are written on the edges.
    public var showsValues: Bool
    /// The size |w| at which an edge reaches its full width and opacity (larger ones are drawn
    /// the same).
    public var fullWeight: Double

    /// The colour of positive weights.
    public static let positive = Palette.color(0)
    /// The colour of negative weights.
    public static let negative = Palette.color(1)
    static let maximumShown = 12

    /// Creates a network diagram; `showsValues` defaults to true for at most 12 edges.
    public init(
        weights: [[[Double]]], biases: [[Double]]? = nil, showsValues: Bool? = nil, fullWeight: Double = 20
    ) {
        precondition(fullWeight > 0, "networkDiagram: fullWeight must be positive")
        precondition(!weights.isEmpty, "networkDiagram: no weight matrices")
        for (l, matrix) in weights.enumerated() {
            precondition(
                !matrix.isEmpty && matrix.allSatisfy { $0.count == matrix[0].count && !$0.isEmpty },
                "networkDiagram: weights[\(l)] is not a rectangular matrix")
            if l > 0 {
                precondition(
                    matrix.count == weights[l - 1][0].count,
                    "networkDiagram: weights[\(l)] has \(matrix.count) rows, but layer \(l) has \(weights[l - 1][0].count) nodes"
                )
            }
        }
        self.weights = weights
        self.biases = biases
        let edgeCount = weights.reduce(0) { $0 + $1.count * $1[0].count }
        self.showsValues = showsValues ?? (edgeCount <= 12)
        self.fullWeight = fullWeight
    }

    /// How strongly an edge of weight `w` is drawn, from 0 to 1: `log(1 + |w|) / log(1 + full)`,
    /// at most 1. The same for every diagram, whatever its largest weight.
    public static func edgeStrength(_ w: Double, fullAt full: Double) -> Double {
        guard w.isFinite else { return 1 }
        return min(log1p(abs(w)) / log1p(full), 1)
    }

    /// An edge's line width for a strength from ``edgeStrength(_:fullAt:)``.
    static func edgeWidth(strength: Double) -> Double { 0.8 + 4.2 * strength }
    /// An edge's opacity for a strength from ``edgeStrength(_:fullAt:)``.
    static func edgeOpacity(strength: Double) -> Double { 0.45 + 0.55 * strength }

    /// The sizes |w| the legend shows the width of (those up to `fullWeight`).
    var legendWeights: [Double] { [1, 10].filter { $0 <= fullWeight } }

    /// The number of nodes in each layer, input first.
    public var layerSizes: [Int] { [weights[0].count] + weights.map { $0[0].count } }

    /// The node indices drawn for a layer of `count` nodes.
    static func shownNodes(_ count: Int) -> [Int] {
        count <= maximumShown ? Array(0..<count) : Array(0..<6) + Array((count - 5)..<count)
    }

    /// The data position of a shown node (by its place among the shown nodes).
    static func position(layer: Int, slot: Int, shownCount: Int, truncated: Bool) -> (x: Double, y: Double) {
        // A truncated layer leaves one slot free for the ellipsis.
        let slots = truncated ? shownCount + 1 : shownCount
        let place = truncated && slot >= 6 ? slot + 1 : slot
        return (Double(layer), Double(slots - 1) / 2 - Double(place))
    }

    func nodePositions() -> [[(index: Int, x: Double, y: Double)]] {
        layerSizes.enumerated().map { layer, count in
            let shown = Self.shownNodes(count)
            return shown.enumerated().map { slot, index in
                let p = Self.position(
                    layer: layer, slot: slot, shownCount: shown.count, truncated: count > Self.maximumShown)
                return (index, p.x, p.y)
            }
        }
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? {
        let tallest = layerSizes.map { $0 > Self.maximumShown ? Self.maximumShown : $0 }.max() ?? 1
        let half = Double(tallest - 1) / 2
        return DataBounds(
            x: -0.35...(Double(layerSizes.count - 1) + 0.35), y: (-half - 0.4)...(half + 0.45), isTight: true)
    }

    /// The legend rows this mark adds: the two signs, and the width of |w| = 1 and 10.
    public var legendEntries: [LegendEntry] {
        [
            LegendEntry(
                label: "positive weight", color: Self.positive, line: StrokeStyle(color: Self.positive, width: 2.5)),
            LegendEntry(
                label: "negative weight", color: Self.negative, line: StrokeStyle(color: Self.negative, width: 2.5)),
        ]
            + legendWeights.map { w in
                let strength = Self.edgeStrength(w, fullAt: fullWeight)
                let color = Palette.secondaryInk.withAlpha(Self.edgeOpacity(strength: strength))
                return LegendEntry(
                    label: "|w| = \(TickLocator.compact(w))", color: color,
                    line: StrokeStyle(color: color, width: Self.edgeWidth(strength: strength)))
            }
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        let nodes = nodePositions()
        let radius = nodeRadius(frame)
        func point(_ node: (index: Int, x: Double, y: Double)) -> Point { frame.point(x: node.x, y: node.y) }

        var edgeLabels: [(text: String, from: Point, to: Point)] = []
        for (l, matrix) in weights.enumerated() {
            for source in nodes[l] {
                for target in nodes[l + 1] {
                    let w = matrix[source.index][target.index]
                    let strength = Self.edgeStrength(w, fullAt: fullWeight)
                    let color = (w >= 0 ? Self.positive : Self.negative).withAlpha(Self.edgeOpacity(strength: strength))
                    let a = point(source)
                    let b = point(target)
                    renderer.stroke(
                        .segment(from: a, to: b),
                        style: StrokeStyle(color: color, width: Self.edgeWidth(strength: strength), cap: .round))
                    if showsValues { edgeLabels.append((TickLocator.compact(w), a, b)) }
                }
            }
        }

        var biasLabels: [(text: String, center: Point)] = []
        let names = ["x", "h", "ŷ"]
        for (layer, column) in nodes.enumerated() {
            let isInput = layer == 0
            let isOutput = layer == nodes.count - 1
            for node in column {
                let center = point(node)
                renderer.draw(
                    MarkerShape.circle.path(center: center, size: 2 * radius),
                    fill: isInput ? Color(hex: 0xEDEDED) : .white, stroke: StrokeStyle(color: Palette.ink, width: 1.2))
                guard radius >= 9 else { continue }
                let prefix = isInput ? names[0] : isOutput ? names[2] : names[1]
                let text = isOutput && column.count == 1 ? prefix : prefix + subscriptDigits(node.index + 1)
                renderer.drawText(
                    text, at: center, style: TextStyle(size: min(11, radius * 0.9), color: Palette.ink), anchor: .center
                )
                if let biases, !isInput, layer - 1 < biases.count, node.index < biases[layer - 1].count, showsValues {
                    biasLabels.append(("b = " + TickLocator.compact(biases[layer - 1][node.index]), center))
                }
            }
            if layerSizes[layer] > Self.maximumShown {
                let gap = Self.position(layer: layer, slot: 6, shownCount: column.count, truncated: true)
                renderer.drawText("⋮", at: frame.point(x: gap.x, y: gap.y + 1), style: Theme.axisLabel, anchor: .center)
            }
        }

        let circles = nodes.flatMap { $0.map { (center: point($0), radius: radius) } }
        let placed = Self.placeLabels(
            biases: biasLabels, edges: edgeLabels, circles: circles, bounds: frame.rect, renderer: renderer)
        for label in placed { Self.drawBoxedText(label.text, in: label.box, renderer: renderer) }
    }

    /// The nodes' radius in a frame: 0.3 of the distance between neighbouring nodes, 4 to 16 points.
    func nodeRadius(_ frame: PlotFrame) -> Double {
        let unit = abs(frame.yScale.map(0) - frame.yScale.map(1))
        return max(4, min(16, unit * 0.3))
    }

    /// A placed label: its text and its box (the text centred in it, with a 3-point margin).
    struct PlacedLabel {
        var text: String
        var box: Rect
    }

    /// Places the labels one at a time, biases first (they have fewer places), each at the
    /// first of its candidate places whose box covers no node, no label placed before it and
    /// stays inside `bounds`; if every place is taken, at the one that overlaps least. A bias
    /// goes above its node, else below, else beside; a weight goes on its edge, 0.3 of the way
    /// from the source, else further along in small steps.
    static func placeLabels(
        biases: [(text: String, center: Point)], edges: [(text: String, from: Point, to: Point)],
        circles: [(center: Point, radius: Double)], bounds: Rect, renderer: any Renderer
    ) -> [PlacedLabel] {
        var placed: [PlacedLabel] = []
        func box(_ text: String, at point: Point) -> Rect {
            let extents = renderer.measure(text, style: Theme.annotation)
            return Rect(
                x: point.x - extents.width / 2 - 3, y: point.y - extents.capHeight / 2 - 3,
                width: extents.width + 6, height: extents.capHeight + 6)
        }
        func overlap(_ box: Rect) -> Double {
            var total = 0.0
            let gapped = box.inset(by: -1)
            for other in placed where other.box.intersects(gapped) {
                let w = min(gapped.maxX, other.box.maxX) - max(gapped.minX, other.box.minX)
                let h = min(gapped.maxY, other.box.maxY) - max(gapped.minY, other.box.minY)
                total += max(w, 0) * max(h, 0) + 1
            }
            for circle in circles {
                // The distance from the circle's centre to the nearest point of the box.
                let dx = max(gapped.minX - circle.center.x, 0, circle.center.x - gapped.maxX)
                let dy = max(gapped.minY - circle.center.y, 0, circle.center.y - gapped.maxY)
                let depth = circle.radius - (dx * dx + dy * dy).squareRoot()
                if depth > 0 { total += depth * depth + 1 }
            }
            let outside =
                max(bounds.minX - box.minX, 0) + max(box.maxX - bounds.maxX, 0) + max(bounds.minY - box.minY, 0)
                + max(box.maxY - bounds.maxY, 0)
            return total + outside * 100
        }
        func place(_ text: String, candidates: [Point]) {
            var best: (box: Rect, overlap: Double)?
            for candidate in candidates {
                let candidateBox = box(text, at: candidate)
                let amount = overlap(candidateBox)
                if amount == 0 {
                    best = (candidateBox, 0)
                    break
                }
                if best == nil || amount < best!.overlap { best = (candidateBox, amount) }
            }
            if let best { placed.append(PlacedLabel(text: text, box: best.box)) }
        }
        for bias in biases {
            let c = bias.center
            let r = circles.first { $0.center == c }?.radius ?? 0
            let half = box(bias.text, at: c).width / 2
            place(
                bias.text,
                candidates: [
                    Point(x: c.x, y: c.y - r - 9), Point(x: c.x, y: c.y + r + 9),
                    Point(x: c.x + r + 2 + half, y: c.y - r - 4), Point(x: c.x - r - 2 - half, y: c.y - r - 4),
                    Point(x: c.x + r + 2 + half, y: c.y + r + 4), Point(x: c.x - r - 2 - half, y: c.y + r + 4),
                    Point(x: c.x, y: c.y - r - 22), Point(x: c.x, y: c.y + r + 22),
                ])
        }
        let steps = [0.3, 0.25, 0.35, 0.2, 0.4, 0.45, 0.15, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]
        for edge in edges {
            place(
                edge.text,
                candidates: steps.map { t in
                    Point(x: edge.from.x + (edge.to.x - edge.from.x) * t, y: edge.from.y + (edge.to.y - edge.from.y) * t)
                })
        }
        return placed
    }

    /// A caption under each layer ("input (2)", "hidden (3)", "output (1)"), at the layer's x,
    /// for the axes' x ticks.
    public var layerCaptions: [Tick] {
        layerSizes.enumerated().map { layer, size in
            let name = layer == 0 ? "input" : layer == layerSizes.count - 1 ? "output" : "hidden"
            return Tick(Double(layer), "\(name) (\(size))")
        }
    }

    /// The nodes (centre and rim), points every 6 points along the edges, and where the biases
    /// are written: what a legend should not cover.
    public func occupiedPoints(in frame: PlotFrame) -> [Point] {
        let nodes = nodePositions()
        let radius = nodeRadius(frame)
        var points: [Point] = []
        for node in nodes.joined() {
            let c = frame.point(x: node.x, y: node.y)
            points.append(c)
            for k in 0..<8 {
                let angle = Double(k) * Double.pi / 4
                points.append(Point(x: c.x + radius * cos(angle), y: c.y + radius * sin(angle)))
            }
        }
        for l in 0..<(nodes.count - 1) {
            for source in nodes[l] {
                for target in nodes[l + 1] {
                    let a = frame.point(x: source.x, y: source.y)
                    let b = frame.point(x: target.x, y: target.y)
                    let steps = max(Int(a.distance(to: b) / 6), 1)
                    for k in 0...steps {
                        let t = Double(k) / Double(steps)
                        points.append(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
                    }
                }
            }
        }
        if showsValues, biases != nil {
            // Where the biases are written, above the nodes that have one.
            for node in nodes.dropFirst().joined() {
                let p = frame.point(x: node.x, y: node.y)
                for dx in stride(from: -24.0, through: 24, by: 8) {
                    points.append(Point(x: p.x + dx, y: p.y - radius - 9))
                }
            }
        }
        return points
    }

    /// Writes `text` centred in `box` on a pale rounded box that hides the edge beneath it.
    static func drawBoxedText(_ text: String, in box: Rect, renderer: any Renderer) {
        var path = Path()
        path.addRoundedRect(box, radius: 2)
        renderer.fill(path, color: Color.white.withAlpha(0.9))
        renderer.drawText(text, at: box.center, style: Theme.annotation, anchor: .center)
    }
}
