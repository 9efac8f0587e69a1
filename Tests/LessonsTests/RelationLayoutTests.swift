import Engine
import MathML
import Relations
import Testing
@testable import LessonRuntime

/// A filled-in relation too wide for its column is laid out over lines that fit.
@Suite struct RelationLayoutTests {
    static func filled(_ text: String, _ values: [String: Matrix]) throws -> FilledRelation {
        try Relation(parsing: text).evaluate(with: Bindings(values))
    }

    static let mnistLike: [String: Matrix] = [
        "x": Matrix(rows: 1, columns: 784) { _, column in column % 7 == 0 ? 0.5 : 0 },
        "W1": Matrix(rows: 784, columns: 64) { row, column in Double((row * 31 + column * 17) % 200) / 1000 - 0.1 },
        "b1": Matrix(rows: 1, columns: 64, repeating: 0.01),
    ]

    @Test func aRelationThatFitsStaysOnOneLine() throws {
        let relation = try Self.filled("n = b + x * W", ["n": Matrix(row: [4, 6]), "b": Matrix(row: [0, 0]), "x": Matrix(row: [1, 1]), "W": Matrix([[1, 2], [3, 4]])])
        let line = relation.tex(format: NumberFormat(), layout: MatrixLayout())
        #expect(relation.tex(format: NumberFormat(), layout: MatrixLayout(), width: 34) == line)
        #expect(!line.contains("aligned"))
    }

    /// Every line of a broken relation fits the width (by the same estimate), the parentheses
    /// opened on one line are closed with \right. and reopened with \left., and it typesets.
    @Test(arguments: [34.0, 18.0])
    func aWideRelationBreaksIntoLinesThatFit(width: Double) throws {
        var values = Self.mnistLike
        let n1 = Matrix.product(values["x"]!, values["W1"]!) + values["b1"]!
        values["n1"] = n1
        values["a1"] = n1.map { max(0, $0) }
        let relation = try Self.filled("a1 = relu(x * W1 + b1)", values)
        let tex = relation.tex(format: NumberFormat(), layout: MatrixLayout(maxColumns: width < 20 ? 3 : 6), width: width)
        #expect(tex.hasPrefix("\\begin{aligned} "))
        _ = try MathML.convert(tex, display: true)
        let body = tex.dropFirst("\\begin{aligned} ".count).dropLast(" \\end{aligned}".count)
        // Lines after the first start at the alignment point; a matrix's rows never do.
        let lines = body.components(separatedBy: " \\\\ &")
        #expect(lines.count >= 2)
        for line in lines {
            let balanced = line.replacingOccurrences(of: "&", with: "")
            let estimated = try MathML.estimatedWidth(balanced)
            #expect(estimated <= width + 0.5, "\(line)")
            #expect(line.components(separatedBy: "\\left").count == line.components(separatedBy: "\\right").count, "\(line)")
        }
        #expect(tex.contains("\\right.") && tex.contains("\\left."))
    }

    /// A row vector too wide for a line of its own stands up as the transpose of a column.
    @Test func aRowTooWideForALineStandsUp() throws {
        let logits = Matrix(row: (0..<10).map { Double($0) / 7 - 0.6 })
        let relation = try Self.filled("a = softmax(n)", ["n": logits, "a": Activation.softmax.apply(logits)])
        let tex = relation.tex(format: NumberFormat(), layout: MatrixLayout(maxRows: 10, maxColumns: 10), width: 34)
        #expect(tex.contains("\\end{bmatrix}}^{\\top}"))
        #expect(tex.contains("\\begin{bmatrix} 0.0484 \\\\ 0.05583"))
        _ = try MathML.convert(tex, display: true)
    }

    /// A division too wide to fit is written as 1/s times the numerator, which can break.
    @Test func aWideQuotientBecomesAFractionTimesItsNumerator() throws {
        let x = Matrix(rows: 100, columns: 3) { r, c in Double(r + c) / 100 }
        let s = Matrix(rows: 100, columns: 2) { r, c in Double(r - c) / 50 }
        let relation = try Self.filled("d = x' * s / m", ["x": x, "s": s, "m": Matrix(scalar: 100), "d": Matrix.product(x.transposed, s) / 100])
        let tex = relation.tex(format: NumberFormat(), layout: MatrixLayout(maxColumns: 3), width: 18)
        #expect(tex.contains("\\frac{1}{100} \\left("))
        _ = try MathML.convert(tex, display: true)
    }

    @Test func widthsAreEstimatedByKindOfCharacter() throws {
        #expect(try abs(MathML.estimatedWidth("1 + 2") - (0.52 + 1.3 + 0.52)) < 1e-9)
        #expect(try MathML.estimatedWidth("\\begin{bmatrix} 1 & 2 & 3 \\end{bmatrix}") > MathML.estimatedWidth("\\begin{bmatrix} 1 & 2 \\end{bmatrix}"))
        #expect(try MathML.estimatedWidth("\\frac{1234}{5}") < MathML.estimatedWidth("1234 + 5"))
    }
}
