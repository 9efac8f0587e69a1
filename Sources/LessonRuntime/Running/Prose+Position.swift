import LessonFormat

extension Prose {
    /// Where the character `offset` characters into the text stands in the lesson file.
    func position(ofCharacter offset: Int) -> SourcePosition {
        var line = position.line
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourcePosition(file: position.file, line: line, column: column)
    }
}
