import Engine
import Testing
import Relations

@Suite struct PlainTextTests {
    @Test(arguments: [
        (2.0 / 3, 4, "0.6667"), (0.1 + 0.2, 4, "0.3"), (123456.0, 4, "123500"), (1.23456e20, 4, "1.235e+20"),
        (0.00001, 4, "1e-05"), (-0.5, 4, "-0.5"), (0.0, 4, "0"), (-0.0, 4, "0"), (1.0, 1, "1"),
        (0.96, 1, "1"), (Double.nan, 4, "NaN"), (-Double.infinity, 4, "-inf"), (12.5, 2, "13"),
    ])
    func numbersAreRoundedToSignificantDigits(value: Double, digits: Int, expected: String) {
        #expect(PlainText.number(value, significantDigits: digits) == expected)
    }

    @Test func shortestKeepsFullPrecision() {
        #expect(PlainText.shortest(0.1 + 0.2) == "0.30000000000000004")
        #expect(PlainText.shortest(-3) == "-3")
    }

    @Test func matricesAreWrittenInTheLanguagesNotation() {
        #expect(PlainText.matrix(Matrix([[1, 2], [3, 4]])) == "[1 2; 3 4]")
        #expect(PlainText.matrix(Matrix(column: [0.5, -1])) == "[0.5; -1]")
        #expect(PlainText.matrix(Matrix(scalar: 1.0 / 3)) == "0.3333")
        #expect(PlainText.matrix(Matrix(row: [1.0 / 3]), significantDigits: 2) == "0.33")
    }

    @Test func largeMatricesAreElidedWithTheirShape() {
        let big = Matrix(rows: 10, columns: 10) { Double($0 * 10 + $1) }
        #expect(
            PlainText.matrix(big, maximumRows: 4, maximumColumns: 4)
                == "[0 1 ⋯ 9; 10 11 ⋯ 19; ⋮; 90 91 ⋯ 99]{10×10}")
        #expect(PlainText.matrix(Matrix(rows: 1, columns: 9, repeating: 0), maximumColumns: 3) == "[0 ⋯ 0]{1×9}")
    }

    @Test func emptyMatricesShowTheirShape() {
        #expect(PlainText.matrix(Matrix(rows: 2, columns: 0)) == "[]{2×0}")
    }

    @Test func theQuantitiesOfAFilledRelationInOrder() throws {
        let bindings = CheckTests.perceptronStep(thetaNew: [0.4, -0.3, 0.3])
        let filled = try Relation(parsing: "theta_new = theta + eta * [1, x]' * (y - a) + 0 * theta")
            .evaluate(with: bindings)
        #expect(filled.quantities.map(\.name) == ["theta_new", "theta", "eta", "x", "y", "a"])
        #expect(filled.quantities[3].value == Matrix(row: [1, 0]))
    }

    @Test func thePerceptronRuleFilledIn() throws {
        let bindings = CheckTests.perceptronStep(thetaNew: [0.4, -0.3, 0.3])
        let filled = try Relation(parsing: CheckTests.perceptronRule).evaluate(with: bindings)
        #expect(filled.plainText() == "[0.4; -0.3; 0.3] = [0.5; -0.2; 0.3] + 0.1 * [1, [1 0]]' * (0 - 1)")
    }

    @Test func theSensitivityRelationFilledIn() throws {
        let bindings = Bindings(["s2": Matrix(scalar: 8), "W2": Matrix(column: [1, 1]), "n1": Matrix(row: [2, 2])])
        let filled = try Expression(parsing: "s2 * W2ᵀ ⊙ relu'(n1)").evaluate(with: bindings)
        #expect(filled.plainText() == "8 * [1; 1]ᵀ ⊙ relu'([2 2])")
    }

    @Test func negativeScalarsAreParenthesizedInsideButNotAtTheTop() throws {
        let bindings = Bindings(["a": Matrix(scalar: -1), "b": Matrix(scalar: -2)])
        let filled = try Relation(parsing: "a = b - a + sigmoid(a) * [a b]").evaluate(with: bindings)
        #expect(filled.plainText(significantDigits: 3) == "-1 = (-2) - (-1) + sigmoid(-1) * [(-1), (-2)]")
    }

    @Test func literalsKeepTheirSpelling() throws {
        let filled = try Expression(parsing: "1e-3 * x").evaluate(with: Bindings(["x": Matrix(scalar: 2)]))
        #expect(filled.plainText() == "1e-3 * 2")
    }
}
