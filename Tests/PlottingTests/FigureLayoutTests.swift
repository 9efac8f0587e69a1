import Foundation
import Testing

@testable import Plotting

/// Figures drawn narrower than their own size: small multiples flow into fewer columns and grow
/// in height, titles break into lines, and an outside legend goes under a narrow plot.
@Suite struct FigureLayoutTests {
    /// Eight 230-point panels, four per row, as `boundaries-per-epoch` draws them.
    private func smallMultiples(count: Int = 8, columns: Int = 4) -> Figure {
        let rows = (count + columns - 1) / columns
        let figure = Figure(width: Double(columns) * 230 + 10, height: Double(rows) * 230 + 40)
        figure.title = "The perceptron's boundary after each epoch"
        for index in 0..<count {
            let axes = figure.addAxes(row: index / columns, column: index % columns, rows: rows, columns: columns)
            axes.title = "epoch \(index + 1): 2 errors"
            axes.scatter(points: [(0, 0), (1, 1)], classes: [0, 1])
            axes.legendPlacement = .hidden
        }
        return figure
    }

    @Test func aFigureThatFitsKeepsItsOwnLayoutAndBytes() throws {
        let figure = Figure(width: 480, height: 420)
        figure.addAxes().scatter(points: [(0, 0), (1, 1)], classes: [0, 1])
        #expect(figure.layout(fittingWidth: 780) == figure.naturalLayout)
        #expect(try figure.pngData(layout: figure.layout(fittingWidth: 780)) == figure.pngData())
    }

    @Test func smallMultiplesFlowIntoFewerColumnsAndGrowInHeight() throws {
        let figure = smallMultiples()
        #expect(figure.panelGrid?.rows == 2 && figure.panelGrid?.columns == 4)

        let wide = figure.layout(fittingWidth: 780)
        #expect(wide.width == 780 && wide.columns == 3)
        #expect(wide.height > figure.height)  // three rows instead of two

        let narrow = figure.layout(fittingWidth: 340, shortestHeightFraction: 1)
        #expect(narrow.width == 340 && narrow.columns == 1)
        #expect(narrow.height > 8 * 300)

        // Drawn narrow, every panel is one below the other, as wide as the figure allows.
        let bitmap = try figure.bitmap(layout: narrow)
        #expect(bitmap.width == 680)
        let frames = figure.axes.compactMap(\.frame)
        #expect(frames.count == 8)
        for (above, below) in zip(frames, frames.dropFirst()) {
            #expect(below.rect.minY > above.rect.maxY)
            #expect(abs(below.rect.minX - above.rect.minX) < 1)
        }
        for frame in frames {
            #expect(frame.rect.minX > 0 && frame.rect.maxX < 340)
            #expect(frame.rect.width > 230, "a panel grows to the narrow figure's width")
        }
    }

