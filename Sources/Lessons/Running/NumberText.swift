import Foundation

/// Numbers as tables and captions print them.
public enum NumberText {
    /// `value` with at most `significantDigits` significant digits: whole numbers in full,
    /// very large or small values in scientific notation, and a real minus sign.
    public static func format(_ value: Double, significantDigits: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "−∞" }
        if value == value.rounded(), abs(value) < 1e15 {
            let whole = String(Int(value))
            return value < 0 ? "−" + whole.dropFirst() : (value == 0 ? "0" : whole)
        }
        let magnitude = abs(value)
        var text: String
        if magnitude >= 1e6 || magnitude < 1e-4 {
            text = String(format: "%.\(max(significantDigits - 1, 0))e", value)
            if let e = text.firstIndex(of: "e") {
                var mantissa = String(text[..<e])
                if mantissa.contains(".") {
                    while mantissa.hasSuffix("0") { mantissa.removeLast() }
                    if mantissa.hasSuffix(".") { mantissa.removeLast() }
                }
                let exponent = Int(text[text.index(after: e)...]) ?? 0
                text = "\(mantissa)×10" + superscript(exponent)
            }
        } else {
            let integerDigits = magnitude < 1 ? 0 : Int(log10(magnitude)) + 1
            let decimals = max(significantDigits - integerDigits, 0) + (magnitude < 1 ? leadingZeros(magnitude) : 0)
            text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
        }
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// An integer in superscript digits (`-13` → `⁻¹³`), so plain text reads like print.
    private static func superscript(_ number: Int) -> String {
        let digits: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return String(String(number).map { digits[$0] ?? $0 })
    }

    /// The zeros after the decimal point before the first significant digit of `value` < 1.
    private static func leadingZeros(_ value: Double) -> Int {
        value == 0 ? 0 : max(0, -Int(floor(log10(value))) - 1)
    }

    /// A fraction as a percentage with one decimal: `97.8 %`.
    public static func percent(_ fraction: Double) -> String {
        String(format: "%.1f %%", fraction * 100)
    }
}
