// A recursive-descent reader of the LaTeX math subset, over the formula's UTF-8 bytes so
// that every error can carry a byte offset. Lists, groups, scripts and characters live
// here; commands and environments in the extensions beside this file.

struct Parser {
    let bytes: [UInt8]
    var position = 0
    /// The alphabet that letters and digits are currently set in (`\mathbf{…}` changes it).
    var font: Font = .normal
    /// How many lists and arguments are open around the position.
    var depth = 0
    /// The most lists and arguments open at once: every recursion of the parser (and of the
    /// renderer after it) passes through one, so the limit keeps both far from the stack's end,
    /// even on a thread with a small stack, and no formula of a lesson comes near it.
    static let maximumDepth = 50

    init(_ tex: String) {
        bytes = Array(tex.utf8)
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// Parses the whole formula.
    mutating func parseFormula() throws(MathError) -> [Node] {
        let nodes = try parseList()
        if !isAtEnd { try failOnTerminator() }
        return nodes
    }

    // MARK: - Lists

    /// Reads atoms, with their scripts, up to the end of the input or a terminator.
    ///
    /// The terminators are `}`, `&`, `\\`, `\end`, `\right`, and `closer` when given; the
    /// terminator is left unread for the caller to check.
    mutating func parseList(until closer: UInt8? = nil) throws(MathError) -> [Node] {
        try enterLevel()
        defer { depth -= 1 }
        var nodes: [Node] = []
        while true {
            skipWhitespace()
            guard let byte = peek() else { return nodes }
            let atom: Node
            switch byte {
            case UInt8(ascii: "}"), UInt8(ascii: "&"):
                return nodes
            case closer:
                return nodes
            case UInt8(ascii: "\\"):
                let (name, end) = commandName(at: position)
                if name == "\\" || name == "end" || name == "right" { return nodes }
                let start = position
                position = end
                atom = try parseCommand(name, at: start)
            case UInt8(ascii: "^"), UInt8(ascii: "_"):
                // Scripts with nothing before them (`{}^2`, or at the start of a cell) sit on
                // an empty base, as in TeX.
                atom = .row([])
            default:
                atom = try parseCharacter(single: false)
            }
            if case .space = atom {
                nodes.append(atom)
            } else {
                nodes.append(try parseScripts(on: atom))
            }
        }
    }

    /// Turns the terminator that stopped a top-level or group list into its error.
    func failOnTerminator() throws(MathError) -> Never {
        switch bytes[position] {
        case UInt8(ascii: "}"): throw MathError(.unmatchedClosingBrace, offset: position)
        case UInt8(ascii: "&"): throw MathError(.alignmentOutsideEnvironment, offset: position)
        default:
            let (name, end) = commandName(at: position)
            switch name {
            case "\\": throw MathError(.lineBreakOutsideEnvironment, offset: position)
            case "right": throw MathError(.rightWithoutLeft, offset: position)
            default:
                var copy = self
                copy.position = end
                let environment = (try? copy.readBracedName(for: #"\end"#, at: position)) ?? ""
                throw MathError(.endWithoutBegin(environment), offset: position)
            }
        }
    }

    /// Reads `{ … }` as one node; the brace must close before any terminator.
    mutating func parseGroup() throws(MathError) -> Node {
        let open = position
        position += 1
        let nodes = try parseList()
        guard peek() == UInt8(ascii: "}") else { throw MathError(.unclosedBrace, offset: open) }
        position += 1
        return nodes.count == 1 ? nodes[0] : .row(nodes)
    }

    /// Reads the argument of `command` (at `offset`): a braced group or a single token.
    mutating func parseArgument(for command: String, at offset: Int) throws(MathError) -> Node {
        try enterLevel()
        defer { depth -= 1 }
        skipWhitespace()
        guard let byte = peek() else { throw MathError(.missingArgument(command), offset: offset) }
        switch byte {
        case UInt8(ascii: "{"):
            return try parseGroup()
        case UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            throw MathError(.missingArgument(command), offset: offset)
        case UInt8(ascii: "\\"):
            let (name, end) = commandName(at: position)
            if name == "\\" || name == "end" || name == "right" {
                throw MathError(.missingArgument(command), offset: offset)
            }
            let start = position
            position = end
            return try parseCommand(name, at: start)
        default:
            return try parseCharacter(single: true)
        }
    }

    /// Opens a list or an argument, refusing one beyond ``maximumDepth``.
    mutating func enterLevel() throws(MathError) {
        guard depth < Parser.maximumDepth else {
            throw MathError(.tooDeep(maximum: Parser.maximumDepth), offset: position)
        }
        depth += 1
    }

    // MARK: - Scripts

    /// Attaches any `^`, `_` and `'` that follow `base`.
    mutating func parseScripts(on base: Node) throws(MathError) -> Node {
        var sub: Node?
        var sup: Node?
        var primes = 0
        while true {
            let save = position
            skipWhitespace()
            guard let byte = peek() else { position = save; break }
            let at = position
            if byte == UInt8(ascii: "'") {
                if sup != nil { throw MathError(.doubleSuperscript, offset: at) }
                primes += 1
                position += 1
            } else if byte == UInt8(ascii: "^") {
                if sup != nil { throw MathError(.doubleSuperscript, offset: at) }
                position += 1
                sup = try parseArgument(for: "^", at: at)
            } else if byte == UInt8(ascii: "_") {
                if sub != nil { throw MathError(.doubleSubscript, offset: at) }
                position += 1
                sub = try parseArgument(for: "_", at: at)
            } else {
                position = save
                break
            }
        }
        guard primes > 0 else {
            if sub == nil && sup == nil { return base }
            return .scripts(base: base, sub: sub, sup: sup)
        }
        let marks = ["′", "″", "‴"]
        let prime = primes <= 3 ? marks[primes - 1] : String(repeating: "′", count: primes)
        if let power = sup {
            // `f'^2`: TeX sets the prime and the power together as the superscript.
            return .scripts(base: base, sub: sub, sup: .row([.op(prime, .standard), power]))
        }
        // A prime glyph is already raised; as a superscript it would sit twice as high.
        let scripted: Node = sub.map { .scripts(base: base, sub: $0, sup: nil) } ?? base
        return .row([scripted, .op(prime, .unspaced)])
    }

    // MARK: - Characters

    /// Reads one atom that starts with a plain character.
    ///
    /// With `single`, a number or an
    /// upright word is one character long (`\frac12`, `\mathrm d`).
    mutating func parseCharacter(single: Bool) throws(MathError) -> Node {
        let start = position
        let byte = bytes[position]
        if byte == UInt8(ascii: "{") { return try parseGroup() }
        if isLetter(byte) {
            if font == .roman && !single {
                while let next = peek(), isLetter(next) { position += 1 }
                let word = String(decoding: bytes[start..<position], as: UTF8.self)
                return .identifier(word, upright: true)
            }
            position += 1
            return font.letter(byte)
        }
        if isDigit(byte) || (byte == UInt8(ascii: ".") && isDigit(peek(at: position + 1))) {
            return readNumber(single: single)
        }
        position += 1
        switch byte {
        case UInt8(ascii: "-"): return .op("−", .standard)
        case UInt8(ascii: "*"): return .op("∗", .standard)
        case UInt8(ascii: "'"): return .op("′", .standard)
        case UInt8(ascii: ":") where peek() == UInt8(ascii: "="):
            position += 1
            return .op(":=", .standard)
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"):
            return .op(String(UnicodeScalar(byte)), .smallFence)
        case UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"):
            return .op(String(UnicodeScalar(byte)), .standard)
        case UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "@"):
            return .op(String(UnicodeScalar(byte)), .unspaced)
        case UInt8(ascii: "~"):
            return .space("0.3333em")
        case 0x80...:
            return readNonASCII(from: start)
        default:
            throw MathError(.unsupportedCharacter(String(UnicodeScalar(byte))), offset: start)
        }
    }

    /// Reads `12`, `0.5`, `.5` (all digits, one decimal point), or a single digit.
    mutating func readNumber(single: Bool) -> Node {
        let start = position
        if single {
            position += 1
        } else {
            while isDigit(peek()) { position += 1 }
            if peek() == UInt8(ascii: "."), isDigit(peek(at: position + 1)) {
                position += 1
                while isDigit(peek()) { position += 1 }
            }
        }
        return font.number(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    /// A character typed directly (`×`, `≤`, `α`): letters are identifiers, digits numbers,
    /// everything else an operator.
    mutating func readNonASCII(from start: Int) -> Node {
        while let next = peek(), next & 0xC0 == 0x80 { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let scalar = text.unicodeScalars.first else { return .op(text, .standard) }
        if scalar.properties.isAlphabetic { return .identifier(text, upright: false) }
        if scalar.properties.numericType != nil { return .number(text) }
        return .op(text, .standard)
    }

    // MARK: - Scanning

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    func peek(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
            position += 1
        }
    }

    /// The name of the command whose backslash is at `start`, and the index after it.
    ///
    /// Names are letters (`frac`) or one other character (`,`, `\`). A lone backslash at the end has the empty name.
    func commandName(at start: Int) -> (name: String, end: Int) {
        var end = start + 1
        guard end < bytes.count else { return ("", end) }
        if isLetter(bytes[end]) {
            while end < bytes.count, isLetter(bytes[end]) { end += 1 }
        } else {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        return (String(decoding: bytes[(start + 1)..<end], as: UTF8.self), end)
    }

    /// Reads `{name}` (letters and `*`), as after `\begin` and `\end`.
    mutating func readBracedName(for command: String, at offset: Int) throws(MathError) -> String {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw MathError(.missingArgument(command), offset: offset) }
        let start = position + 1
        var end = start
        while let byte = peek(at: end), isLetter(byte) || byte == UInt8(ascii: "*") { end += 1 }
        guard peek(at: end) == UInt8(ascii: "}"), end > start else {
            throw MathError(.missingArgument(command), offset: offset)
        }
        position = end + 1
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
}

func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}
