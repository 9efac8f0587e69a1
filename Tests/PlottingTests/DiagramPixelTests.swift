import Foundation
import Testing

@testable import Plotting

/// Pixels of network diagrams, gradient-descent paths and the 3-D hidden-space view.
@Suite struct DiagramPixelTests {
    @Test func networkEdgesShowTheWeightsSignAndSize() throws {
        let figure = Figure(width: 400, height: 200)
        let axes = figure.addAxes()
        axes.networkDiagram(weights: [[[2]], [[-1]]], showsValues: false)
        let bitmap = try figure.bitmap()
        // Node l sits at (l, 0): the edges' midpoints are at x = 0.5 and 1.5.
        let positive = try #require(axes.figurePoint(x: 0.5, y: 0))
        let negative = try #require(axes.figurePoint(x: 1.5, y: 0))
        // The largest weight is drawn fully opaque in the positive colour.
        expectPixel(bitmap, at: positive, equals: NetworkDiagramMark.positive.rgba8)
        let half = bitmap.color(at: negative)
        #expect(half.red > half.blue, "negative edge should be vermillion, is \(half)")
        #expect(half != NetworkDiagramMark.negative.rgba8, "a half-size weight is drawn lighter")
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
