extension Cell {
    /// The file position of the character at `offset` (counted in characters from 0) of the
    /// text a scalar `value` of this cell holds.
    ///
    /// A formula's error gives an offset into the formula; this turns it into the line and
    /// column of the lesson file, through YAML's quoting: a double-quoted scalar's escapes
    /// take two characters, a single-quoted scalar writes `'` as `''`, and a block scalar
    /// (`|` or `>`) starts on the next line after its indentation.
    public func position(ofCharacter offset: Int, in value: LessonValue) -> SourcePosition {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let firstBodyLine = position.line + 1
        var lineIndex = value.position.line - firstBodyLine
        guard lines.indices.contains(lineIndex) else { return value.position }
        var column = value.position.column - 1
        func here() -> SourcePosition {
            SourcePosition(file: position.file, line: firstBodyLine + lineIndex, column: column + 1)
        }
        let line = lines[lineIndex]
        let opener: Character? = column < line.count ? line[column] : nil
        var remaining = offset

        switch opener {
        case "\"", "'":
            column += 1
            while remaining > 0, lineIndex < lines.count {
                let current = lines[lineIndex]
                if column >= current.count {
                    lineIndex += 1
                    column = lines.indices.contains(lineIndex) ? indentation(of: lines[lineIndex]) : 0
                    remaining -= 1
                    continue
                }
                let character = current[column]
                if opener == "\"", character == "\\" {
                    column += 2
                } else if opener == "'", character == "'", column + 1 < current.count, current[column + 1] == "'" {
                    column += 2
                } else {
                    column += 1
                }
                remaining -= 1
            }
            return here()
        case "|", ">":
            lineIndex += 1
            guard lines.indices.contains(lineIndex) else { return value.position }
            let indent = indentation(of: lines[lineIndex])
            column = indent
            while remaining > 0, lineIndex < lines.count {
                let length = lines[lineIndex].count - indent
                if remaining <= length { break }
                remaining -= length + 1
                lineIndex += 1
            }
            column = indent + max(remaining, 0)
            return here()
        default:
            while remaining > 0, lineIndex < lines.count {
                let length = lines[lineIndex].count - column
                if remaining <= length {
                    column += remaining
                    remaining = 0
                    break
                }
                remaining -= length + 1
                lineIndex += 1
                column = lines.indices.contains(lineIndex) ? indentation(of: lines[lineIndex]) : 0
            }
            return here()
        }
    }

    private func indentation(of line: [Character]) -> Int {
        line.prefix { $0 == " " }.count
    }
}
