/// A formula the converter cannot typeset, with the place in the formula where it went wrong.
///
/// `offset` counts **UTF-8 bytes** from the start of the formula (the text between the
/// dollar signs), so `offset 0` is its first character. Use ``location(in:)`` to turn it into
/// a line and column within the formula; the lesson runner adds the formula's own position
/// in the lesson file.
///
/// ```swift
/// do { _ = try MathML.convert(#"x + \foo"#, display: false) }
/// catch { print(error) }  // offset 4: unsupported command '\foo'
/// ```
public struct MathError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// A command outside the supported subset, with its backslash: `\foo`.
        case unsupportedCommand(String)
        /// `\begin{name}` with a name outside the supported environments.
        case unsupportedEnvironment(String)
        /// A character with no meaning in math mode (`%`, `#`, `$`, `~` is a space).
        case unsupportedCharacter(String)
        /// A `{` that is never closed; the offset is that of the `{`.
        case unclosedBrace
        /// A `[` (the index of `\sqrt[n]{…}`) that is never closed; the offset is that of the `[`.
        case unclosedBracket
        /// A `}` without an open `{`.
        case unmatchedClosingBrace
        /// `\left` without `\right`; the offset is that of `\left`.
        case leftWithoutRight
        /// `\right` without `\left`.
        case rightWithoutLeft
        /// A delimiter after `\left` or `\right` that is not one.
        case invalidDelimiter(command: String, found: String)
        /// `\begin{name}` without `\end{name}`; the offset is that of `\begin`.
        case unclosedEnvironment(String)
        /// `\end{name}` without `\begin{name}`.
        case endWithoutBegin(String)
        /// `\begin{begin}` closed by `\end{end}`; the offset is that of `\end`.
        case mismatchedEnd(begin: String, end: String)
        /// A row whose cell count differs from the first row's (or the array's column
        /// specification); the offset is that of the row's first token. Rows count from 1.
        case raggedRows(environment: String, row: Int, cells: Int, expected: Int)
        /// An `array` column specification with something other than `l`, `c`, `r`.
        case unsupportedColumnSpecification(String)
        /// A command or script with nothing to apply to (`\frac{1}`, `x^`).
        case missingArgument(String)
        /// `x^a^b` or `x'^a'`.
        case doubleSuperscript
        /// `x_a_b`.
        case doubleSubscript
        /// `&` outside a table environment.
        case alignmentOutsideEnvironment
        /// `\\` outside a table environment.
        case lineBreakOutsideEnvironment
        /// Groups, arguments and environments nested more than `maximum` deep; the offset is
        /// where the nesting passes the limit.
        case tooDeep(maximum: Int)
    }

    /// What went wrong.
    public var kind: Kind
    /// The UTF-8 byte offset into the formula where it went wrong.
    public var offset: Int

    /// Creates an error of the given kind at a UTF-8 byte offset.
    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// The message without the position: `unsupported command '\foo'`.
    public var message: String {
        switch kind {
        case .unsupportedCommand(let name): return "unsupported command '\(name)'"
        case .unsupportedEnvironment(let name): return "unsupported environment '\(name)'"
        case .unsupportedCharacter(let character): return "unsupported character '\(character)'"
        case .unclosedBrace: return "unbalanced brace: '{' is never closed"
        case .unclosedBracket: return "unbalanced bracket: '[' is never closed"
        case .unmatchedClosingBrace: return "unbalanced brace: '}' has no matching '{'"
        case .leftWithoutRight: return #"'\left' without matching '\right'"#
        case .rightWithoutLeft: return #"'\right' without matching '\left'"#
        case .invalidDelimiter(let command, let found):
            return "'\(command)' expects a delimiter, found '\(found)'"
        case .unclosedEnvironment(let name): return #"'\begin{\#(name)}' without matching '\end{\#(name)}'"#
        case .endWithoutBegin(let name): return #"'\end{\#(name)}' without matching '\begin{\#(name)}'"#
        case .mismatchedEnd(let begin, let end): return #"'\begin{\#(begin)}' ended by '\end{\#(end)}'"#
        case .raggedRows(let environment, let row, let cells, let expected):
            return "ragged rows in '\(environment)': row \(row) has \(cells) cells, expected \(expected)"
        case .unsupportedColumnSpecification(let spec): return "unsupported column specification '\(spec)'"
        case .missingArgument(let command): return "'\(command)' expects an argument"
        case .doubleSuperscript: return "double superscript"
        case .doubleSubscript: return "double subscript"
        case .alignmentOutsideEnvironment: return "'&' outside a table environment"
        case .lineBreakOutsideEnvironment: return #"'\\' outside a table environment"#
        case .tooDeep(let maximum): return "the formula nests more than \(maximum) groups and arguments deep"
        }
    }

    /// `offset 12: unsupported command '\foo'`.
    public var description: String { "offset \(offset): \(message)" }

    /// The 1-based line and column (in characters) of ``offset`` within `tex`.
    ///
    /// - Parameter tex: The formula the error came from.
    /// - Returns: `(1, 1)` for offset 0; a formula spanning lines counts lines from its start.
    public func location(in tex: String) -> (line: Int, column: Int) {
        let utf8 = tex.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        var line = 1
        var column = 1
        for character in tex[..<end] {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
