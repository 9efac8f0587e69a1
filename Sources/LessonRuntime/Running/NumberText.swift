import Foundation
import LessonFormat
import MathML

/// Numbers as tables and captions print them.
enum NumberText {
    /// `value` rounded to `significantDigits` significant digits as plain text, by the rule of
    /// the typeset numbers in the equations beside it (`MathML.NumberFormat`), except that a
    /// value the rounding changed keeps its trailing zeros: 1.0000599 to four digits is
    /// `1.000`, never `1`, which would look exact. A value shown in full (`0.25`, `8`, `−1.5`)
    /// is written as it is.
    public static func format(_ value: Double, significantDigits: Int) -> String {
        let text = NumberFormat(significantDigits: significantDigits).plainText(value)
        guard isRounded(value, significantDigits: significantDigits) else { return text }
        return padded(text, beforeExponent: "×", to: significantDigits)
    }

    /// `value` as TeX for a table cell, by the rule of `format`: `1.000`, `-3.1 \times 10^{-12}`.
    static func tex(_ value: Double, significantDigits: Int) -> String {
        let text = TeX.number(value, format: NumberFormat(significantDigits: significantDigits))
        guard isRounded(value, significantDigits: significantDigits) else { return text }
        return padded(text, beforeExponent: " \\times", to: significantDigits)
    }

    /// Whether `value` has more significant digits than `significantDigits`, so that showing
    /// it rounded drops some. Whole numbers below 10¹⁵ are written out in full and never are.
    static func isRounded(_ value: Double, significantDigits: Int) -> Bool {
        guard value.isFinite else { return false }
        let magnitude = value.magnitude
        if magnitude == magnitude.rounded(), magnitude < 1e15 { return false }
        // The shortest spelling that reads back as the same double: "1.0000599", "3.7e-13".
        let mantissa = magnitude.description.split(separator: "e")[0]
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }.reversed().drop { $0 == "0" }
        return digits.count > significantDigits
    }

    /// `text` (`1`, `−0.3`, `2×10⁻¹²`) with zeros after its last digit, before the power of ten
    /// that starts with `marker`, until it shows `significantDigits` significant digits.
    private static func padded(_ text: String, beforeExponent marker: String, to significantDigits: Int) -> String {
        let split = text.range(of: marker)?.lowerBound ?? text.endIndex
        let mantissa = text[..<split]
        let shown = mantissa.filter(\.isNumber).drop { $0 == "0" }.count
        guard shown > 0, shown < significantDigits else { return text }
        let zeros = String(repeating: "0", count: significantDigits - shown)
        return mantissa + (mantissa.contains(".") ? "" : ".") + zeros + text[split...]
    }

    /// A whole number with thousands separators: `60,000`, and `−1,500` with a real minus sign.
    /// A setting's bound as a message writes it: `1`, `0.95`, `1e-12`.
    static func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "−" + result : result
    }

    /// `1 unit`, `3 units`: a count and its noun, singular for one.
    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// A fraction as a percentage with one decimal: `97.8 %`.
    public static func percent(_ fraction: Double) -> String {
        String(format: "%.1f %%", fraction * 100)
    }
}
