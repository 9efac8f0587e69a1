import Testing

@testable import Plotting

@Suite struct DecisionLineTests {
    @Test func segmentEndsOnTheRectangleEdges() throws {
        // x + y − 1.5 = 0 on [−0.5, 1.5]²: from (0, 1.5) on the top edge to (1.5, 0) on the right.
        let segment = try #require(
            DecisionLineMark.segment(weights: (1, 1), bias: -1.5, x: -0.5...1.5, y: -0.5...1.5))
        let ends = [segment.start, segment.end].sorted { $0.x < $1.x }
        #expect(ends[0].x == 0 && ends[0].y == 1.5)
        #expect(ends[1].x == 1.5 && ends[1].y == 0)
    }

    @Test func verticalAndMissingLines() throws {
        let vertical = try #require(DecisionLineMark.segment(weights: (2, 0), bias: -1, x: 0...1, y: 0...4))
        #expect(vertical.start.x == 0.5 && vertical.end.x == 0.5)
        #expect(Set([vertical.start.y, vertical.end.y]) == [0, 4])
        #expect(DecisionLineMark.segment(weights: (1, 0), bias: -5, x: 0...1, y: 0...1) == nil)
        #expect(DecisionLineMark.segment(weights: (0, 0), bias: 1, x: 0...1, y: 0...1) == nil)
    }
}
