import Testing
@testable import LessonRuntime

/// A rounded number must not look exact, and a confusion caption names every tied pair.
@Suite struct RoundedNumberTests {
    @Test func aRoundedNumberKeepsItsTrailingZeros() {
        #expect(NumberText.format(1.0000599, significantDigits: 4) == "1.000")
        #expect(NumberText.format(-0.30000000000000004, significantDigits: 4) == "−0.3000")
        #expect(NumberText.format(9.99999, significantDigits: 4) == "10.00")
        #expect(NumberText.format(2.0000001e-12, significantDigits: 2) == "2.0×10⁻¹²")
        #expect(NumberText.tex(1.0000599, significantDigits: 4) == "1.000")
        #expect(NumberText.tex(-2.0000001e-12, significantDigits: 2) == "-2.0 \\times 10^{-12}")
    }

    @Test func aNumberShownInFullIsWrittenAsItIs() {
        #expect(NumberText.format(1, significantDigits: 4) == "1")
        #expect(NumberText.format(0.25, significantDigits: 4) == "0.25")
        #expect(NumberText.format(-1.5, significantDigits: 4) == "−1.5")
        #expect(NumberText.format(123_456, significantDigits: 4) == "123456")
        #expect(NumberText.format(0.006123, significantDigits: 4) == "0.006123")
        #expect(NumberText.format(0.0061234, significantDigits: 4) == "0.006123")
        #expect(NumberText.format(-3.7007434154171886e-13, significantDigits: 4) == "−3.701×10⁻¹³")
        #expect(NumberText.format(.infinity, significantDigits: 4) == "∞")
        #expect(NumberText.tex(0, significantDigits: 2) == "0")
    }

    @Test func aConfusionCaptionNamesEveryTiedPair() {
        let names = ["0", "1", "2"]
        #expect(ConfusionPlot.mostFrequentConfusion([[5, 0, 0], [0, 5, 0], [0, 0, 5]], names: names) == nil)
        #expect(
            ConfusionPlot.mostFrequentConfusion([[5, 2, 1], [0, 5, 0], [1, 0, 5]], names: names)
                == "the most frequent confusion is 0 → 1 (2 times)")
        #expect(
            ConfusionPlot.mostFrequentConfusion([[5, 9, 1], [0, 5, 9], [9, 0, 5]], names: names)
                == "the most frequent confusions are 0 → 1, 1 → 2 and 2 → 0, 9 times each")
        #expect(
            ConfusionPlot.mostFrequentConfusion([[5, 1, 0], [1, 5, 0], [0, 0, 5]], names: names)
                == "the most frequent confusions are 0 → 1 and 1 → 0, 1 time each")
        let many = (0..<4).map { truth in (0..<4).map { truth == $0 ? 5 : 1 } }
        #expect(
            ConfusionPlot.mostFrequentConfusion(many, names: ["a", "b", "c", "d"])
                == "12 confusions are tied as the most frequent, 1 time each, among them a → b, a → c, a → d, b → a and b → c")
    }
}
