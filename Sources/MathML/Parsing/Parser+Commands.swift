// Commands: symbols from the tables in `Symbols.swift`, then the structural ones
// (fractions, roots, fonts, text, accents, `\left … \right`, environments).

extension Parser {
    /// Parses the command `name` whose backslash is at `start`; `position` is after its name.
    mutating func parseCommand(_ name: String, at start: Int) throws(MathError) -> Node {
        if let letter = Symbols.greek[name] { return font.greek(letter) }
        if let symbol = Symbols.ordinary[name] { return .identifier(symbol.text, upright: symbol.upright) }
        if let symbol = Symbols.operators[name] { return .op(symbol, .standard) }
        if let symbol = Symbols.relations[name] { return .op(symbol, .relation) }
        if let symbol = Symbols.largeOperators[name] { return .op(symbol, .largeOperator) }
        if Symbols.functions.contains(name) { return .function(name, limits: false) }
        if Symbols.limitFunctions.contains(name) { return .function(name, limits: true) }
        if let width = Symbols.spaces[name] { return .space(width) }
        if let node = Symbols.escapedCharacters[name] { return node }
        if let accent = Symbols.accents[name] {
            let base = try parseArgument(for: "\\" + name, at: start)
            return .accent(base, mark: accent.mark, accent.size)
        }
        switch name {
        case "frac", "tfrac", "dfrac":
            let numerator = try parseArgument(for: "\\" + name, at: start)
            let denominator = try parseArgument(for: "\\" + name, at: start)
            let style: FractionStyle = name == "tfrac" ? .text : name == "dfrac" ? .display : .inherited
            return .fraction(numerator, denominator, style)
        case "sqrt":
            return try parseRoot(at: start)
        case "mathbf": return try parseStyled(.bold, command: name, at: start)
        case "boldsymbol", "bm": return try parseStyled(.boldItalic, command: name, at: start)
        case "mathbb": return try parseStyled(.doubleStruck, command: name, at: start)
        case "mathcal": return try parseStyled(.calligraphic, command: name, at: start)
        case "mathrm": return try parseStyled(.roman, command: name, at: start)
        case "mathit": return try parseStyled(.italic, command: name, at: start)
        case "text", "textrm", "textnormal", "mbox":
            return .text(try readText(for: "\\" + name, at: start))
        case "operatorname":
            return .function(try readText(for: #"\operatorname"#, at: start), limits: false)
        case "overset", "underset":
            let annotation = try parseArgument(for: "\\" + name, at: start)
            let base = try parseArgument(for: "\\" + name, at: start)
            return .stack(base: base, annotation: annotation, under: name == "underset")
        case "left":
            return try parseFenced(at: start)
        case "begin":
            return try parseEnvironment(at: start)
        default:
            throw MathError(.unsupportedCommand("\\" + name), offset: start)
        }
    }

    /// `\sqrt{x}` or `\sqrt[n]{x}`.
    mutating func parseRoot(at start: Int) throws(MathError) -> Node {
        skipWhitespace()
        var index: Node?
        if peek() == UInt8(ascii: "[") {
            let open = position
            position += 1
            let nodes = try parseList(until: UInt8(ascii: "]"))
            guard peek() == UInt8(ascii: "]") else { throw MathError(.unclosedBracket, offset: open) }
            position += 1
            index = nodes.count == 1 ? nodes[0] : .row(nodes)
        }
        let radicand = try parseArgument(for: #"\sqrt"#, at: start)
        return .root(radicand, index: index)
    }

    /// The argument of a font command, read in that font.
    mutating func parseStyled(_ style: Font, command: String, at start: Int) throws(MathError) -> Node {
        let saved = font
        font = style
        defer { font = saved }
        return try parseArgument(for: "\\" + command, at: start)
    }

    /// `\left<delimiter> … \right<delimiter>`.
    mutating func parseFenced(at start: Int) throws(MathError) -> Node {
        let open = try readDelimiter(for: #"\left"#, at: start)
        let body = try parseList()
        guard peek() == UInt8(ascii: "\\") else { throw MathError(.leftWithoutRight, offset: start) }
        let (name, end) = commandName(at: position)
        guard name == "right" else { throw MathError(.leftWithoutRight, offset: start) }
        let right = position
        position = end
        let close = try readDelimiter(for: #"\right"#, at: right)
        return .fenced(open: open, close: close, body)
    }

    /// The delimiter after `\left` or `\right`; `nil` for the empty delimiter `.`.
    mutating func readDelimiter(for command: String, at offset: Int) throws(MathError) -> String? {
        skipWhitespace()
        guard let byte = peek() else { throw MathError(.missingArgument(command), offset: offset) }
        let start = position
        if byte == UInt8(ascii: ".") {
            position += 1
            return nil
        }
        if let delimiter = Symbols.delimiterCharacters[byte] {
            position += 1
            return delimiter
        }
        if byte == UInt8(ascii: "\\") {
            let (name, end) = commandName(at: position)
            if let delimiter = Symbols.delimiterCommands[name] {
                position = end
                return delimiter
            }
            throw MathError(.invalidDelimiter(command: command, found: "\\" + name), offset: start)
        }
        var end = start + 1
        while let next = peek(at: end), next & 0xC0 == 0x80 { end += 1 }
        let found = String(decoding: bytes[start..<end], as: UTF8.self)
        throw MathError(.invalidDelimiter(command: command, found: found), offset: start)
    }
}
