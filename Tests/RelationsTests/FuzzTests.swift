import Engine
import Testing
import Relations

/// Random strings of tokens never crash the parser, the evaluator, the checker or the renderer:
/// each gives a result or an error positioned inside the text.
@Suite struct FuzzTests {
    static let pieces: [String] = [
        "x", "W", "theta", "eta", "s", "E", "nope", "thetanew", "1", "0.5", "2", "1e-3", ".5", "0",
        "+", "-", "*", ".*", "/", "./", "⊙", "×", "−", "'", "ᵀ", "(", ")", "[", "]", ",", ";", "=", "=",
        "sigmoid", "σ", "relu", "relu'", "softmax", "exp", "log", "sum", "mean", "hardlim", "tanh'",
        "sigmod", " ", " ", " ", "  ", "#", ".", "e", "²", "é",
    ]

    static let bindings = Bindings([
        "x": Matrix(row: [1, 0]), "W": Matrix([[1, 2, 3], [4, 5, 6]]), "theta": Matrix(column: [0.5, -0.2, 0.3]),
        "eta": Matrix(scalar: 0.1), "s": Matrix([[1, -1], [2, 0.5]]), "E": Matrix(rows: 0, columns: 2),
    ])

    @Test func randomTokenStringsGiveAResultOrAPositionedError() {
        var generator = SeededGenerator(seed: 6)
        var outcomes = (parsed: 0, held: 0, failed: 0, errors: 0)
        for _ in 0..<4000 {
            let count = Int(generator.next() % 14) + 1
            // Half the strings start as a relation does, so some of them evaluate.
            let start = generator.next() % 2 == 0 ? "eta = " : ""
            let text = start
                + (0..<count).map { _ in Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }.joined()
            do {
                let check = try Relation.check(text, with: Self.bindings)
                outcomes.parsed += 1
                if check.held { outcomes.held += 1 } else { outcomes.failed += 1 }
                _ = check.filled.plainText(significantDigits: 3, maximumRows: 2, maximumColumns: 2)
                _ = check.description
                expectRoundTrips(check.filled)
            } catch {
                outcomes.errors += 1
                #expect((0...text.count).contains(error.offset), "\(text): \(error)")
                #expect(error.description.hasPrefix("offset \(error.offset): "))
            }
        }
        // The generator reaches every path: some relations evaluate, most strings are mistakes.
        #expect(outcomes.parsed > 0 && outcomes.errors > 2000)
    }

    /// The relation written back parses to the same tree, and the filled-in view is itself a
    /// relation of the language whose sides have the same values (numbers written in full).
    func expectRoundTrips(_ filled: FilledRelation) {
        let relation = filled.relation
        let text = filled.plainText(significantDigits: 17, maximumRows: 100, maximumColumns: 100)
        do {
            let reparsed = try Relation(parsing: relation.description)
            #expect(reparsed.lhs.grouping == relation.lhs.grouping && reparsed.rhs.grouping == relation.rhs.grouping)
            guard !text.contains("NaN") && !text.contains("inf") && !text.contains("[]") else { return }
            let numbers = try Relation(parsing: text).evaluate(with: Bindings([:]))
            for (original, reread) in [(filled.lhs.value, numbers.lhs.value), (filled.rhs.value, numbers.rhs.value)] {
                let agree = original.rows == reread.rows && original.columns == reread.columns
                    && zip(original.values, reread.values).allSatisfy { a, b in
                        (a.isNaN && b.isNaN) || a == b || abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
                    }
                #expect(agree, "\(text): \(original) against \(reread)")
            }
        } catch {
            Issue.record("\(relation) → \(text): \(error)")
        }
    }

    @Test func wellFormedRandomRelationsAlwaysEvaluateOrReportShapes() {
        var generator = SeededGenerator(seed: 7)
        let operands = ["x", "W", "theta", "eta", "s", "2", "[1 2]", "[1; 2]", "relu(s)", "sum(W, 2)", "x'", "(x - 1)"]
        let operators = [" + ", " - ", " * ", " .* ", " / ", " ./ "]
        var evaluated = 0
        for _ in 0..<2000 {
            var text = "eta = " + operands[Int(generator.next() % UInt64(operands.count))]
            for _ in 0..<Int(generator.next() % 4) {
                text += operators[Int(generator.next() % UInt64(operators.count))]
                text += operands[Int(generator.next() % UInt64(operands.count))]
            }
            do {
                expectRoundTrips(try Relation.check(text, with: Self.bindings).filled)
                evaluated += 1
            } catch {
                guard case .shapeMismatch = error.kind else {
                    guard case .divisorNotScalar = error.kind else {
                        Issue.record("\(text): \(error)")
                        continue
                    }
                    continue
                }
            }
        }
        #expect(evaluated > 200)
    }

    @Test func aVeryLongRelationIsAnErrorNotAStackOverflow() {
        let text = "a = " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(
            relationError(text)?.description
                == "offset 402: the relation is too long: at most 400 names, numbers, operators and brackets")
    }
}
