import Foundation
import LessonFormat
import MathML

/// Numbers as tables and captions print them.
enum NumberText {
    /// `value` rounded to `significantDigits` significant digits as plain text, by the same
    /// rule as the typeset numbers in the equations beside it (`MathML.NumberFormat`).
    public static func format(_ value: Double, significantDigits: Int) -> String {
        NumberFormat(significantDigits: significantDigits).plainText(value)
    }

    /// A whole number with thousands separators: `60,000`, and `−1,500` with a real minus sign.
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
