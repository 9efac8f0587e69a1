import Testing
import MathML

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.5, "0.5"), (0.123456, "0.1235"), (1234.5, "1235"), (12345.678, "1.235 \\times 10^{4}"),
        (8, "8"), (784, "784"), (60000, "60000"), (-0.8, "-0.8"), (-0.0, "0"), (0.15, "0.15"),
        (0.99996, "1"), (9.99951, "10"), (0.00012345, "0.0001235"), (0.000012345, "1.235 \\times 10^{-5}"),
        (1.5e-300, "1.5 \\times 10^{-300}"), (0.1 + 0.2, "0.3"), (2.0 / 3.0, "0.6667"),
        (Double.infinity, "\\infty"), (-Double.infinity, "-\\infty"), (Double.nan, "\\mathrm{NaN}"),
    ] as [(Double, String)])
    func roundsToFourSignificantDigits(value: Double, tex: String) {
        #expect(TeX.number(value) == tex)
    }

    @Test func plainTextRoundsLikeTheTypesetNumbers() {
        let format = NumberFormat()
        #expect(format.plainText(0.123456) == "0.1235")
        #expect(format.plainText(-3.2) == "−3.2")
        #expect(format.plainText(0.000012345) == "1.235×10⁻⁵")
        #expect(format.plainText(12345.678) == "1.235×10⁴")
        #expect(format.plainText(60000) == "60000")
        #expect(format.plainText(-Double.infinity) == "−∞")
        #expect(format.plainText(.nan) == "NaN")
    }

    @Test func roundsHalfAwayFromZeroOnTheDecimalSpelling() {
        #expect(TeX.number(0.15, format: NumberFormat(significantDigits: 1)) == "0.2")
        #expect(TeX.number(-0.25, format: NumberFormat(significantDigits: 1)) == "-0.3")
        #expect(TeX.number(0.96, format: NumberFormat(significantDigits: 1)) == "1")
    }
}

@Suite struct NumericMathMLTests {
    @Test func positiveNumberIsOneMn() {
        #expect(MathML.number(0.5) == "<mn>0.5</mn>")
    }

    @Test func negativeNumberHasARealMinusSign() {
        #expect(MathML.number(-0.8) == #"<mrow><mo form="prefix">−</mo><mn>0.8</mn></mrow>"#)
    }

    @Test func scientificNotation() {
        #expect(MathML.number(0.000012345) == #"<mrow><mn>1.235</mn><mo>×</mo><msup><mn>10</mn><mrow><mo form="prefix">−</mo><mn>5</mn></mrow></msup></mrow>"#)
    }

    @Test func nanAndInfinity() {
        #expect(MathML.number(.nan) == "<mi>NaN</mi>")
        #expect(MathML.number(-.infinity) == #"<mrow><mo form="prefix">−</mo><mi>∞</mi></mrow>"#)
    }

    @Test func smallMatrixIsShownWhole() {
        #expect(MathML.matrix([[1, 0.25], [-2, 0.2]]) == #"<mrow><mo>[</mo><mtable style="margin: 0 -0.25em"><mtr><mtd><mn>1</mn></mtd><mtd><mn>0.25</mn></mtd></mtr><mtr><mtd><mo form="prefix">−</mo><mn>2</mn></mtd><mtd><mn>0.2</mn></mtd></mtr></mtable><mo>]</mo></mrow>"#)
    }

    @Test func columnVector() {
        #expect(MathML.matrix([[8], [8]]) == #"<mrow><mo>[</mo><mtable style="margin: 0 -0.25em"><mtr><mtd><mn>8</mn></mtd></mtr><mtr><mtd><mn>8</mn></mtd></mtr></mtable><mo>]</mo></mrow>"#)
    }

    @Test func shapeOnRequest() {
        #expect(MathML.matrix([[1, 2]], layout: MatrixLayout(shape: .always)) == #"<msub><mrow><mo>[</mo><mtable style="margin: 0 -0.25em"><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr></mtable><mo>]</mo></mrow><mrow><mo stretchy="false">(</mo><mn>1</mn><mo>×</mo><mn>2</mn><mo stretchy="false">)</mo></mrow></msub>"#)
    }
}

@Suite struct MatrixElisionTests {
    /// A `rows` × `columns` matrix whose entry (i, j) is 100 i + j.
    private func numbered(_ rows: Int, _ columns: Int) -> [[Double]] {
        (0..<rows).map { i in (0..<columns).map { j in Double(100 * i + j) } }
    }

    @Test func largeMatrixKeepsItsCornersAndShowsItsShape() {
        #expect(TeX.matrix(numbered(784, 128), layout: MatrixLayout(maxRows: 5, maxColumns: 4)) == #"\begin{bmatrix} 0 & 1 & \cdots & 127 \\ 100 & 101 & \cdots & 227 \\ \vdots & \vdots & \ddots & \vdots \\ 78200 & 78201 & \cdots & 78327 \\ 78300 & 78301 & \cdots & 78427 \end{bmatrix}_{(784 \times 128)}"#)
    }

    @Test func defaultLayoutShowsSixRowsAndColumnsAtMost() {
        #expect(TeX.matrix(numbered(7, 2)) == #"\begin{bmatrix} 0 & 1 \\ 100 & 101 \\ 200 & 201 \\ \vdots & \vdots \\ 500 & 501 \\ 600 & 601 \end{bmatrix}_{(7 \times 2)}"#)
        #expect(TeX.matrix(numbered(6, 6)).hasSuffix(#"505 \end{bmatrix}"#))
    }

    @Test func longRowVectorElidesColumnsOnly() {
        #expect(TeX.matrix([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], layout: MatrixLayout(shape: .never)) == #"\begin{bmatrix} 1 & 2 & 3 & \cdots & 9 & 10 \end{bmatrix}"#)
    }

    @Test func mathMLOfTheTeXIsTheDirectMathML() throws {
        let cases: [[[Double]]] = [numbered(784, 128), [[-0.8, 0.000012345]], [[.nan], [-.infinity]], numbered(2, 2)]
        for rows in cases {
            let viaTeX = try MathML.fragment(TeX.matrix(rows))
            #expect(viaTeX == "<mrow>" + MathML.matrix(rows) + "</mrow>")
        }
    }
}
