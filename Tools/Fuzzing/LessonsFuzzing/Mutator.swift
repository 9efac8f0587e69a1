/// Mutates inputs the way a student's typing, a bad merge or a hostile file would: bytes
/// flipped, inserted and deleted; lines duplicated, swapped, dropped and spliced in from other
/// lessons; tokens that mean something to YAML, Markdown, LaTeX or the `numbers` language
/// dropped in; numbers replaced by extreme ones; brackets nested thousands deep.
public struct Mutator: Sendable {
    /// The inputs to splice lines and pieces from.
    public let donors: [[UInt8]]
    /// Words found in the donors (keys, values, names, commands), to drop in.
    public let words: [[UInt8]]
    /// The largest input produced, in bytes.
    public var maximumSize = 1 << 18

    /// Tokens with a meaning to one of the surfaces, and characters that trouble text handling.
    public static let tokens: [String] = [
        // YAML
        ": ", ":", "- ", "-", "[", "]", "{", "}", ",", "\"", "'", "''", "\\\"", "|", "|-", ">", ">+", "#", "? ",
        "&a ", "*a", "!!str ", "!!binary ", "!tag ", "%YAML 1.1\n", "---", "...", "\t", "  ", "    ", "~", "null", "true",
        "yes", "<<: ", "\\x", "\\u00e9", "\\U0001F600",
        // Markdown and the lesson format
        "```", "```{", "```{train}", "```{equation}", "```{data}", "```{model}", "```{plot}", "```{table}",
        "```{compare}", "```{evaluate}", "```swift", "\n---\n", "`", "\\$", "$", "$$", "*", "**", "_",
        "![", "](", "](javascript:alert(1))", "]: data:x", "<script>", "<img src=x onerror=alert(1)>", "$x$ ", "&#0;",
        "\n> ", "\n- ", "\n1. ", "\n| a | b |\n| --- | ---: |\n", "~~~", "caption: ", "summary: ",
        // LaTeX
        "\\", "\\\\", "\\frac", "\\frac{", "\\sqrt[", "^", "_", "^{", "_{", "\\left(", "\\right)", "\\left.", "\\right|",
        "\\begin{bmatrix}", "\\end{bmatrix}", "\\begin{array}{", "\\end{array}", "\\begin{cases}", "\\end{cases}",
        "\\begin{aligned}", "\\end{aligned}", "&", "\\text{", "\\mathbf", "\\hat", "\\sum_", "\\foo", "%", "\\mathrm{",
        "\\operatorname{", "\\overset", "''", "\\,", "~",
        // The numbers language
        "(", ")", "'", "ᵀ", "′", ".*", "./", "⊙", "×", "−", "=", ";", "relu'(", "sigmoid(", "sum(", "mean(", "softmax(",
        "hardlim(", "exp(", "log(", "tanh'(", "e", "E", ".", "_new",
        // numbers at the edges
        "0", "-0", "1e309", "-1e309", "1e-400", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999999999", "0.000000000000000000000000000001", "1e", "1e+", ".5", "5.", "0x1F", "nan",
        ".inf", "-.inf", "NaN", "1_000", "0o17", "+1", "2147483648", "4294967296", "1e18", "18446744073709551616",
        // text handling
        "\r", "\r\n", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{0301}", "e\u{0301}",
        "é", "α", "𝐱", "🙂", "👩‍👩‍👧", "\u{202E}", "\u{FFFD}", "\u{10FFFF}",
    ].map { $0 }

    private static let tokenBytes: [[UInt8]] = tokens.map { Array($0.utf8) }

    /// Openers a deeply nested input repeats, with the closer that balances each.
    private static let nestings: [(open: String, close: String)] = [
        ("(", ")"), ("[", "]"), ("{", "}"), ("[[", "]]"), ("- ", ""), ("- [", "]"), ("{a: ", "}"), ("a:\n ", ""),
        ("\\left(", "\\right)"), ("\\frac{", "}{1}"), ("\\sqrt{", "}"), ("x^{", "}"), ("x_{", "}"), ("\\text{", "}"),
        ("\\begin{bmatrix}", "\\end{bmatrix}"), ("-", ""), ("relu(", ")"), ("'", ""), ("$", ""), ("```{train}\n", "```\n"),
        ("> ", ""), ("  ", ""), ("\\hat", ""), ("x'", ""), ("\\mathbf{", "}"), ("&a [*a, ", "]"),
        // Markdown in prose, summaries and captions: brackets, images, emphasis, code, math, lists.
        ("![", "](a)"), ("[", "](a)"), ("*", "*"), ("**", "**"), ("_", "_"), ("`", "`"), ("$x$ ", ""), ("\n  - a", ""),
    ]

