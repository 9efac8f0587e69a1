import Foundation
import Testing

@testable import Plotting

/// Limits, scales, legends, colorbars and panels.
@Suite struct AxesTests {
    @Test func limitsAddAFivePercentMarginButStopAtHeatmapEdges() throws {
        let figure = Figure()
        let loose = figure.addAxes(row: 0, column: 0, rows: 1, columns: 2)
        loose.scatter(points: [(0, 0), (10, 1)])
        let tight = figure.addAxes(row: 0, column: 1, rows: 1, columns: 2)
        tight.heatmap(x: -1...1, y: -1...1, resolution: 10) { x, y in x * y }
        tight.scatter(points: [(0, 0.5)])
        _ = try figure.bitmap()
        let looseFrame = try #require(loose.frame)
        #expect(looseFrame.xLimits == -0.5...10.5)
        let tightFrame = try #require(tight.frame)
        #expect(tightFrame.xLimits == -1...1)
        #expect(tightFrame.yLimits == -1...1)
    }

    @Test func logAxisMapsDecadesToEqualDistances() throws {
        let figure = Figure(width: 400, height: 300)
        let axes = figure.addAxes()
        axes.yScale = .log
        axes.showsGrid = false
        axes.line(y: [1, 0.1, 0.01], color: Palette.color(0), width: 3)
        let bitmap = try figure.bitmap()
        let frame = try #require(axes.frame)
        let a = frame.point(x: 1, y: 1).y
        let b = frame.point(x: 2, y: 0.1).y
        let c = frame.point(x: 3, y: 0.01).y
        #expect(abs((b - a) - (c - b)) < 1e-9)
        expectPixel(bitmap, at: frame.point(x: 2, y: 0.1), equals: Palette.color(0).rgba8, tolerance: 40)
    }

    @Test func equalAspectGivesBothAxesTheSameUnit() throws {
        let figure = Figure(width: 600, height: 300)
        let axes = figure.addAxes()
        axes.scatter(points: [(0, 0), (4, 1)])
        axes.equalAspect = true
        _ = try figure.bitmap()
        let frame = try #require(axes.frame)
        let xUnit = frame.xScale.map(1) - frame.xScale.map(0)
        let yUnit = frame.yScale.map(0) - frame.yScale.map(1)
        #expect(abs(xUnit - yUnit) < 0.02 * xUnit)
    }

    @Test func bestLegendAvoidsTheData() {
        let legend = Legend(entries: [LegendEntry(label: "class 0", color: .black, marker: .circle)])
        let plot = Rect(x: 0, y: 0, width: 400, height: 300)
        let size = Size(width: 80, height: 30)
        // Data crowd the upper right, so the legend goes to the upper left.
        let crowded = (0..<50).map { Point(x: 300 + Double($0), y: 10 + Double($0 % 10)) }
        let origin = legend.origin(for: .best, plot: plot, size: size, occupied: crowded)
        #expect(origin.x < 200 && origin.y < 150)
    }

    @Test func colorbarShowsTheColourMapFromBottomToTop() throws {
        let figure = Figure(width: 420, height: 320)
        let axes = figure.addAxes()
        axes.heatmap(x: 0...1, y: 0...1, resolution: 8, colormap: .viridis, range: 0...1, colorbar: "value") { x, _ in x
        }
        let bitmap = try figure.bitmap()
        let plot = try #require(axes.frame).rect
        let barX = plot.maxX + Colorbar.gap + Colorbar.barWidth / 2
        // One point inside the ends is one or two of the 256 table rows in, which differ from
        // the end colours by a few levels at most.
        expectPixel(
            bitmap, at: Point(x: barX, y: plot.maxY - 1), equals: Colormap.viridis.color(at: 0).rgba8, tolerance: 4)
        expectPixel(
            bitmap, at: Point(x: barX, y: plot.minY + 1), equals: Colormap.viridis.color(at: 1).rgba8, tolerance: 4)
        #expect(
            bitmap.color(at: Point(x: barX, y: plot.center.y)).distance(to: Colormap.viridis.color(at: 0.5).rgba8) <= 4)
    }

    @Test func panelsSitSideBySide() throws {
        let figure = Figure(width: 800, height: 300)
        let panels = figure.addAxesGrid(rows: 1, columns: 2)
        for axes in panels { axes.line(y: [1, 2, 3]) }
        _ = try figure.bitmap()
        let left = try #require(panels[0].frame).rect
        let right = try #require(panels[1].frame).rect
        #expect(left.maxX < right.minX)
        #expect(left.maxX < 400 && right.minX > 400)
    }

    @Test func sigmoidFunctionPlotPassesThroughOneHalfAtZero() throws {
        let figure = Figure(width: 400, height: 300)
        let axes = figure.addAxes()
        axes.showsGrid = false
        axes.function({ 1 / (1 + exp(-$0)) }, over: -4...4, color: Palette.color(2), width: 3)
        let bitmap = try figure.bitmap()
        expectPixel(
            bitmap, at: try #require(axes.figurePoint(x: 0, y: 0.5)), equals: Palette.color(2).rgba8, tolerance: 40)
        expectPixel(bitmap, at: try #require(axes.figurePoint(x: 0, y: 0.8)), equals: white)
    }

    @Test func epochAxesTickOnWholeNumbers() {
        let ticks = TickLocator.linear(lower: 0.55, upper: 10.45, target: 4, integers: true)
        #expect(ticks.map(\.value) == [2, 4, 6, 8, 10])
    }
}

@Suite struct OutsideLegendTests {
    @Test func outsideLegendSitsBeyondTheColorbar() throws {
        let figure = Figure(width: 640, height: 400)
        let axes = figure.addAxes()
        axes.decisionRegions(x: -1...1, y: -1...1, resolution: 20) { x, _ in x > 0 ? 1 : 0 }
        axes.scatter(points: [(0.5, 0.5)], classes: [1])
        axes.legendPlacement = .outsideRight
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        let frame = try #require(axes.frame)
        let colorbarRight = frame.rect.maxX + Colorbar.gap + Colorbar.barWidth
        // The legend's label "class 1" starts to the right of the colorbar and its tick labels.
        let label = try #require(recording.commands.first { $0.hasPrefix("text class 1 @") })
        let x = try #require(
            Double(label.split(separator: "@")[1].split(separator: ",")[0].trimmingCharacters(in: .whitespaces)))
        #expect(x > colorbarRight + 20)
        #expect(x < figure.width)
    }
}
