import Testing

@testable import Plotting

@Suite struct TickTests {
    @Test func linearTicksAreNiceMultiples() {
        let ticks = TickLocator.linear(lower: -0.08, upper: 1.08, target: 6)
        #expect(ticks.map(\.value) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func negativeLabelsUseATrueMinusSign() {
        let ticks = TickLocator.linear(lower: -2, upper: 2, target: 4)
        #expect(ticks.map(\.label) == ["\u{2212}2", "\u{2212}1", "0", "1", "2"])
    }

    @Test func stepsOfTwoAndAHalfGetAnExtraDecimal() {
        #expect(TickLocator.format(0.25, step: 0.25) == "0.25")
        #expect(TickLocator.format(25, step: 25) == "25")
    }

    @Test func logTicksAreDecades() {
        let ticks = TickLocator.log(lower: 0.001, upper: 10)
        #expect(ticks.map(\.value) == [0.001, 0.01, 0.1, 1, 10])
        #expect(ticks.map(\.label) == ["0.001", "0.01", "0.1", "1", "10"])
    }

    @Test func narrowLogRangesAddTwoAndFive() {
        let ticks = TickLocator.log(lower: 0.04, upper: 0.7)
        #expect(ticks.map(\.label) == ["0.05", "0.1", "0.2", "0.5"])
    }

    @Test func logTicksOfHugeOrInfiniteLimitsAreEmptyNotACrash() {
        #expect(TickLocator.log(lower: 1, upper: .infinity).isEmpty)
        #expect(TickLocator.log(lower: 1, upper: .greatestFiniteMagnitude).isEmpty)
    }

    @Test func logRangesWithinADecadeFallBackToLinearTicks() {
        let ticks = TickLocator.log(lower: 0.31, upper: 0.36)
        #expect(ticks.count >= 2)
        #expect(ticks.allSatisfy { (0.31...0.36).contains($0.value) })
    }

    @Test func scalesMapAndInvert() {
        let linear = Scale(kind: .linear, lower: -1, upper: 3, start: 100, end: 500)
        #expect(linear.map(1) == 300)
        #expect(linear.invert(400) == 2)
        let log = Scale(kind: .log, lower: 0.01, upper: 1, start: 0, end: 200)
        #expect(abs(log.map(0.1) - 100) < 1e-9)
    }
}
