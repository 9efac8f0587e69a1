import Foundation

/// How both writers word the verdict on a relation.
enum CheckWording {
    /// The class of the relation's figure in HTML: `holds`, `fails` or `fails expected`.
    static func state(_ verdict: RelationVerdict) -> String {
        switch verdict {
        case .holds: "holds"
        case .fails: "fails"
        case .failsAsExpected: "fails expected"
        }
    }

    /// `true` when the relation holds.
    static func holds(_ verdict: RelationVerdict) -> Bool {
        if case .holds = verdict { return true }
        return false
    }

    /// The sentence under the filled-in relation.
    static func sentence(_ verdict: RelationVerdict, step: String) -> String {
        switch verdict {
        case let .holds(deviation, tolerance):
            let largest = deviation == 0 ? "0" : String(format: "%.1e", deviation)
            return "✓ Checked at \(step): both sides agree "
                + "(largest relative difference \(largest), tolerance \(String(format: "%.0e", tolerance)))."
        case let .fails(message):
            return "✗ Check failed at \(step): \(message)"
        case let .failsAsExpected(message):
            return "✗ Fails at \(step), as the lesson expects: \(message)"
        }
    }
}
