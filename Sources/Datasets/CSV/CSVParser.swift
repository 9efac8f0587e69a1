/// Splits CSV text into rows of fields (RFC 4180 quoting, `\n` or `\r\n` line ends).
///
/// Each row keeps its number as a spreadsheet shows it (the first line is row 1), so
/// errors can point at it. Blank lines are skipped but still counted.
enum CSVParser {
    struct Row {
        var number: Int
        var fields: [String]
    }

    static func rows(of text: String, file: String) throws(CSVError) -> [Row] {
        var rows = [Row]()
        // In Swift "\r\n" is one Character, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (offset, content) in lines.enumerated() {
            guard !content.allSatisfy(\.isWhitespace) else { continue }
            guard let fields = fields(of: content) else { throw .unclosedQuote(file: file, row: offset + 1) }
            rows.append(Row(number: offset + 1, fields: fields))
        }
        return rows
    }

    /// The fields of one line, trimmed, with quotes removed; `nil` if a quote is not closed.
    private static func fields(of line: Substring) -> [String]? {
        var fields = [String]()
        var current = ""
        var quoted = false
        var wasQuoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", false) where current.allSatisfy(\.isWhitespace):
                quoted = true
                wasQuoted = true
                current = ""
            case ("\"", true):
                // A doubled quote inside a quoted field stands for one quote.
                var lookahead = characters
                if lookahead.next() == "\"" {
                    current.append("\"")
                    characters = lookahead
                } else {
                    quoted = false
                }
            case (",", false):
                fields.append(wasQuoted ? current : current.trimmingWhitespace())
                current = ""
                wasQuoted = false
            default:
                if !(wasQuoted && !quoted) { current.append(character) }
            }
        }
        guard !quoted else { return nil }
        fields.append(wasQuoted ? current : current.trimmingWhitespace())
        return fields
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
