import MathML

/// The escaping rules, one per output format and kind of text.
///
/// Plain text (titles, headings, alternative text, error messages, footers, headline numbers)
/// is `htmlEscaped` in HTML and `markdownEscaped` in Markdown; authored Markdown (prose, notes,
/// captions, summaries, table cells) is rendered by `MarkdownBlocks` in HTML and
/// `markdownSanitized` in Markdown. All four replace the characters HTML and XML do not allow
/// (NUL and the other control characters but tab and line ends, noncharacters) by U+FFFD.
extension String {
    /// The text with every character HTML and XML do not allow replaced by U+FFFD.
    var replacingCharactersNotAllowedInHTML: String {
        guard unicodeScalars.contains(where: { !$0.isAllowedInHTML }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0.isAllowedInHTML ? $0 : "\u{FFFD}" }))
    }

    /// Plain text for HTML: `&`, `<`, `>` and `"` as references, disallowed characters as U+FFFD.
    var htmlEscaped: String {
        replacingCharactersNotAllowedInHTML.xmlEscaped
    }

    /// Plain text for Markdown: one line (line ends become spaces), every character Markdown
    /// gives a meaning to backslash-escaped, disallowed characters as U+FFFD.
    var markdownEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var atStart = true
        var digitsOnly = true
        for character in replacingCharactersNotAllowedInHTML {
            if character.isNewline {
                result.append(" ")
            } else if "\\`*_[]<>#|$~!&".contains(character) {
                result += "\\" + String(character)
            } else if atStart, "-+=".contains(character) {
                result += "\\" + String(character)
            } else if digitsOnly, !atStart, character == "." || character == ")" {
                // `1.` at the start of a line would start a list.
                result += "\\" + String(character)
            } else {
                result.append(character)
            }
            digitsOnly = digitsOnly && character.isASCII && character.isNumber
            atStart = false
        }
        return result
    }

    /// A relative address (a file or folder name) for a Markdown link: characters other than
    /// letters, digits, `.`, `-`, `_` and `/` percent-encoded.
    var markdownAddress: String {
        var result = ""
        for byte in replacingCharactersNotAllowedInHTML.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-/".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// Text in a code span when it has no backtick or line end, else escaped plain text.
    var markdownCode: String {
        contains("`") || contains(where: \.isNewline) ? markdownEscaped : "`\(replacingCharactersNotAllowedInHTML)`"
    }

    /// Markdown on one line: line ends become spaces (a caption, a summary, a table cell).
    var markdownOneLine: String {
        String(map { $0.isNewline ? " " : $0 })
    }

    /// The text with the characters that break a Markdown table cell escaped (`|` and newlines).
    var markdownTableCellEscaped: String {
        replacingAll("|", with: "\\|").markdownOneLine
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    private func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: Swift.max(0, length - count)) + self
    }
}
