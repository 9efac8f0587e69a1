import Foundation
import Testing

@testable import Plotting

/// Figures built from awkward data still render: nothing to draw, one point, constant or
/// missing values, zeros on a log axis.
@Suite struct EdgeCaseTests {
    @Test func emptyAxesRenderWithDefaultLimits() throws {
        let figure = Figure(width: 300, height: 200)
        let axes = figure.addAxes()
        axes.scatter(points: [])
        _ = try figure.pngData()
        #expect(try #require(axes.frame).xLimits == 0...1)
    }

    @Test func aSinglePointGetsLimitsAroundIt() throws {
        let figure = Figure(width: 300, height: 200)
        let axes = figure.addAxes()
        axes.scatter(points: [(3, 3)])
        _ = try figure.pngData()
        let frame = try #require(axes.frame)
        #expect(frame.xLimits.contains(3) && frame.xLimits.upperBound > frame.xLimits.lowerBound)
    }

    @Test func constantAndMissingValuesDoNotBreakHeatmapsOrContours() throws {
        let figure = Figure(width: 300, height: 200)
        let axes = figure.addAxes()
        axes.heatmap(x: 0...1, y: 0...1, resolution: 20) { x, _ in x < 0.5 ? 1 : .nan }
        axes.contour(level: 0.5)
        _ = try figure.pngData()
    }

    @Test func nonPositiveValuesOnALogAxisAreSkipped() throws {
        let figure = Figure(width: 300, height: 200)
        let axes = figure.addAxes()
        axes.yScale = .log
        axes.line(y: [1, 0, 0.1, .nan, 0.01])
        _ = try figure.pngData()
    }

    @Test func textExtentsGrowWithTheText() throws {
        let renderer = try CairoRenderer(size: Size(width: 100, height: 100))
        let short = renderer.measure("1", style: Theme.tickLabel)
        let long = renderer.measure("1000", style: Theme.tickLabel)
        #expect(long.width > 3 * short.width)
        #expect(short.ascent > 0 && short.descent > 0)
    }
}
