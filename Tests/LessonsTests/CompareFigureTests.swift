import Testing
@testable import LessonRuntime

/// The comparison figure's accuracy axis is zoomed to where the runs end up.
@Suite struct CompareFigureTests {
    @Test func accuracyRunsThatEndCloseTogetherGetAnAxisOfTheirOwnRange() {
        // Three runs that end between 0.88 and 0.98 after a slow first epoch.
        let curves: [[Double]] = [
            [0.43, 0.75, 0.82, 0.85, 0.86, 0.87, 0.88, 0.885],
            [0.75, 0.89, 0.91, 0.92, 0.93, 0.935, 0.94, 0.945],
            [0.86, 0.93, 0.95, 0.97, 0.975, 0.98, 0.98, 0.981],
        ]
        let limits = CompareCell.accuracyLimits(curves)
        // The last three quarters run from 0.82 to 0.981: the axis covers them with a margin.
        #expect(limits.lowerBound > 0.8 && limits.lowerBound < 0.82)
        #expect(limits.upperBound > 0.981 && limits.upperBound < 1)
        // On the old full axis the three ends took 9 % of its height; now most of it.
        #expect((0.981 - 0.885) / (limits.upperBound - limits.lowerBound) > 0.5)
    }

    @Test func aRunThatNeverLearnsKeepsTheWholeRangeInView() {
        let limits = CompareCell.accuracyLimits([[0.1, 0.11, 0.11, 0.11], [0.78, 0.9, 0.93, 0.94], [.nan, .nan, .nan, .nan]])
        #expect(limits.lowerBound < 0.11 && limits.upperBound > 0.94)
        #expect(limits.lowerBound >= -0.02 && limits.upperBound <= 1.02)
    }

    @Test func flatOrMissingCurvesGetASensibleAxis() {
        let flat = CompareCell.accuracyLimits([[1, 1, 1, 1]])
        #expect(flat.upperBound == 1.02 && flat.lowerBound < 0.98)
        #expect(CompareCell.accuracyLimits([]) == -0.02...1.02)
        #expect(CompareCell.accuracyLimits([[.nan]]) == -0.02...1.02)
    }
}