    /// A mutator splicing from `donors`.
    public init(donors: [[UInt8]]) {
        self.donors = donors.isEmpty ? [Array("x".utf8)] : donors
        var words = Set<[UInt8]>()
        for donor in donors.prefix(2000) {
            var word: [UInt8] = []
            for byte in donor + [0x20] {
                if byte.isWordByte {
                    word.append(byte)
                } else {
                    if (2...40).contains(word.count) { words.insert(word) }
                    word = []
                }
            }
        }
        self.words = words.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// `input` with one to a few mutations stacked.
    public func mutate(_ input: [UInt8], using random: inout FuzzRandom) -> [UInt8] {
        var bytes = input
        let count = 1 + (random.chance(1, 3) ? random.below(8) : random.below(3))
        for _ in 0..<count {
            mutateOnce(&bytes, using: &random)
            if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
        }
        return bytes
    }

    /// Random bytes: `length` of them, sometimes only printable ASCII, sometimes only the
    /// characters that matter to the surfaces.
    public static func randomBytes(_ length: Int, using random: inout FuzzRandom) -> [UInt8] {
        switch random.below(3) {
        case 0: return (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case 1: return (0..<length).map { _ in UInt8(0x20 + random.below(0x5F)) }
        default:
            let alphabet = Array("{}[]()\\$^_&:-'\"`\n \t#|>,;=.*/xe1".utf8)
            return (0..<length).map { _ in random.pick(alphabet) }
        }
    }

    // MARK: - One mutation

    private func mutateOnce(_ bytes: inout [UInt8], using random: inout FuzzRandom) {
        switch random.below(20) {
        case 0: flipBit(&bytes, &random)
        case 1: setByte(&bytes, &random)
        case 2, 3: insert(random.pick(Self.tokenBytes), into: &bytes, &random)
        case 4: insert(random.pick(words.isEmpty ? Self.tokenBytes : words), into: &bytes, &random)
        case 5: insert(Self.randomBytes(1 + random.below(16), using: &random), into: &bytes, &random)
        case 6: deleteRange(&bytes, &random)
        case 7: duplicateLine(&bytes, &random)
        case 8: deleteLine(&bytes, &random)
        case 9: swapLines(&bytes, &random)
        case 10, 11: spliceLines(&bytes, &random)
        case 12: crossOver(&bytes, &random)
        case 13: replaceNumber(&bytes, &random)
        case 14: nest(&bytes, &random)
        case 15: repeatRange(&bytes, &random)
        case 16: replaceWord(&bytes, &random)
        case 17: reindentLine(&bytes, &random)
        case 18: truncate(&bytes, &random)
        default: insert(random.pick(Self.tokenBytes), into: &bytes, &random)
        }
    }

    private func flipBit(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        bytes[random.below(bytes.count)] ^= 1 << UInt8(random.below(8))
    }

    private func setByte(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        let interesting: [UInt8] = [0, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x24, 0x27, 0x2D, 0x3A, 0x5B, 0x5C, 0x7B, 0x7F, 0x80, 0xC3, 0xFF]
        bytes[random.below(bytes.count)] = random.chance(1, 2) ? random.pick(interesting) : UInt8(truncatingIfNeeded: random.next())
    }

    private func insert(_ piece: [UInt8], into bytes: inout [UInt8], _ random: inout FuzzRandom) {
        bytes.insert(contentsOf: piece, at: random.below(bytes.count + 1))
    }

    private func deleteRange(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        let start = random.below(bytes.count)
        let length = 1 + random.below(random.chance(1, 4) ? min(256, bytes.count - start) : min(8, bytes.count - start))
        bytes.removeSubrange(start..<min(bytes.count, start + length))
    }

    private func truncate(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        bytes.removeSubrange(random.below(bytes.count)...)
    }

    // MARK: Lines

    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    }

    private static func joined(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
        Array(lines.joined(separator: [0x0A]))
    }

    private func duplicateLine(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        var lines = Self.lines(bytes)
        let index = random.below(lines.count)
        lines.insert(lines[index], at: random.below(lines.count + 1))
        bytes = Self.joined(lines)
    }

    private func deleteLine(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        var lines = Self.lines(bytes)
        guard lines.count > 1 else { return }
        let start = random.below(lines.count)
        lines.removeSubrange(start..<min(lines.count, start + 1 + random.below(3)))
        bytes = Self.joined(lines)
    }

    private func swapLines(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        var lines = Self.lines(bytes)
        lines.swapAt(random.below(lines.count), random.below(lines.count))
        bytes = Self.joined(lines)
    }

    /// Lines of another input, inserted among this one's.
    private func spliceLines(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        let donor = Self.lines(random.pick(donors))
        let start = random.below(donor.count)
        let piece = donor[start..<min(donor.count, start + 1 + random.below(6))]
        var lines = Self.lines(bytes)
        lines.insert(contentsOf: piece, at: random.below(lines.count + 1))
        bytes = Self.joined(lines)
    }

    /// This input's beginning and another's end.
    private func crossOver(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        let donor = random.pick(donors)
        bytes = Array(bytes.prefix(random.below(bytes.count + 1))) + donor.suffix(random.below(donor.count + 1))
    }

    private func reindentLine(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        var lines = Self.lines(bytes)
        let index = random.below(lines.count)
        let trimmed = lines[index].drop { $0 == 0x20 || $0 == 0x09 }
        let indent: [UInt8] = random.chance(1, 4) ? [0x09] : Array(repeating: 0x20, count: random.below(9))
        lines[index] = ArraySlice(indent + trimmed)
        bytes = Self.joined(lines)
    }

    // MARK: Numbers, words, nesting

    /// A run of digits (with its sign, point and exponent) replaced by an extreme number.
    private func replaceNumber(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        let digits = bytes.indices.filter { bytes[$0].isDigit }
        let replacement: [UInt8]
        switch random.below(4) {
        case 0: replacement = Array(String(repeating: "9", count: 1 + random.below(400)).utf8)
        case 1: replacement = Array("1e\(random.pick(["308", "309", "-324", "-400", "99999999999999999999", "+"]))".utf8)
        case 2: replacement = Array(String(Int64(bitPattern: random.next()) >> random.below(64)).utf8)
        default: replacement = Array(random.pick(["-0", "0", "-1", "0.5", "1.7976931348623157e308", "4.9e-324", ".", "0000000001"]).utf8)
        }
        guard let start = digits.isEmpty ? nil : random.pick(digits) else {
            insert(replacement, into: &bytes, &random)
            return
        }
        var lower = start, upper = start
        while lower > 0, bytes[lower - 1].isNumberByte { lower -= 1 }
        while upper < bytes.count, bytes[upper].isNumberByte { upper += 1 }
        bytes.replaceSubrange(lower..<upper, with: replacement)
    }

    /// A word (a key, a name, a value) replaced by another word of the donors.
    private func replaceWord(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !words.isEmpty, !bytes.isEmpty else { return }
        var start = random.below(bytes.count)
        guard bytes[start].isWordByte else { return insert(random.pick(words), into: &bytes, &random) }
        var end = start
        while start > 0, bytes[start - 1].isWordByte { start -= 1 }
        while end < bytes.count, bytes[end].isWordByte { end += 1 }
        bytes.replaceSubrange(start..<end, with: random.pick(words))
    }

    /// An opener repeated up to tens of thousands of times, sometimes balanced by its closer.
    private func nest(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        let (open, close) = random.pick(Self.nestings)
        // Mostly around the parsers' limits (50 levels of LaTeX, 400 tokens of a relation), sometimes far past them.
        let depth = (random.chance(3, 4) ? random.pick([2, 5, 10, 30, 49, 50, 51, 60, 120, 199, 200, 201, 300])
            : random.pick([1000, 5000, 20000, 100_000])) - random.below(2)
        let at = random.below(bytes.count + 1)
        var piece = Array(String(repeating: open, count: depth).utf8)
        if random.chance(1, 2) {
            piece += Array("x".utf8) + Array(String(repeating: close, count: depth - random.below(2)).utf8)
        }
        bytes.insert(contentsOf: piece.prefix(maximumSize), at: at)
    }

    /// A short range of the input repeated many times.
    private func repeatRange(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
        guard !bytes.isEmpty else { return }
        let start = random.below(bytes.count)
        let piece = bytes[start..<min(bytes.count, start + 1 + random.below(16))]
        let times = random.pick([2, 10, 100, 1000, 10000])
        bytes.insert(contentsOf: Array(repeatElement(piece, count: times).joined()).prefix(maximumSize), at: start)
    }
}

extension UInt8 {
    var isDigit: Bool { (0x30...0x39).contains(self) }
    var isNumberByte: Bool { isDigit || self == 0x2E || self == 0x65 || self == 0x45 || self == 0x2D || self == 0x2B }
    var isWordByte: Bool { isDigit || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) || self == 0x5F || self == 0x5C }
}
