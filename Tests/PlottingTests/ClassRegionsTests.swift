import Foundation
import Testing

@testable import Plotting

/// Hard decisions drawn as flat class regions, and a decision boundary a legend keeps off.
@Suite struct ClassRegionsTests {
    @Test func eachCellHasItsClassTintAndTheLegendAPatchPerClass() throws {
        // Class 1 inside the unit circle, class 0 outside; the score is 1 − r², its border r = 1.
        let x = -2.0...2.0
        let score = ValueGrid(x: x, y: x, columns: 80) { x, y in 1 - x * x - y * y }
        let classes = ValueGrid(values: score.values.map { $0.map { $0 >= 0 ? 1 : 0 } }, x: x, y: x)
        let figure = Figure(width: 400, height: 400)
        let axes = figure.addAxes()
        axes.classRegions(classes, labels: ["outside", "inside"], boundaryLabel: "boundary", score: score, level: 0)
        axes.equalAspect = true
        axes.legendPlacement = .hidden
        for appearance in [Appearance.light, .dark] {
            let bitmap = try figure.bitmap(appearance: appearance)
            expectPixel(
                bitmap, at: try #require(axes.figurePoint(x: 0.1, y: 0.2)),
                equals: appearance.color(Palette.regionTint(1)).rgba8)
            expectPixel(
                bitmap, at: try #require(axes.figurePoint(x: 1.7, y: -1.6)),
                equals: appearance.color(Palette.regionTint(0)).rgba8)
        }
        let regions = try #require(axes.marks.first as? ClassRegionsMark)
        #expect(regions.legendEntries.map(\.label) == ["outside", "inside"])
        #expect(regions.legendEntries.allSatisfy { $0.marker == nil && $0.line == nil })
        // The border is traced on the score, so it is the smooth circle, not the cells' staircase.
        let border = try #require(axes.marks.last as? ContourMark)
        #expect(border.grid.values == score.values)
        for line in MarchingSquares.polylines(border.grid, level: 0) {
            for p in line { #expect(abs((p.x * p.x + p.y * p.y).squareRoot() - 1) < 0.01) }
        }
    }

    @Test func aLegendDoesNotCoverANamedBoundary() throws {
        let grid = ValueGrid(x: 0...1, y: 0...1, columns: 50) { x, y in x + y }
        let named = ContourMark(grid: grid, levels: [1], label: "boundary")
        let unnamed = ContourMark(grid: grid, levels: [1])
        let frame = PlotFrame(
            rect: Rect(x: 0, y: 0, width: 100, height: 100),
            xScale: Scale(kind: .linear, lower: 0, upper: 1, start: 0, end: 100),
            yScale: Scale(kind: .linear, lower: 0, upper: 1, start: 100, end: 0))
        #expect(unnamed.occupiedPoints(in: frame).isEmpty)
        let points = named.occupiedPoints(in: frame)
        #expect(points.count >= 15)
        // Along the diagonal x + y = 1, every 6 to 9 points.
        for p in points { #expect(abs(p.x - p.y) < 1.5) }
    }
}
