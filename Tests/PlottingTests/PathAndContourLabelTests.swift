import Foundation
import Testing

@testable import Plotting

/// The gradient-descent figure: its legend names the start and the end markers, and the level
/// curves' labels keep off the path.
@Suite struct PathAndContourLabelTests {
    /// The positions of the 10-point texts (contour labels) a recording drew.
    private func annotationPositions(_ recording: RecordingRenderer) throws -> [String: Point] {
        var result: [String: Point] = [:]
        for command in recording.commands where command.hasPrefix("text ") && command.hasSuffix(" size 10") {
            let text = String(command.dropFirst(5).prefix { $0 != "@" }.dropLast())
            let at = command.split(separator: "@")[1].split(separator: " ")[0].split(separator: ",")
            result[text] = Point(x: try #require(Double(at[0])), y: try #require(Double(at[1])))
        }
        return result
    }

    /// The distance from `p` to the segment `a`–`b`.
    private func distance(_ p: Point, toSegment a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
        return p.distance(to: Point(x: a.x + t * dx, y: a.y + t * dy))
    }

    @Test func theLegendShowsTheStartAndTheEnd() throws {
        let figure = Figure(width: 560, height: 460)
        let axes = figure.addAxes()
        axes.path([(-4, 3), (-3.2, 2.4), (-2.56, 1.92)], label: "2 steps", startLabel: "start (x₀, y₀)", endLabel: "end (x₂, y₂)")
        let mark = try #require(axes.marks.first as? PathMark)
        #expect(mark.legendEntries.map(\.label) == ["2 steps", "start (x₀, y₀)", "end (x₂, y₂)"])
        #expect(mark.legendEntries.map(\.marker) == [.circle, .circle, .star])
        #expect(mark.legendEntries[1].line == nil && mark.legendEntries[2].line == nil)
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        #expect(recording.texts.contains("start (x₀, y₀)") && recording.texts.contains("end (x₂, y₂)"))
    }

    @Test func levelLabelsKeepOffAPathThatCrossesWhereTheyWouldGo() throws {
        let figure = Figure(width: 560, height: 460)
        let axes = figure.addAxes()
        let grid = ValueGrid(x: -5...5, y: -5...5, columns: 200) { x, y in x * x + y * y }
        axes.heatmap(grid)
        axes.contour(grid, levels: [1, 4, 9, 16], color: .white, width: 1, labelsLevels: true, keepsColors: true)
        // A path to the right and a little down, where labels go when nothing is in the way
        // (the point of each circle farthest along x + y / 2 in figure space).
        let path: [(Double, Double)] = (0...9).map { k in (Double(k) * 0.5, -Double(k) * 0.25) }
        axes.path(path)
        axes.equalAspect = true
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        let frame = try #require(axes.frame)
        let a = frame.point(x: path.first!.0, y: path.first!.1)
        let b = frame.point(x: path.last!.0, y: path.last!.1)
        let labels = try annotationPositions(recording)
        #expect(Set(labels.keys) == ["1", "4", "9", "16"])
        for (text, at) in labels {
            #expect(distance(at, toSegment: a, b) > 12, "label \(text) sits on the path")
        }
        // Labels do not overlap one another.
        let points = Array(labels.values)
        for i in points.indices { for j in points.indices where j > i { #expect(points[i].distance(to: points[j]) > 14) } }
    }

    @Test func whiteLevelCurvesStayWhiteOnADarkPage() throws {
        let figure = Figure(width: 300, height: 300)
        let axes = figure.addAxes()
        let grid = ValueGrid(x: -1...1, y: -1...1, columns: 100) { x, _ in x }
        axes.heatmap(grid)
        axes.contour(grid, levels: [0], color: .white, width: 3, keepsColors: true)
        axes.showsGrid = false
        let bitmap = try figure.bitmap(appearance: .dark)
        expectPixel(bitmap, at: try #require(axes.figurePoint(x: 0, y: 0.5)), equals: white, tolerance: 2)
    }
}
