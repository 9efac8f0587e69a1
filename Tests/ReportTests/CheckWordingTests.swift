import Testing
@testable import Report

@Suite struct CheckWordingTests {
    /// The sentence says what was compared: the difference as a fraction of the terms' size.
    @Test func aHoldingRelationSaysHowCloseAgainstWhat() {
        #expect(
            CheckWording.sentence(.holds(largestDeviation: 2.2204e-16, tolerance: 1e-9), step: "epoch 1, step 1")
                == "✓ Checked at epoch 1, step 1: both sides agree to 2.2×10⁻¹⁶ of the size of the terms that formed each entry (allowed: 10⁻⁹).")
    }

    @Test(arguments: [
        (1e-9, "10⁻⁹"), (2.2204e-16, "2.2×10⁻¹⁶"), (9.96e-13, "10⁻¹²"), (3.05e-7, "3.1×10⁻⁷"), (0.5, "5.0×10⁻¹"),
        (12.0, "1.2×10¹"), (0.0, "0"),
    ])
    func smallNumbersArePowersOfTen(value: Double, text: String) {
        #expect(CheckWording.scientific(value) == text)
    }

    /// Several relations on one line: the block fails if any fails (numbered), and holds with
    /// the largest difference of all otherwise.
    @Test func aBlockOfSeveralRelationsCombinesTheirVerdicts() {
        let holds = RelationBlock(
            symbolic: "a, b", numericLines: ["1", "2"], step: "s",
            checks: [.holds(largestDeviation: 1e-16, tolerance: 1e-9), .holds(largestDeviation: 3e-16, tolerance: 1e-9)])
        #expect(holds.check == .holds(largestDeviation: 3e-16, tolerance: 1e-9))
        let fails = RelationBlock(
            symbolic: "a, b", numericLines: ["1", "2"], step: "s",
            checks: [.holds(largestDeviation: 0, tolerance: 1e-9), .fails("b = 2: off by 1")])
        #expect(fails.check == .fails("relation 2: b = 2: off by 1"))
        let single = RelationBlock(symbolic: "b", numeric: "2", step: "s", check: .fails("b = 2: off by 1"))
        #expect(single.check == .fails("b = 2: off by 1"))
    }
}
