/// A token of the `numbers` language.
struct Token: Equatable {
    enum Kind: Equatable {
        case name(String)
        case number(Double, spelling: String)
        case binary(BinaryOperator.Kind)
        case transpose
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket
        case comma, semicolon, equals
        case end
    }

    var kind: Kind
    /// The text of the token as written.
    var spelling: String
    /// The character offset of the token's first character.
    var offset: Int
    /// Whether whitespace (or the start of the text) comes right before the token.
    var isPrecededBySpace: Bool
    /// Whether whitespace (or the end of the text) comes right after the token.
    var isFollowedBySpace: Bool

    /// The token as an error message names it: `'('`, `'theta'`, `the end of the relation`.
    var quoted: String {
        kind == .end ? "the end of the relation" : "'\(spelling)'"
    }

    /// Whether the token can begin an operand (a name, number, parenthesis, bracket or minus sign).
    var beginsOperand: Bool {
        switch kind {
        case .name, .number, .leftParenthesis, .leftBracket, .binary(.subtract): true
        default: false
        }
    }
}

/// Splits a relation's text into tokens.
///
/// Offsets count `Character`s from 0 (see `RelationError.offset`). The last token is `.end`,
/// at the text's character count.
enum Lexer {
    /// The most tokens a relation may have.
    static let maximumTokenCount = 400

    static func tokens(in text: String) throws(RelationError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        func isSpace(at position: Int) -> Bool {
            position < 0 || position >= characters.count || characters[position].isWhitespace
        }
        func add(_ kind: Token.Kind, length: Int) {
            let spelling = String(characters[index..<(index + length)])
            tokens.append(
                Token(
                    kind: kind, spelling: spelling, offset: index, isPrecededBySpace: isSpace(at: index - 1),
                    isFollowedBySpace: isSpace(at: index + length)))
            index += length
        }
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if character.isWhitespace {
                index += 1
            } else if isDigit(character) || (character == "." && next.map(isDigit) == true) {
                let length = numberLength(characters, from: index)
                let spelling = String(characters[index..<(index + length)])
                // The scanner accepts only what `Double` parses, so this never falls back.
                add(.number(Double(spelling) ?? .nan, spelling: spelling), length: length)
            } else if isNameStart(character) {
                var end = index + 1
                while end < characters.count && isNameContinuation(characters[end]) { end += 1 }
                add(.name(String(characters[index..<end])), length: end - index)
            } else if character == "." && next == "*" {
                add(.binary(.elementwiseMultiply), length: 2)
            } else if character == "." && next == "/" {
                add(.binary(.elementwiseDivide), length: 2)
            } else if let kind = singleCharacterTokens[character] {
                add(kind, length: 1)
            } else {
                throw RelationError(.unexpectedCharacter(character), offset: index)
            }
            // The parser and evaluator recurse once per nesting level; a bound on the length keeps
            // the recursion far from the stack's limit, and no relation in a lesson comes near it.
            if tokens.count > maximumTokenCount {
                throw RelationError(.tooLong(maximum: maximumTokenCount), offset: tokens[maximumTokenCount].offset)
            }
        }
        tokens.append(
            Token(
                kind: .end, spelling: "", offset: characters.count,
                isPrecededBySpace: isSpace(at: characters.count - 1), isFollowedBySpace: true))
        return tokens
    }

    private static let singleCharacterTokens: [Character: Token.Kind] = [
        "+": .binary(.add), "-": .binary(.subtract), "−": .binary(.subtract),
        "*": .binary(.multiply), "×": .binary(.multiply), "·": .binary(.multiply), "⋅": .binary(.multiply),
        "⊙": .binary(.elementwiseMultiply), "∘": .binary(.elementwiseMultiply),
        "/": .binary(.divide), "^": .binary(.power),
        "'": .transpose, "ᵀ": .transpose, "′": .transpose, "’": .transpose,
        "(": .leftParenthesis, ")": .rightParenthesis, "[": .leftBracket, "]": .rightBracket,
        ",": .comma, ";": .semicolon, "=": .equals,
    ]

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    // `ᵀ` is a modifier letter, so it must be kept out of names for `Wᵀ` to be a transpose.
    private static func isNameStart(_ character: Character) -> Bool {
        character == "_" || (character.isLetter && character != "ᵀ")
    }

    private static func isNameContinuation(_ character: Character) -> Bool {
        isNameStart(character) || isDigit(character)
    }

    /// The length of the number at `start`: `digits [. digits] [(e|E) [+|-] digits]`, or `. digits …`.
    /// A `.` not followed by a digit ends the number, so `2.*x` is `2 .* x`.
    private static func numberLength(_ characters: [Character], from start: Int) -> Int {
        var end = start
        func digits() { while end < characters.count && isDigit(characters[end]) { end += 1 } }
        digits()
        if end + 1 < characters.count && characters[end] == "." && isDigit(characters[end + 1]) {
            end += 1
            digits()
        }
        if end < characters.count && (characters[end] == "e" || characters[end] == "E") {
            var exponent = end + 1
            if exponent < characters.count && (characters[exponent] == "+" || characters[exponent] == "-") {
                exponent += 1
            }
            if exponent < characters.count && isDigit(characters[exponent]) {
                end = exponent
                digits()
            }
        }
        return end - start
    }
}
