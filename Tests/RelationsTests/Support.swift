import Engine
import Testing
import Relations

/// Parses `text` as a relation, recording a test issue (not a crash) when it fails.
func parsed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Relation? {
    do {
        return try Relation(parsing: text)
    } catch {
        Issue.record("'\(text)' did not parse: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error parsing and then evaluating `text` against `bindings` gives, or nil when there is none.
func relationError(_ text: String, _ bindings: Bindings = Bindings([:])) -> RelationError? {
    do {
        _ = try Relation(parsing: text).evaluate(with: bindings)
        return nil
    } catch {
        return error
    }
}

/// Expects `text` to fail with exactly `expected` (`offset N: message`).
func expectError(
    _ text: String, _ expected: String, bindings: Bindings = Bindings([:]),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(relationError(text, bindings)?.description == expected, sourceLocation: sourceLocation)
}

/// Expects two matrices to have the same shape and entries within `tolerance`, relative to the larger.
func expectClose(
    _ actual: Matrix?, _ expected: Matrix, tolerance: Double = 1e-12,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("no value; expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    let sameShape = actual.rows == expected.rows && actual.columns == expected.columns
    let close = sameShape && zip(actual.values, expected.values).allSatisfy { a, e in
        abs(a - e) <= tolerance * max(1, abs(a), abs(e))
    }
    #expect(close, "\(actual) is not within \(tolerance) of \(expected)", sourceLocation: sourceLocation)
}

/// The value of an expression evaluated against `values`, or nil (with a test issue) on an error.
func value(
    of text: String, _ values: [String: Matrix] = [:], sourceLocation: SourceLocation = #_sourceLocation
) -> Matrix? {
    do {
        return try Expression(parsing: text).evaluate(with: Bindings(values)).value
    } catch {
        Issue.record("'\(text)' failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
