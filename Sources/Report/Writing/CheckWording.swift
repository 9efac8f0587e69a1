import Foundation

/// How both writers word a relation's check.
enum CheckWording {
    /// `true` when the relation holds.
    static func holds(_ check: RelationCheck) -> Bool {
        if case .holds = check { return true }
        return false
    }

    /// The sentence under the filled-in relation.
    static func sentence(_ check: RelationCheck, step: String) -> String {
        switch check {
        case let .holds(deviation, tolerance):
            let largest = deviation == 0 ? "0" : String(format: "%.1e", deviation)
            return "✓ Checked at \(step): both sides agree "
                + "(largest relative difference \(largest), tolerance \(String(format: "%.0e", tolerance)))."
        case let .fails(message):
            return "✗ Check failed at \(step): \(message)"
        }
    }
}
