/// How the numeric typesetting rounds and spells a number.
///
/// Values are rounded to ``significantDigits`` significant digits, half away from zero, on
/// their shortest decimal spelling (so `0.15` rounds to `0.2` at one digit, as a reader
/// expects, not to `0.1` as its binary value would). Trailing zeros are dropped. Values
/// whose rounded exponent is below −4 or at least `significantDigits` are written in
/// scientific notation, `1.235 × 10⁻⁵`. Exact integers below 10¹⁵ are written in full with
/// no decimals, whatever the digit count. Negative values get a real minus sign (U+2212);
/// negative zero is `0`.
public struct NumberFormat: Equatable, Sendable {
    /// Significant digits to round to; at least 1.
    public var significantDigits: Int

    /// Creates a format that rounds to `significantDigits` significant digits.
    ///
    /// - Parameter significantDigits: At least 1; the default is 4.
    public init(significantDigits: Int = 4) {
        precondition(significantDigits >= 1, "NumberFormat needs at least 1 significant digit, got \(significantDigits)")
        self.significantDigits = significantDigits
    }

    /// A value rounded and split into the parts every writer needs.
    struct Spelled: Equatable {
        /// NaN, ±∞, or a finite number.
        enum Magnitude: Equatable {
            case notANumber
            case infinity
            /// Decimal digits with at most one `.`, and a power of ten when scientific.
            case finite(digits: String, exponent: Int?)
        }
        var isNegative: Bool
        var magnitude: Magnitude
    }

    /// Rounds `value` and splits it into sign, digits and exponent.
    func spell(_ value: Double) -> Spelled {
        if value.isNaN { return Spelled(isNegative: false, magnitude: .notANumber) }
        if value.isInfinite { return Spelled(isNegative: value < 0, magnitude: .infinity) }
        let isNegative = value < 0
        let magnitude = value.magnitude
        if magnitude == magnitude.rounded(), magnitude < 1e15 {
            return Spelled(isNegative: isNegative && magnitude != 0, magnitude: .finite(digits: String(Int64(magnitude)), exponent: nil))
        }
        var (digits, point) = Self.decimalDigits(of: magnitude)
        if digits.count > significantDigits {
            let roundUp = digits[significantDigits] >= 5
            digits.removeSubrange(significantDigits...)
            if roundUp {
                var index = digits.count - 1
                while index >= 0 {
                    if digits[index] == 9 { digits[index] = 0; index -= 1 } else { digits[index] += 1; break }
                }
                if index < 0 {
                    digits.insert(1, at: 0)
                    digits.removeLast()
                    point += 1
                }
            }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        let scientificExponent = point - 1
        let text = digits.map { String($0) }.joined()
        if scientificExponent < -4 || scientificExponent >= significantDigits {
            let mantissa = text.count > 1 ? String(text.prefix(1)) + "." + String(text.dropFirst()) : text
            return Spelled(isNegative: isNegative, magnitude: .finite(digits: mantissa, exponent: scientificExponent))
        }
        let positional: String
        if point <= 0 {
            positional = "0." + String(repeating: "0", count: -point) + text
        } else if point >= text.count {
            positional = text + String(repeating: "0", count: point - text.count)
        } else {
            positional = String(text.prefix(point)) + "." + String(text.dropFirst(point))
        }
        return Spelled(isNegative: isNegative, magnitude: .finite(digits: positional, exponent: nil))
    }

    /// The shortest decimal digits of a positive finite `value` (no leading zeros), and the
    /// position of the decimal point relative to the first digit: `0.00123` → ([1,2,3], −2).
    /// `value` rounded as plain text, for tables and captions beside the typeset equations:
    /// `0.25`, `−3.2`, `1.235×10⁻⁵`, `∞`, `NaN`.
    public func plainText(_ value: Double) -> String {
        let spelled = spell(value)
        let sign = spelled.isNegative ? "\u{2212}" : ""
        switch spelled.magnitude {
        case .notANumber: return "NaN"
        case .infinity: return sign + "∞"
        case let .finite(digits, exponent?): return sign + digits + "×10" + Self.superscript(exponent)
        case let .finite(digits, nil): return sign + digits
        }
    }

    /// An integer in superscript digits: `-5` → `⁻⁵`.
    static func superscript(_ number: Int) -> String {
        let digits: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return String(String(number).map { digits[$0] ?? $0 })
    }

    private static func decimalDigits(of value: Double) -> (digits: [Int], point: Int) {
        let description = value.description  // shortest round-trip spelling: "0.00123", "1.5e-05"
        let parts = description.split(separator: "e")
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let integer = mantissa[0]
        let fraction = mantissa.count > 1 ? mantissa[1] : ""
        var digits = (integer + fraction).compactMap { $0.wholeNumberValue }
        var point = integer.count + exponent
        while digits.count > 1, digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        return (digits, point)
    }
}
