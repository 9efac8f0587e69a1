import Foundation
import Testing

@testable import Plotting

@Suite struct MarchingSquaresTests {
    @Test func levelCurveOfTheParaboloidIsACircle() throws {
        let grid = ValueGrid(x: -2...2, y: -2...2, columns: 120) { x, y in x * x + y * y }
        let lines = MarchingSquares.polylines(grid, level: 1)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        // Closed: it ends where it starts.
        #expect(line.first!.x == line.last!.x && line.first!.y == line.last!.y)
        for point in line {
            #expect(abs(hypot(point.x, point.y) - 1) < 0.01)
        }
    }

    @Test func saddlesAreSplitByTheCentreValue() {
        // Two high opposite corners and a high centre: one band joins them.
        let grid = ValueGrid(values: [[1, 0], [0, 1]], x: 0...2, y: 0...2)
        #expect(MarchingSquares.polylines(grid, level: 0.5).count == 2)
    }

    @Test func aConstantGridHasNoContour() {
        let grid = ValueGrid(values: [[1, 1], [1, 1]], x: 0...1, y: 0...1)
        #expect(MarchingSquares.polylines(grid, level: 0.5).isEmpty)
    }
}
