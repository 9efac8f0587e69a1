import Engine
import Testing
import Relations

/// A relation must be able to fail: changing what the engine recorded must break it.
@Suite struct SensitivityTests {
    static let probe = Bindings(
        names: ["n1", "a1", "s1", "s2", "W2", "Z1"],
        canonicalName: { TraceRecord.canonicalName(of: $0) ?? $0 }
    ) { name in
        let n1 = Matrix(row: [-5, -2, 0, 2, 5])
        switch name {
        case "n1", "Z1": return n1
        case "a1": return Activation.sigmoid.apply(n1)
        case "s2": return Matrix(scalar: 0.5)
        case "W2": return Matrix(column: [1, -1, 2, 0.5, 3])
        case "s1": return Matrix(rows: 1, columns: 5)
        default: return nil
        }
    }

    static func sensitivity(_ text: String) throws -> RelationSensitivity {
        let relation = try Relation(parsing: text)
        let filled = try relation.evaluate(with: probe)
        return relation.sensitivity(of: filled, with: probe)
    }

    @Test(arguments: [
        "sigmoid(n1) - sigmoid(n1) = 0 * n1",  // the example
        "hardlim'(n1) = 0 * n1",  // the activations chapter's
        "n1 = n1", "n1 = Z1",  // one quantity under two names
        "linear'(n1) = 1 + 0 * n1", "2 = 2",
    ])
    func aRelationThatHoldsWhateverTheEngineComputedCannotFail(text: String) throws {
        let sensitivity = try Self.sensitivity(text)
        #expect(!sensitivity.canFail, "\(text): \(sensitivity)")
        if case let .cannotFail(_, partly) = sensitivity { #expect(partly.isEmpty) }
    }

    @Test(arguments: [
        // A name that is a whole side is tried first; otherwise the names in order.
        ("a1 = sigmoid(n1)", "a1"), ("sigmoid(-n1) = 1 - a1", "n1"),
        // All zeros: a zero entry is changed by one millionth of the largest (here of 1).
        ("s1 = (s2 * W2') .* hardlim'(n1)", "s1"),
    ])
    func aRelationThatComparesARecordedValueChecksIt(text: String, quantity: String) throws {
        #expect(try Self.sensitivity(text) == .checks(quantity: quantity))
    }

    /// The middle probe sits at n = 0, where a(1 − a) is flat: a wrong a¹ there would go
    /// unnoticed, so only part of a¹ is checked.
    @Test func aRelationThatChecksOnlySomeEntriesIsRefused() throws {
        #expect(try Self.sensitivity("sigmoid'(n1) = a1 .* (1 - a1)") == .cannotFail(names: ["n1", "a1"], partly: ["n1", "a1"]))
        #expect(try Self.sensitivity("a1 .* [1, 1, 0, 1, 1] = sigmoid(n1) .* [1, 1, 0, 1, 1]").canFail == false)
        // A sum of entries of very different sizes cannot see a millionth of the smallest a¹
        // (σ(−5) = 0.0067 against terms of about 3), but it does see every entry of n¹.
        #expect(try Self.sensitivity("sum(a1, 2) = 2.5 + 0 * n1") == .cannotFail(names: ["a1", "n1"], partly: []))
        #expect(try Self.sensitivity("sum(a1, 2) = sum(sigmoid(n1), 2)") == .checks(quantity: "n1"))
    }
}
