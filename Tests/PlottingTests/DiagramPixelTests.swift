import Foundation
import Testing

@testable import Plotting

/// Pixels of network diagrams, gradient-descent paths and the 3-D hidden-space view.
@Suite struct DiagramPixelTests {
    @Test func networkEdgesShowTheWeightsSignAndSize() throws {
        let figure = Figure(width: 400, height: 200)
        let axes = figure.addAxes()
        axes.networkDiagram(weights: [[[20]], [[-2]]], showsValues: false)
        axes.legendPlacement = .hidden
        let bitmap = try figure.bitmap()
        // Node l sits at (l, 0): the edges' midpoints are at x = 0.5 and 1.5.
        let positive = try #require(axes.figurePoint(x: 0.5, y: 0))
        let negative = try #require(axes.figurePoint(x: 1.5, y: 0))
        // A weight of the full-width size is drawn fully opaque in the positive colour.
        expectPixel(bitmap, at: positive, equals: NetworkDiagramMark.positive.rgba8)
        let smaller = bitmap.color(at: negative)
        #expect(smaller.red > smaller.blue, "negative edge should be vermillion, is \(smaller)")
        #expect(smaller != NetworkDiagramMark.negative.rgba8, "a smaller weight is drawn lighter")
    }

    /// A network before training (small weights) and after (large ones) are drawn on one scale:
    /// the same weight has the same width and colour in both, whatever the largest weight.
    @Test func beforeAndAfterDiagramsShareOneEdgeScale() throws {
        func midpointColour(_ weights: [[[Double]]]) throws -> RGBA8 {
            let figure = Figure(width: 400, height: 300)
            let axes = figure.addAxes()
            axes.networkDiagram(weights: weights, showsValues: false)
            axes.legendPlacement = .hidden
            let bitmap = try figure.bitmap()
            // The edge from input 0 to the single hidden node, at its midpoint.
            let mark = try #require(axes.marks.first as? NetworkDiagramMark)
            let nodes = mark.nodePositions()
            let a = nodes[0][0]
            let b = nodes[1][0]
            return bitmap.color(at: try #require(axes.figurePoint(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)))
        }
        let before = try midpointColour([[[0.5], [0.3]], [[0.4]]])
        let after = try midpointColour([[[0.5], [9]], [[17]]])
        #expect(before == after)
        #expect(
            NetworkDiagramMark.edgeStrength(0.5, fullAt: 20) < NetworkDiagramMark.edgeStrength(17, fullAt: 20))
        #expect(NetworkDiagramMark.edgeStrength(40, fullAt: 20) == 1)
    }

    /// Weights and biases written on a diagram never overlap one another or a node, in the
    /// column's size and in a phone's (the trained 2-3-1 circles network, whose labels used to
    /// touch).
    @Test(arguments: [600.0, 340.0])
    func weightAndBiasLabelsNeverCollide(width: Double) throws {
        let weights: [[[Double]]] = [
            [[7.458, 1.758, -2.078], [-5.542, -7.172, -5.231]], [[-17.471], [17.082], [-17.404]],
        ]
        let biases: [[Double]] = [[-3.95, 3.761, -3.809], [-4.705]]
        let figure = Figure(width: width, height: 400)
        let axes = figure.addAxes()
        axes.networkDiagram(weights: weights, biases: biases)
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        let frame = try #require(axes.frame)
        let mark = try #require(axes.marks.first as? NetworkDiagramMark)
        let radius = mark.nodeRadius(frame)
        let circles = mark.nodePositions().joined().map { frame.point(x: $0.x, y: $0.y) }
        // The labels are the 10-point texts; their boxes as the mark draws them.
        let boxes: [(String, Rect)] = try recording.commands.compactMap { command in
            guard command.hasPrefix("text "), command.hasSuffix(" size 10") else { return nil }
            let text = String(command.dropFirst(5).prefix { $0 != "@" }.dropLast())
            let at = command.split(separator: "@")[1].split(separator: " ")[0].split(separator: ",")
            let x = try #require(Double(at[0]))
            let y = try #require(Double(at[1]))
            let extents = recording.measure(text, style: Theme.annotation)
            return (text, Rect(x: x - extents.width / 2 - 3, y: y - extents.capHeight / 2 - 3, width: extents.width + 6, height: extents.capHeight + 6))
        }
        #expect(boxes.count == 9 + 4)
        for (i, (text, box)) in boxes.enumerated() {
            #expect(frame.rect.contains(Point(x: box.minX, y: box.minY)) && frame.rect.contains(Point(x: box.maxX, y: box.maxY)), "\(text) leaves the plot")
            for (other, otherBox) in boxes[(i + 1)...] {
                #expect(!box.intersects(otherBox), "\(text) overlaps \(other)")
            }
            for centre in circles {
                let dx = max(box.minX - centre.x, 0, centre.x - box.maxX)
                let dy = max(box.minY - centre.y, 0, centre.y - box.maxY)
                #expect((dx * dx + dy * dy).squareRoot() >= radius, "\(text) covers a node")
            }
        }
    }

    @Test func layerSizesComeFromTheWeightShapes() {
        let w1 = [[Double]](repeating: [Double](repeating: 0.1, count: 16), count: 784)
        let w2 = [[Double]](repeating: [Double](repeating: 0.1, count: 10), count: 16)
        let mark = NetworkDiagramMark(weights: [w1, w2])
        #expect(mark.layerSizes == [784, 16, 10])
        #expect(NetworkDiagramMark.shownNodes(784) == [0, 1, 2, 3, 4, 5, 779, 780, 781, 782, 783])
        #expect(mark.showsValues == false)
    }

    @Test func gradientDescentPathStartsAndEndsWhereTheIteratesAre() throws {
        let figure = Figure(width: 400, height: 400)
        let axes = figure.addAxes()
        axes.showsGrid = false
        axes.path([(-4, 3), (-3.2, 2.4), (-2.56, 1.92)], color: Palette.color(1))
        let bitmap = try figure.bitmap()
        for (x, y) in [(-4.0, 3.0), (-3.2, 2.4), (-2.56, 1.92)] {
            expectPixel(bitmap, at: try #require(axes.figurePoint(x: x, y: y)), equals: Palette.color(1).rgba8)
        }
    }

    @Test func hiddenSpacePointIsDrawnWhereTheProjectionPutsIt() throws {
        let figure = Figure(width: 400, height: 400)
        let axes = figure.addAxes()
        let points: [[Double]] = [[0, 0, 0], [1, 1, 1]]
        axes.projection3D(points: points, classes: [0, 1])
        axes.legendPlacement = .hidden
        let bitmap = try figure.bitmap()
        let mark = try #require(axes.marks.first as? Projection3DMark)
        for (index, point) in points.enumerated() {
            let u = (0..<3).map { mark.normalized(point[$0], dimension: $0) }
            let projected = mark.project(u)
            expectPixel(
                bitmap, at: try #require(axes.figurePoint(x: projected.x, y: projected.y)),
                equals: Palette.color(index).rgba8)
        }
    }

    @Test func projectionKeepsTheVerticalAxisVertical() {
        let mark = Projection3DMark(points: [[0, 0, 0], [1, 1, 1]])
        let low = mark.project([0, 0, -0.5])
        let high = mark.project([0, 0, 0.5])
        #expect(abs(low.x - high.x) < 1e-12)
        #expect(high.y > low.y)
    }
}
