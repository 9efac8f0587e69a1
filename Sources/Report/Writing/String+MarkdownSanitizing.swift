extension String {
    /// Authored Markdown (prose, notes, captions, summaries, table cells) made safe for a
    /// `README.md`: it stays Markdown, but no Markdown renderer can read raw HTML or a script
    /// link in it.
    ///
    /// The rule, outside fenced code: a `<` that could open a tag, a comment or an autolink
    /// (before a letter, `/`, `!` or `?`) is backslash-escaped in text and followed by a space in
    /// `$…$` math (where TeX ignores it); a link destination after `](` or `]:` that is not
    /// http, https, mailto or relative (`HTMLWriter.isSafe`) begins with `#` instead of its
    /// scheme. Characters HTML does not allow become U+FFFD and line ends become `\n`. Fenced
    /// code is tracked the way CommonMark does for fences that start at the first column, so
    /// text it counts as code is code to every renderer; code spans are not trusted (their
    /// `<` is escaped too, at worst showing a backslash).
    var markdownSanitized: String { markdownSanitized(math: .codeHost) }

    /// `markdownSanitized` with its math written in `style`: as code hosts read it, or between
    /// plain dollars as Jupyter's MathJax reads it (a notebook's Markdown cells).
    func markdownSanitized(math style: MarkdownMathStyle) -> String {
        let text = replacingCharactersNotAllowedInHTML.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
        var characters = [Character]()
        var inMath = [Bool]()
        characters.reserveCapacity(text.utf8.count)
        for segment in (try? ProseMath.segments(text)) ?? [.text(text)] {
            switch segment {
            case let .text(piece):
                characters += piece
                inMath += repeatElement(false, count: piece.count)
            case let .math(tex, display, _):
                // As code hosts read math: display math in a ```math block of its own lines,
                // inline math as $`…`$, whose code span keeps `\\`, `\,` and braces as written
                // (inside `$…$` a host's Markdown eats them first).
                let (open, close): (String, String)
                if style == .dollars {
                    (open, close) = display ? ("$$", "$$") : ("$", "$")
                } else if display {
                    (open, close) = ((characters.last == "\n" || characters.isEmpty ? "" : "\n") + "```math\n", "\n```\n")
                } else if tex.contains("`") {
                    (open, close) = ("$", "$")
                } else {
                    (open, close) = ("$`", "`$")
                }
                let body = display ? tex.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n") : tex
                characters += open
                inMath += repeatElement(false, count: open.count)
                characters += body
                inMath += repeatElement(true, count: body.count)
                characters += close
                inMath += repeatElement(false, count: close.count)
            }
        }
        var result = ""
        result.reserveCapacity(characters.count + 16)
        var fence: (symbol: Character, length: Int)?
        // A destination may stand on the line after its `](` or `]:`.
        var destinationFollows = false
        var index = 0
        while index < characters.count {
            let lineEnd = characters[index...].firstIndex(of: "\n") ?? characters.count
            let line = characters[index..<lineEnd]
            if let open = fence {
                if String.closesFence(line, open) { fence = nil }
                result += String(line)
            } else {
                fence = String.opensFence(line)
                if fence != nil {
                    result += String(line)
                } else {
                    destinationFollows = String.appendSanitized(line, inMath: inMath, destinationFirst: destinationFollows, to: &result)
                }
            }
            if lineEnd < characters.count { result += "\n" }
            index = lineEnd + 1
        }
        return result
    }

    /// A fence that opens at the first column: three or more backticks (the rest of the line
    /// holding none) or tildes.
    private static func opensFence(_ line: ArraySlice<Character>) -> (symbol: Character, length: Int)? {
        guard let symbol = line.first, symbol == "`" || symbol == "~" else { return nil }
        let length = line.prefix { $0 == symbol }.count
        guard length >= 3 else { return nil }
        if symbol == "`", line.dropFirst(length).contains("`") { return nil }
        return (symbol, length)
    }

    /// Whether `line` closes `fence`: up to three spaces, at least as many of its symbol, then
    /// spaces only.
    private static func closesFence(_ line: ArraySlice<Character>, _ fence: (symbol: Character, length: Int)) -> Bool {
        let content = line.drop { $0 == " " }
        guard line.count - content.count < 4 else { return false }
        let length = content.prefix { $0 == fence.symbol }.count
        return length >= fence.length && content.dropFirst(length).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Appends `line` sanitized; returns whether it ends with a `](` or `]:` whose destination
    /// would be on the next line.
    private static func appendSanitized(
        _ line: ArraySlice<Character>, inMath: [Bool], destinationFirst: Bool, to result: inout String
    ) -> Bool {
        var index = line.startIndex
        if destinationFirst { index = appendDestination(line, from: index, to: &result) }
        while index < line.endIndex {
            let character = line[index]
            let next = index + 1 < line.endIndex ? line[index + 1] : nil
            if character == "\\", let next {
                result.append(character)
                result.append(next)
                index += 2
            } else if character == "<", let next, next.isASCII && next.isLetter || next == "/" || next == "!" || next == "?" {
                result += inMath[index] ? "< " : "\\<"
                index += 1
            } else if character == "]", next == "(" || next == ":" {
                result.append(character)
                result.append(next!)
                if line[(index + 2)...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    result += String(line[(index + 2)...])
                    return true
                }
                index = appendDestination(line, from: index + 2, to: &result)
            } else {
                result.append(character)
                index += 1
            }
        }
        return false
    }

    /// The destination that starts at `start` (after spaces and an optional `<`), up to a space
    /// or parenthesis: kept when safe, else `#`. Returns where the copying stopped.
    private static func appendDestination(_ line: ArraySlice<Character>, from start: Int, to result: inout String) -> Int {
        var index = start
        while index < line.endIndex, line[index] == " " || line[index] == "\t" {
            result.append(line[index])
            index += 1
        }
        if index < line.endIndex, line[index] == "<" {
            result += "\\<"
            index += 1
        }
        let end = line[index...].firstIndex { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ")" || $0 == ">" } ?? line.endIndex
        let destination = String(line[index..<end])
        result += HTMLWriter.isSafe(destination) ? destination : "#"
        return end
    }
}

/// How sanitized Markdown writes its math.
enum MarkdownMathStyle {
    /// As code hosts read it: display math in a ```` ```math ```` block, inline math as `` $`…`$ ``.
    case codeHost
    /// Between `$…$` and `$$…$$`, as Jupyter renders it.
    case dollars
}
