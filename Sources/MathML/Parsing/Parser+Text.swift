// The raw text argument of `\text{…}` and `\operatorname{…}`: braces nest, a few escaped
// characters are allowed, any other command is an error rather than being printed.

extension Parser {
    /// Reads `{text}` after `command` (at `offset`).
    ///
    /// Runs of white space become one space, and spaces at either end become no-break spaces so the browser keeps them.
    mutating func readText(for command: String, at offset: Int) throws(MathError) -> String {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw MathError(.missingArgument(command), offset: offset) }
        let open = position
        position += 1
        var depth = 0
        var raw: [UInt8] = []
        while true {
            guard let byte = peek() else { throw MathError(.unclosedBrace, offset: open) }
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                if depth == 0 { return Parser.normalizedText(raw) }
                depth -= 1
            case UInt8(ascii: "\\"):
                let (name, end) = commandName(at: position)
                switch name {
                case "{", "}", "_", "%", "&", "$", "#": raw.append(contentsOf: name.utf8)
                case " ", ",", ";", "quad": raw.append(0x20)
                default: throw MathError(.unsupportedCommand("\\" + name), offset: position)
                }
                position = end
            case UInt8(ascii: "$"), UInt8(ascii: "%"):
                throw MathError(.unsupportedCharacter(String(UnicodeScalar(byte))), offset: position)
            case UInt8(ascii: "~"):
                raw.append(0x20)
                position += 1
            default:
                raw.append(byte)
                position += 1
            }
        }
    }

    private static func normalizedText(_ raw: [UInt8]) -> String {
        var words: [Substring] = []
        let text = String(decoding: raw, as: UTF8.self)
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            words.append(word)
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
        let leading = raw.first.map(isSpace) ?? false
        let trailing = raw.last.map(isSpace) ?? false
        if words.isEmpty { return leading ? "\u{A0}" : "" }
        return (leading ? "\u{A0}" : "") + words.joined(separator: " ") + (trailing ? "\u{A0}" : "")
    }
}