    @Test func imageGridsKeepTheirCellsAndWrap() {
        let blank = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)
        let figure = Figure.imageGrid(Array(repeating: blank, count: 24), columns: 12)
        #expect(figure.width == 12 * 72 + 8)
        #expect(figure.layout(fittingWidth: 780).columns == 10)
        #expect(figure.layout(fittingWidth: 340).columns == 4)
    }

    @Test func spanningPanelsKeepTheirGrid() {
        let figure = Figure(width: 900, height: 400)
        figure.addAxes(row: 0, column: 0, rows: 1, columns: 3, columnSpan: 2)
        figure.addAxes(row: 0, column: 2, rows: 1, columns: 3)
        #expect(figure.panelGrid == nil)
        let layout = figure.layout(fittingWidth: 340)
        #expect(layout.width == 340 && layout.columns == nil)
    }

    @Test func aLongTitleBreaksIntoLinesThatFit() throws {
        let figure = smallMultiples(count: 2, columns: 2)
        let recording = RecordingRenderer()
        let narrow = figure.layout(fittingWidth: 240)
        figure.draw(with: recording, layout: narrow)
        let texts = recording.texts
        #expect(!texts.contains("The perceptron's boundary after each epoch"))
        #expect(texts.contains("The perceptron's boundary"))
        #expect(texts.contains("after each epoch"))
        // Every text lies inside the figure (the recording measures 0.6 em per character).
        for command in recording.commands where command.hasPrefix("text ") {
            let text = String(command.dropFirst(5).prefix { $0 != "@" }.dropLast())
            let parts = command.split(separator: "@")[1].split(separator: " ")[0].split(separator: ",")
            let x = try #require(Double(parts[0]))
            let size = try #require(Double(command.split(separator: " ").last!))
            let half = 0.6 * size * Double(text.count) / 2
            #expect(x - half >= -0.5 && x + half <= narrow.width + 0.5, "\(command)")
        }
        // The panels start below the two lines of the title.
        let frame = try #require(figure.axes[0].frame)
        #expect(frame.rect.minY > 4 + 2 * 14)
    }

    @Test func aLegendThatWouldCoverMuchOfASmallPlotGoesOutside() throws {
        func legendIsInside(width: Double) throws -> Bool {
            let figure = Figure(width: width, height: width)
            let axes = figure.addAxes()
            axes.path([(-4, 3), (-2, 1.5), (0, 0)], label: "30 steps of −α ∇f", startLabel: "start (x₀, y₀)", endLabel: "end (x₃₀, y₃₀)")
            axes.xLimits = -5...5
            axes.yLimits = -5...5
            let recording = RecordingRenderer()
            figure.draw(with: recording)
            let plot = try #require(axes.frame).rect
            let command = try #require(recording.commands.first { $0.hasPrefix("text start (x₀, y₀) @") })
            let at = command.split(separator: "@")[1].split(separator: " ")[0].split(separator: ",")
            return plot.contains(Point(x: try #require(Double(at[0])), y: try #require(Double(at[1]))))
        }
        // The same legend takes a small part of a 560-point plot, too much of a 240-point one.
        #expect(try legendIsInside(width: 560))
        #expect(try !legendIsInside(width: 240))
    }

    @Test func aLegendBelowWiderThanItsPanelStartsInsideTheFigure() throws {
        let figure = Figure(width: 500, height: 300)
        let panels = figure.addAxesGrid(rows: 1, columns: 2)
        panels[0].legendPlacement = .below
        panels[0].line(x: [0, 1], y: [0, 1], label: String(repeating: "2–16–batch-norm–", count: 4) + "1")
        panels[1].line(x: [0, 1], y: [1, 0])
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        let command = try #require(recording.commands.first { $0.hasPrefix("text 2–16–batch-norm") })
        let x = try #require(Double(command.split(separator: "@")[1].split(separator: ",")[0].trimmingCharacters(in: .whitespaces)))
        #expect(x > 0)
    }

    @Test func aNarrowSquarePlotLosesTheBandsAboveAndBelowIt() throws {
        let figure = Figure(width: 680, height: 460)
        let axes = figure.addAxes()
        axes.scatter(points: [(0, 0), (1, 1)], classes: [0, 1])
        axes.equalAspect = true
        axes.xLimits = 0...1
        axes.yLimits = 0...1
        let narrow = figure.layout(fittingWidth: 340, shortestHeightFraction: 1)
        #expect(narrow.height == 460)
        _ = try figure.bitmap(layout: narrow)
        let before = try #require(axes.frame).rect
        let trimmed = figure.trimmed(narrow)
        #expect(trimmed.width == 340 && trimmed.height < 460 - 100)
        _ = try figure.bitmap(layout: trimmed)
        let after = try #require(axes.frame).rect
        // The plot keeps its size; only the empty bands went.
        #expect(abs(after.width - before.width) < 1 && abs(after.height - before.height) < 1)
        #expect(after.maxY < trimmed.height)

        // A plot that fills its cell (no equal aspect) keeps its layout.
        let line = Figure(width: 680, height: 400)
        line.addAxes().line(y: [3, 2, 1])
        let lineNarrow = line.layout(fittingWidth: 340, shortestHeightFraction: 1)
        #expect(line.trimmed(lineNarrow) == lineNarrow)
    }

    @Test func anOutsideLegendGoesUnderANarrowPlot() throws {
        let figure = Figure(width: 680, height: 460)
        let axes = figure.addAxes()
        axes.decisionRegions(x: -1...1, y: -1...1, resolution: 20) { x, _ in x > 0 ? 1 : 0 }
        axes.scatter(points: [(0.5, 0.5), (-0.5, -0.5)], classes: [1, 0], classNames: ["inner", "outer"])
        axes.legendPlacement = .outsideRight

        func legendLabel(in layout: FigureLayout) throws -> (x: Double, y: Double, plot: Rect) {
            let recording = RecordingRenderer()
            figure.draw(with: recording, layout: layout)
            let command = try #require(recording.commands.first { $0.hasPrefix("text inner @") })
            let parts = command.split(separator: "@")[1].split(separator: " ")[0].split(separator: ",")
            return (try #require(Double(parts[0])), try #require(Double(parts[1])), try #require(axes.frame).rect)
        }
        let wide = try legendLabel(in: figure.naturalLayout)
        #expect(wide.x > wide.plot.maxX && wide.y < wide.plot.maxY, "beside the plot in the wide figure")
        let narrow = try legendLabel(in: figure.layout(fittingWidth: 340, shortestHeightFraction: 1))
        #expect(narrow.y > narrow.plot.maxY + 20, "under the plot and its x labels in the narrow figure")
        #expect(narrow.x < 340)
        #expect(narrow.plot.width > 150, "the plot keeps its room")
    }
}

