import Testing
@testable import Engine

/// MSE and R² against values worked out by hand.
@Suite struct RegressionMetricsTests {
    @Test func meanSquaredErrorAndRSquaredOfOneOutput() throws {
        // y = [1, 2, 3, 4], a = [1.5, 2, 2, 4]: errors 0.5, 0, 1, 0 → MSE = (0.25 + 0 + 1 + 0) / 4 = 0.3125.
        // ȳ = 2.5, Σ(y − ȳ)² = 2.25 + 0.25 + 0.25 + 2.25 = 5, so R² = 1 − 1.25 / 5 = 0.75.
        let y = Matrix(column: [1, 2, 3, 4])
        let a = Matrix(column: [1.5, 2, 2, 4])
        #expect(abs(RegressionMetrics.meanSquaredError(output: a, target: y) - 0.3125) < 1e-15)
        #expect(abs(try #require(RegressionMetrics.rSquared(output: a, target: y)) - 0.75) < 1e-15)
        // Predicting the mean scores 0; doing worse than the mean is negative.
        #expect(RegressionMetrics.rSquared(output: Matrix(column: [2.5, 2.5, 2.5, 2.5]), target: y) == 0)
        #expect(abs(try #require(RegressionMetrics.rSquared(output: Matrix(column: [4, 3, 2, 1]), target: y)) - (-3)) < 1e-15)
    }

    @Test func severalOutputsAverageOverOutputsAndSamples() throws {
        // Column 1 as above (R² 0.75); column 2: y = [0, 0, 2, 2], a = [0, 0, 2, 0]: SS_res = 4,
        // ȳ = 1, SS_tot = 4, R² = 0. The mean of the two is 0.375.
        let y = Matrix([[1, 0], [2, 0], [3, 2], [4, 2]])
        let a = Matrix([[1.5, 0], [2, 0], [2, 2], [4, 0]])
        // MSE over all 8 entries: (0.25 + 1 + 4) / 8 = 0.65625.
        #expect(abs(RegressionMetrics.meanSquaredError(output: a, target: y) - 0.65625) < 1e-15)
        #expect(abs(try #require(RegressionMetrics.rSquared(output: a, target: y)) - 0.375) < 1e-15)
    }

    @Test func rSquaredIsUndefinedForConstantTargets() {
        #expect(RegressionMetrics.rSquared(output: Matrix(column: [1, 2]), target: Matrix(column: [3, 3])) == nil)
        #expect(RegressionMetrics.meanSquaredError(output: Matrix(column: [1, 2]), target: Matrix(column: [3, 3])) == 2.5)
    }
}
