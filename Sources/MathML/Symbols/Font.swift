// The math alphabets of `\mathbf`, `\boldsymbol`, `\mathbb`, `\mathcal`, `\mathrm`, `\mathit`.
// MathML Core has no `mathvariant` but "normal", so styled letters become the Unicode
// Mathematical Alphanumeric Symbols (U+1D400…), which every math font carries.

/// The alphabet letters, digits and Greek letters are set in.
enum Font: Equatable {
    /// Latin letters italic, digits upright, Greek capitals upright: TeX's default.
    case normal
    /// `\mathrm`: upright; a run of letters is one identifier (`\mathrm{ReLU}`).
    case roman
    /// `\mathit`.
    case italic
    /// `\mathbf`: bold upright.
    case bold
    /// `\boldsymbol`, `\bm`: bold italic.
    case boldItalic
    /// `\mathbb`: double-struck.
    case doubleStruck
    /// `\mathcal`: script capitals.
    case calligraphic

    /// The identifier for an ASCII letter in this alphabet.
    func letter(_ byte: UInt8) -> Node {
        let isUpper = byte < UInt8(ascii: "a")
        let index = UInt32(byte - (isUpper ? UInt8(ascii: "A") : UInt8(ascii: "a")))
        let plain = String(UnicodeScalar(byte))
        switch self {
        case .normal: return .identifier(plain, upright: false)
        case .roman: return .identifier(plain, upright: true)
        case .italic:
            if byte == UInt8(ascii: "h") { return .identifier("ℎ", upright: false) }
            return mapped((isUpper ? 0x1D434 : 0x1D44E) + index)
        case .bold: return mapped((isUpper ? 0x1D400 : 0x1D41A) + index)
        case .boldItalic: return mapped((isUpper ? 0x1D468 : 0x1D482) + index)
        case .doubleStruck:
            if let hole = Font.doubleStruckHoles[byte] { return mapped(hole) }
            return mapped((isUpper ? 0x1D538 : 0x1D552) + index)
        case .calligraphic:
            if let hole = Font.scriptHoles[byte] { return mapped(hole) }
            return mapped((isUpper ? 0x1D49C : 0x1D4B6) + index)
        }
    }

    /// The number for a run of ASCII digits (and a decimal point) in this alphabet.
    func number(_ digits: String) -> Node {
        let base: UInt32
        switch self {
        case .bold, .boldItalic: base = 0x1D7CE
        case .doubleStruck: base = 0x1D7D8
        default: return .number(digits)
        }
        var styled = String.UnicodeScalarView()
        for scalar in digits.unicodeScalars {
            if scalar.value >= 0x30, scalar.value <= 0x39, let mapped = UnicodeScalar(base + scalar.value - 0x30) {
                styled.append(mapped)
            } else {
                styled.append(scalar)
            }
        }
        return .number(String(styled))
    }

    /// The identifier for a Greek letter (or `∇`, `∂`) in this alphabet.
    func greek(_ letter: String) -> Node {
        let scalar = letter.unicodeScalars.first!.value
        let isUpper = scalar >= 0x391 && scalar <= 0x3A9
        switch self {
        case .bold: if let index = Font.greekIndex(scalar) { return mapped(0x1D6A8 + index) }
        case .boldItalic: if let index = Font.greekIndex(scalar) { return mapped(0x1D71C + index) }
        case .roman: return .identifier(letter, upright: true)
        default: break
        }
        return .identifier(letter, upright: isUpper)
    }

    private func mapped(_ value: UInt32) -> Node {
        .identifier(String(UnicodeScalar(value)!), upright: false)
    }

    /// The position of a Greek letter in the Unicode math Greek blocks: 25 capitals (with ϴ
    /// in the gap at U+03A2), ∇, 25 small letters, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ.
    private static func greekIndex(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x391...0x3A9 where scalar != 0x3A2: return scalar - 0x391
        case 0x2207: return 25
        case 0x3B1...0x3C9: return 26 + scalar - 0x3B1
        case 0x2202: return 51
        case 0x3F5: return 52
        case 0x3D1: return 53
        case 0x3F0: return 54
        case 0x3D5: return 55
        case 0x3F1: return 56
        case 0x3D6: return 57
        default: return nil
        }
    }

    /// Letters that Unicode encodes outside the double-struck block.
    private static let doubleStruckHoles: [UInt8: UInt32] = [
        UInt8(ascii: "C"): 0x2102, UInt8(ascii: "H"): 0x210D, UInt8(ascii: "N"): 0x2115,
        UInt8(ascii: "P"): 0x2119, UInt8(ascii: "Q"): 0x211A, UInt8(ascii: "R"): 0x211D,
        UInt8(ascii: "Z"): 0x2124,
    ]

    /// Letters that Unicode encodes outside the script block.
    private static let scriptHoles: [UInt8: UInt32] = [
        UInt8(ascii: "B"): 0x212C, UInt8(ascii: "E"): 0x2130, UInt8(ascii: "F"): 0x2131,
        UInt8(ascii: "H"): 0x210B, UInt8(ascii: "I"): 0x2110, UInt8(ascii: "L"): 0x2112,
        UInt8(ascii: "M"): 0x2133, UInt8(ascii: "R"): 0x211B, UInt8(ascii: "e"): 0x212F,
        UInt8(ascii: "g"): 0x210A, UInt8(ascii: "o"): 0x2134,
    ]
}
