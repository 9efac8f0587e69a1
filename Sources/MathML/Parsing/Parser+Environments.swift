// `\begin{…} … \end{…}`: the matrix family, `aligned`, `cases` and `array`. Every row must
// have as many cells as the first (or as the array's column specification).

extension Parser {
    /// Parses an environment whose `\begin` is at `start`; `position` is after `\begin`.
    mutating func parseEnvironment(at start: Int) throws(MathError) -> Node {
        let name = try readBracedName(for: #"\begin"#, at: start)
        let kind: TableKind
        switch name {
        case "matrix": kind = .matrix(open: nil, close: nil)
        case "pmatrix": kind = .matrix(open: "(", close: ")")
        case "bmatrix": kind = .matrix(open: "[", close: "]")
        case "Bmatrix": kind = .matrix(open: "{", close: "}")
        case "vmatrix": kind = .matrix(open: "|", close: "|")
        case "Vmatrix": kind = .matrix(open: "‖", close: "‖")
        case "aligned": kind = .aligned
        case "cases": kind = .cases
        case "array": kind = .array(try readColumnSpecification(at: start))
        default: throw MathError(.unsupportedEnvironment(name), offset: start)
        }

        var rows: [[[Node]]] = []
        var rowStarts: [Int] = []
        var row: [[Node]] = []
        skipWhitespace()
        rowStarts.append(position)
        while true {
            let cell = try parseList()
            guard let byte = peek() else { throw MathError(.unclosedEnvironment(name), offset: start) }
            if byte == UInt8(ascii: "&") {
                row.append(cell)
                position += 1
                continue
            }
            if byte == UInt8(ascii: "}") { throw MathError(.unmatchedClosingBrace, offset: position) }
            let (command, end) = commandName(at: position)
            switch command {
            case "\\":
                row.append(cell)
                rows.append(row)
                row = []
                position = end
                skipWhitespace()
                rowStarts.append(position)
            case "right":
                throw MathError(.rightWithoutLeft, offset: position)
            default:  // \end
                let endOffset = position
                position = end
                let endName = try readBracedName(for: #"\end"#, at: endOffset)
                guard endName == name else {
                    throw MathError(.mismatchedEnd(begin: name, end: endName), offset: endOffset)
                }
                row.append(cell)
                // A `\\` before `\end` ends the last row; it does not start an empty one.
                if !(row.count == 1 && cell.isEmpty && !rows.isEmpty) { rows.append(row) }
                try checkRows(rows, starts: rowStarts, kind: kind, environment: name)
                return .table(kind, rows: rows)
            }
        }
    }

    private func checkRows(_ rows: [[[Node]]], starts: [Int], kind: TableKind, environment: String) throws(MathError) {
        let expected: Int
        if case .array(let columns) = kind { expected = columns.count } else { expected = rows[0].count }
        for (index, row) in rows.enumerated() where row.count != expected {
            throw MathError(
                .raggedRows(environment: environment, row: index + 1, cells: row.count, expected: expected),
                offset: starts[index])
        }
    }

    /// Reads `{lcr}` after `\begin{array}`.
    private mutating func readColumnSpecification(at start: Int) throws(MathError) -> [ColumnAlignment] {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw MathError(.missingArgument(#"\begin{array}"#), offset: start) }
        let open = position
        var columns: [ColumnAlignment] = []
        position += 1
        while let byte = peek(), byte != UInt8(ascii: "}") {
            switch byte {
            case UInt8(ascii: "l"): columns.append(.left)
            case UInt8(ascii: "c"): columns.append(.center)
            case UInt8(ascii: "r"): columns.append(.right)
            case 0x20: break
            default:
                var end = position
                while let next = peek(at: end), next != UInt8(ascii: "}") { end += 1 }
                let spec = String(decoding: bytes[open...min(end, bytes.count - 1)], as: UTF8.self)
                throw MathError(.unsupportedColumnSpecification(spec), offset: open)
            }
            position += 1
        }
        guard peek() == UInt8(ascii: "}") else { throw MathError(.unclosedBrace, offset: open) }
        position += 1
        guard !columns.isEmpty else { throw MathError(.unsupportedColumnSpecification("{}"), offset: open) }
        return columns
    }
}
