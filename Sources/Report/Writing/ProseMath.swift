import MathML

/// Finds the `$…$` (inline) and `$$…$$` (display) math in Markdown prose.
///
/// A backslash-escaped dollar (`\$`) is a dollar sign, not math, and dollars inside code spans
/// and fenced code blocks are left alone.
public enum ProseMath {
    /// A piece of prose: text, or a formula with its offset in the prose (in characters).
    public enum Segment: Sendable, Equatable {
        /// Markdown text.
        case text(String)
        /// A formula: its LaTeX, whether it is display math, and the character offset of its first character.
        case math(String, display: Bool, offset: Int)
    }

    /// An opening `$` or `$$` without its closing partner.
    public struct UnclosedMath: Error, Sendable, Equatable {
        /// The character offset of the opening dollar.
        public var offset: Int
    }

    /// Splits `prose` into text and formulas.
    public static func segments(_ prose: String) throws(UnclosedMath) -> [Segment] {
        let characters = Array(prose)
        var segments = [Segment]()
        var text = ""
        var index = 0
        var inCode = false
        var atLineStart = true
        while index < characters.count {
            let character = characters[index]
            if atLineStart, characters[index...].starts(with: "```") {
                inCode.toggle()
            }
            atLineStart = character == "\n"
            if character == "`", !characters[index...].starts(with: "```") {
                if let close = characters[(index + 1)...].firstIndex(of: "`") {
                    text += String(characters[index...close])
                    index = close + 1
                    continue
                }
            }
            if inCode || character != "$" {
                if character == "\\", index + 1 < characters.count, characters[index + 1] == "$", !inCode {
                    text += "\\$"
                    index += 2
                    continue
                }
                text.append(character)
                index += 1
                continue
            }
            let display = index + 1 < characters.count && characters[index + 1] == "$"
            let delimiter = display ? 2 : 1
            let start = index + delimiter
            var end = start
            var found: Int?
            while end < characters.count {
                if characters[end] == "\\" { end += 2; continue }
                if characters[end] == "$", !display || (end + 1 < characters.count && characters[end + 1] == "$") {
                    found = end
                    break
                }
                end += 1
            }
            guard let close = found, close > start else { throw UnclosedMath(offset: index) }
            if !text.isEmpty { segments.append(.text(text)) }
            text = ""
            segments.append(.math(String(characters[start..<close]), display: display, offset: start))
            index = close + delimiter
        }
        if !text.isEmpty { segments.append(.text(text)) }
        return segments
    }
}

extension ProseMath {
    /// A piece of prose with its formula typeset: text, or a formula as MathML (or the reason
    /// it does not convert).
    public enum TypesetSegment: Sendable, Equatable {
        /// Markdown text.
        case text(String)
        /// A formula: its LaTeX, whether it is display math, its MathML or the converter's error,
        /// and the character offset of its first character in the prose.
        case math(String, display: Bool, Result<String, MathError>, offset: Int)
    }

    /// What is wrong with the math of a piece of prose, and where (in characters).
    public enum Mistake: Error, Sendable, Equatable {
        /// An opening `$` or `$$` without its closing partner, at `offset`.
        case unclosed(offset: Int)
        /// A formula that does not convert: its LaTeX, the converter's error, and the character
        /// offset in the prose of the place the error points at.
        case formula(String, MathError, offset: Int)

        /// The character offset in the prose.
        public var offset: Int {
            switch self {
            case let .unclosed(offset), let .formula(_, _, offset): offset
            }
        }
    }

    /// Finds the `$…$` and `$$…$$` math in `prose` (`segments`) and typesets each formula as
    /// MathML: what the report shows, and what a lesson's check looks at (`firstMistake`).
    public static func typeset(_ prose: String) throws(UnclosedMath) -> [TypesetSegment] {
        try segments(prose).map { segment in
            switch segment {
            case let .text(text):
                .text(text)
            case let .math(tex, display, offset):
                .math(tex, display: display, Result { () throws(MathError) in try MathML.convert(tex, display: display) }, offset: offset)
            }
        }
    }

    /// The first mistake in the math of `prose`, or `nil` when every formula typesets.
    public static func firstMistake(in prose: String) -> Mistake? {
        let pieces: [TypesetSegment]
        do {
            pieces = try typeset(prose)
        } catch {
            return .unclosed(offset: error.offset)
        }
        for case let .math(tex, _, .failure(error), offset) in pieces {
            // The converter counts UTF-8 bytes into the formula; the prose counts characters.
            let characters = offset + String(decoding: tex.utf8.prefix(error.offset), as: UTF8.self).count
            return .formula(tex, error, offset: characters)
        }
        return nil
    }
}
