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

    /// The sentence under the filled-in relation: for one that holds, how far apart the sides
    /// are at most, as a fraction of the size of the terms that formed each entry, against the
    /// fraction allowed.
    ///
    /// `✓ Checked at epoch 1, step 1: both sides agree to 2.2×10⁻¹⁶ of the size of the terms
    /// that formed each entry (allowed: 10⁻⁹).`
    static func sentence(_ verdict: RelationVerdict, step: String) -> String {
        switch verdict {
        case let .holds(deviation, tolerance):
            let allowed = "(allowed: \(scientific(tolerance)) of the size of the terms that formed each entry)"
            if deviation == 0 { return "✓ Checked at \(step): both sides are equal in every entry \(allowed)." }
            return "✓ Checked at \(step): both sides agree to \(scientific(deviation)) of the size of the terms "
                + "that formed each entry (allowed: \(scientific(tolerance)))."
        case let .fails(message):
            return "✗ Check failed at \(step): \(message)"
        case let .failsAsExpected(message):
            return "✗ Fails at \(step), as the lesson expects: \(message)"
        }
    }

    /// A small positive number with two significant digits as a power of ten: `2.2×10⁻¹⁶`,
    /// `10⁻⁹` for an exact power.
    static func scientific(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return value == 0 ? "0" : "\(value)" }
        var exponent = Int((log10(value)).rounded(.down))
        var mantissa = (value / pow(10, Double(exponent)) * 10).rounded() / 10
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        let digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
        let power = "10" + String(exponent).map { $0 == "-" ? "⁻" : digits[digits.index(digits.startIndex, offsetBy: Int(String($0))!)] }
        if mantissa == 1 { return power }
        return String(format: "%.1f", mantissa) + "×" + power
    }
}
