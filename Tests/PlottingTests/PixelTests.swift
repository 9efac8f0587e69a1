import Foundation
import Testing

@testable import Plotting

/// Renders real figures through Cairo and checks pixels at places the scales predict.
@Suite struct PixelTests {
    @Test func classOnePointHasTheClassOneColourWhereTheScaleMapsIt() throws {
        let figure = Figure(width: 320, height: 300)
        let axes = figure.addAxes()
        axes.scatter(points: [(0, 0), (0, 1), (1, 0), (1, 1)], classes: [0, 0, 0, 1])
        axes.legendPlacement = .hidden
        let bitmap = try figure.bitmap()
        let point = try #require(axes.figurePoint(x: 1, y: 1))
        expectPixel(bitmap, at: point, equals: Palette.color(1).rgba8)
        let origin = try #require(axes.figurePoint(x: 0, y: 0))
        expectPixel(bitmap, at: origin, equals: Palette.color(0).rgba8)
        // Between the points (and off the grid lines) there is only background.
        expectPixel(bitmap, at: try #require(axes.figurePoint(x: 0.35, y: 0.65)), equals: white)
    }

    @Test func heatmapCellHasTheColourMapsColour() throws {
        let grid = ValueGrid(x: 0...4, y: 0...3, columns: 4, rows: 3) { x, y in x + 10 * y }
        let figure = Figure(width: 400, height: 300)
        let axes = figure.addAxes()
        axes.heatmap(grid, colormap: .viridis, range: 0...40)
        let bitmap = try figure.bitmap()
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let x = grid.xCenter(ofColumn: column)
                let y = grid.yCenter(ofRow: row)
                let expected = Colormap.viridis.color(for: grid.values[row][column], in: 0...40).rgba8
                expectPixel(bitmap, at: try #require(axes.figurePoint(x: x, y: y)), equals: expected)
            }
        }
    }

    @Test func contourOfTheParaboloidPassesThroughTheCircle() throws {
        let r = 0.5.squareRoot()
        let figure = Figure(width: 400, height: 400)
        let axes = figure.addAxes()
        axes.contour(ValueGrid(x: -1...1, y: -1...1, columns: 200) { x, y in x * x + y * y }, levels: [0.5])
        axes.equalAspect = true
        axes.showsGrid = false
        let bitmap = try figure.bitmap()
        for angle in stride(from: 0.0, to: 2 * Double.pi, by: Double.pi / 6) {
            let onCircle = try #require(axes.figurePoint(x: r * cos(angle), y: r * sin(angle)))
            #expect(isDark(bitmap.color(at: onCircle)), "contour missing at angle \(angle)")
            let inside = try #require(axes.figurePoint(x: 0.8 * r * cos(angle), y: 0.8 * r * sin(angle)))
            expectPixel(bitmap, at: inside, equals: white)
            let outside = try #require(axes.figurePoint(x: 1.2 * r * cos(angle), y: 1.2 * r * sin(angle)))
            expectPixel(bitmap, at: outside, equals: white)
        }
    }

    @Test func decisionLineRunsFromEdgeToEdgeOfTheAxes() throws {
        let figure = Figure(width: 400, height: 400)
        let axes = figure.addAxes()
        axes.xLimits = -0.5...1.5
        axes.yLimits = -0.5...1.5
        axes.showsGrid = false
        axes.decisionLine(weights: [1, 1], bias: -1.5, color: .black)
        let bitmap = try figure.bitmap()
        let frame = try #require(axes.frame)
        // Ends: (0, 1.5) on the top edge and (1.5, 0) on the right edge; just inside each end
        // the line is drawn, and a little off the line it is not.
        let top = frame.point(x: 0.01, y: 1.49)
        let right = frame.point(x: 1.49, y: 0.01)
        #expect(isDark(bitmap.color(at: top)))
        #expect(isDark(bitmap.color(at: right)))
        #expect(abs(frame.point(x: 0, y: 1.5).y - frame.rect.minY) < 1e-9)
        #expect(abs(frame.point(x: 1.5, y: 0).x - frame.rect.maxX) < 1e-9)
        expectPixel(bitmap, at: frame.point(x: 0.3, y: 0.3), equals: white)
        // Beyond the plot area (past the top edge) the clip stops the line.
        expectPixel(bitmap, at: Point(x: top.x - 3, y: frame.rect.minY - 6), equals: white)
    }

    @Test func lineCurvePassesThroughItsPoints() throws {
        let figure = Figure(width: 400, height: 300)
        let axes = figure.addAxes()
        axes.showsGrid = false
        axes.line(y: [4, 3, 2, 1], color: Palette.color(2), width: 3)
        let bitmap = try figure.bitmap()
        for epoch in 1...4 {
            let point = try #require(axes.figurePoint(x: Double(epoch), y: Double(5 - epoch)))
            expectPixel(bitmap, at: point, equals: Palette.color(2).rgba8, tolerance: 40)
        }
    }
}
