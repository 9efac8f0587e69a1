extension String {
    /// The string with `&`, `<`, `>` and `"` replaced by entities.
    ///
    /// The result is safe as element text and as a double-quoted attribute value. This is
    /// the converter's only escaper.
    var xmlEscaped: String {
        // Scanning bytes, not characters: most text needs no escaping and this is the hot path.
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
