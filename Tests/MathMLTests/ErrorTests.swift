import Testing
import MathML

/// The error `tex` throws, as its description.
private func failure(_ tex: String) -> String? {
    do {
        _ = try MathML.convert(tex, display: true)
        return nil
    } catch {
        return error.description
    }
}

@Suite struct ErrorTests {
    @Test func unsupportedCommand() {
        #expect(failure(#"x + \foo"#) == #"offset 4: unsupported command '\foo'"#)
        #expect(failure(#"\frac{1}{\bigl(x}"#) == #"offset 9: unsupported command '\bigl'"#)
    }

    @Test func unsupportedEnvironment() {
        #expect(failure(#"a \begin{align} x \end{align}"#) == "offset 2: unsupported environment 'align'")
    }

    @Test func unclosedBracePointsAtTheBrace() {
        #expect(failure(#"\frac{1}{m"#) == "offset 8: unbalanced brace: '{' is never closed")
        #expect(failure(#"a^{b"#) == "offset 2: unbalanced brace: '{' is never closed")
    }

    @Test func unmatchedClosingBrace() {
        #expect(failure("a}b") == "offset 1: unbalanced brace: '}' has no matching '{'")
    }

    @Test func leftWithoutRightPointsAtLeft() {
        #expect(failure(#"x = \left( \frac{a}{b}"#) == #"offset 4: '\left' without matching '\right'"#)
    }

    @Test func rightWithoutLeft() {
        #expect(failure(#"a \right)"#) == #"offset 2: '\right' without matching '\left'"#)
    }

    @Test func invalidDelimiter() {
        #expect(failure(#"\left x \right)"#) == #"offset 6: '\left' expects a delimiter, found 'x'"#)
    }

    @Test func raggedRowsPointAtTheRow() {
        #expect(failure(#"\begin{bmatrix} 1 & 2 \\ 3 & 4 & 5 \end{bmatrix}"#) == "offset 25: ragged rows in 'bmatrix': row 2 has 3 cells, expected 2")
        #expect(failure(#"\begin{array}{lc} a \end{array}"#) == "offset 18: ragged rows in 'array': row 1 has 1 cells, expected 2")
    }

    @Test func environmentNotClosedOrClosedByAnother() {
        #expect(failure(#"\begin{pmatrix} a"#) == #"offset 0: '\begin{pmatrix}' without matching '\end{pmatrix}'"#)
        #expect(failure(#"\begin{pmatrix} a \end{bmatrix}"#) == #"offset 18: '\begin{pmatrix}' ended by '\end{bmatrix}'"#)
        #expect(failure(#"a \end{cases}"#) == #"offset 2: '\end{cases}' without matching '\begin{cases}'"#)
    }

    @Test func alignmentAndLineBreakOutsideAnEnvironment() {
        #expect(failure("a & b") == "offset 2: '&' outside a table environment")
        #expect(failure(#"a \\ b"#) == #"offset 2: '\\' outside a table environment"#)
    }

    @Test func missingArgumentPointsAtTheCommand() {
        #expect(failure(#"\frac{1}"#) == #"offset 0: '\frac' expects an argument"#)
        #expect(failure("x^") == "offset 1: '^' expects an argument")
    }

    @Test func doubleScripts() {
        #expect(failure("x^a^b") == "offset 3: double superscript")
        #expect(failure("x_a_b") == "offset 3: double subscript")
    }

    @Test func unsupportedCharacterAndColumnSpecification() {
        #expect(failure("50%") == "offset 2: unsupported character '%'")
        #expect(failure(#"\begin{array}{c|c} a & b \end{array}"#) == "offset 13: unsupported column specification '{c|c}'")
    }

    @Test func commandInsideTextIsNotPrinted() {
        #expect(failure(#"\text{a \foo b}"#) == #"offset 8: unsupported command '\foo'"#)
    }

    @Test func offsetIsInUTF8BytesAndLocationInCharacters() throws {
        let tex = "α ≤ \\foo"
        var caught: MathError?
        do { _ = try MathML.fragment(tex) } catch { caught = error }
        let error = try #require(caught)
        #expect(error.offset == 7)  // α is 2 bytes, ≤ is 3
        #expect(error.kind == .unsupportedCommand(#"\foo"#))
        #expect(error.location(in: tex) == (line: 1, column: 5))
    }

    @Test func locationCountsLinesOfADisplayFormula() throws {
        let tex = "\\begin{aligned} a \\\\\n b & c \\end{aligned}"
        var caught: MathError?
        do { _ = try MathML.fragment(tex) } catch { caught = error }
        let error = try #require(caught)
        #expect(error.description == "offset 22: ragged rows in 'aligned': row 2 has 2 cells, expected 1")
        #expect(error.location(in: tex) == (line: 2, column: 2))
    }
}
