extension String {
    /// The text with `&`, `<`, `>` and `"` escaped: safe inside HTML elements and attributes.
    ///
    /// The report's only HTML escaper; every piece of text from a lesson goes through it.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// The text with the characters that break a Markdown table cell escaped (`|` and newlines).
    var markdownTableCellEscaped: String {
        replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
