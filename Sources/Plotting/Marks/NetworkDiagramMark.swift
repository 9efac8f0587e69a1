import Foundation

/// A network drawn as layers of nodes joined by edges whose colour shows the weight's sign
/// (blue positive, vermillion negative) and whose width and opacity show its size, as
/// TensorFlow Playground does.
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

    /// The colour of positive weights.
    public static let positive = Palette.color(0)
    /// The colour of negative weights.
    public static let negative = Palette.color(1)
    static let maximumShown = 12

    /// Creates a network diagram; `showsValues` defaults to true for at most 12 edges.
    public init(weights: [[[Double]]], biases: [[Double]]? = nil, showsValues: Bool? = nil) {
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
    }

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

    /// The legend rows this mark adds.
    public var legendEntries: [LegendEntry] {
        [
            LegendEntry(
                label: "positive weight", color: Self.positive, line: StrokeStyle(color: Self.positive, width: 2.5)),
            LegendEntry(
                label: "negative weight", color: Self.negative, line: StrokeStyle(color: Self.negative, width: 2.5)),
        ]
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        let nodes = nodePositions()
        let largest = max(weights.flatMap { $0.flatMap { $0 } }.map(abs).max() ?? 1, 1e-12)
        let unit = abs(frame.yScale.map(0) - frame.yScale.map(1))
        let radius = max(4, min(16, unit * 0.3))
        func point(_ node: (index: Int, x: Double, y: Double)) -> Point { frame.point(x: node.x, y: node.y) }

        var labels: [(String, Point)] = []
        for (l, matrix) in weights.enumerated() {
            for source in nodes[l] {
                for target in nodes[l + 1] {
                    let w = matrix[source.index][target.index]
                    let strength = abs(w) / largest
                    let color = (w >= 0 ? Self.positive : Self.negative).withAlpha(0.3 + 0.7 * strength)
                    let a = point(source)
                    let b = point(target)
                    renderer.stroke(
                        .segment(from: a, to: b),
                        style: StrokeStyle(color: color, width: 0.6 + 4.4 * strength, cap: .round))
                    if showsValues {
                        labels.append(
                            (TickLocator.compact(w), Point(x: a.x + (b.x - a.x) * 0.3, y: a.y + (b.y - a.y) * 0.3)))
                    }
                }
            }
        }
        for (text, at) in labels { Self.drawBoxedText(text, at: at, renderer: renderer) }

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
                    let b = biases[layer - 1][node.index]
                    Self.drawBoxedText(
                        "b = " + TickLocator.compact(b), at: Point(x: center.x, y: center.y - radius - 9),
                        renderer: renderer)
                }
            }
            if layerSizes[layer] > Self.maximumShown {
                let gap = Self.position(layer: layer, slot: 6, shownCount: column.count, truncated: true)
                renderer.drawText("⋮", at: frame.point(x: gap.x, y: gap.y + 1), style: Theme.axisLabel, anchor: .center)
            }
        }
    }

    /// A caption under each layer ("input (2)", "hidden (3)", "output (1)"), at the layer's x,
    /// for the axes' x ticks.
    public var layerCaptions: [Tick] {
        layerSizes.enumerated().map { layer, size in
            let name = layer == 0 ? "input" : layer == layerSizes.count - 1 ? "output" : "hidden"
            return Tick(Double(layer), "\(name) (\(size))")
        }
    }

    /// The nodes and points along the edges, which a legend should not cover.
    public func occupiedPoints(in frame: PlotFrame) -> [Point] {
        let nodes = nodePositions()
        var points = nodes.flatMap { $0.map { frame.point(x: $0.x, y: $0.y) } }
        for l in 0..<(nodes.count - 1) {
            for source in nodes[l] {
                for target in nodes[l + 1] {
                    for t in stride(from: 0.1, to: 1, by: 0.1) {
                        points.append(
                            frame.point(
                                x: source.x + (target.x - source.x) * t, y: source.y + (target.y - source.y) * t))
                    }
                }
            }
        }
        return points
    }

    static func drawBoxedText(_ text: String, at point: Point, renderer: any Renderer) {
        let extents = renderer.measure(text, style: Theme.annotation)
        var box = Path()
        box.addRoundedRect(
            Rect(
                x: point.x - extents.width / 2 - 3, y: point.y - extents.capHeight / 2 - 3,
                width: extents.width + 6, height: extents.capHeight + 6), radius: 2)
        renderer.fill(box, color: Color.white.withAlpha(0.9))
        renderer.drawText(text, at: point, style: Theme.annotation, anchor: .center)
    }
}
