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

    /// An image's first and last pixels are its white border: shown there, x is all zeros and
    /// n = x W + b reads "non-zero = zeros". The inked run is shown instead, with the rows of W
    /// it selects, both named.
    @Test func theEntriesThatMatterAreShownAndNamed() throws {
        var x = Matrix(rows: 1, columns: 40)
        for column in 20..<26 { x[0, column] = Double(column) / 100 }
        let w = Matrix(rows: 40, columns: 8) { row, column in Double(row * 8 + column) / 1000 }
        let n = Matrix.product(x, w)
        let relation = try Self.filled("n = x * W", ["n": n, "x": x, "W": w])
        let tex = relation.tex(format: NumberFormat(), layout: MatrixLayout())
        // The four consecutive entries with the most ink are 22–25 (columns 23–26 counted from 1).
        #expect(tex.contains("\\begin{bmatrix} \\cdots & 0.22 & 0.23 & 0.24 & 0.25 & \\cdots \\end{bmatrix}_{(1 \\times 40;\\ \\text{columns } 23\\text{–}26)}"), "\(tex)")
        #expect(tex.contains("_{(40 \\times 8;\\ \\text{rows } 23\\text{–}26)}"), "\(tex)")
        #expect(tex.contains("\\vdots & \\vdots & \\vdots & \\ddots & \\vdots & \\vdots \\\\ 0.176 &"), "\(tex)")
        _ = try MathML.convert(tex, display: true)
        // A vector whose first and last entries are not all zero keeps them.
        let plain = try Self.filled("n = x * W", ["n": n, "x": x + 1, "W": w])
        #expect(!plain.tex(format: NumberFormat(), layout: MatrixLayout()).contains("text{columns"))
    }
}
