import LessonFormat
import MathML
import Report

extension FieldReader {
    /// The Markdown text at `key` (a caption), whose `$…$` formulas must all typeset; `nil` when absent.
    ///
    /// - Throws: an error at the formula's mistake, mapped to the lesson file's line and column.
    func markdown(_ key: String, of cell: Cell) throws(LessonError) -> String? {
        guard let value = value(key) else { return nil }
        let text = try self.text(key)
        switch ProseMath.firstMistake(in: text) {
        case nil:
            return text
        case let .unclosed(offset):
            throw LessonError(
                .invalidValue(key: key, in: place, message: "has a '$' that opens math never closed (write \\$ for a dollar sign)"),
                at: cell.position(ofCharacter: offset, in: value))
        case let .formula(_, error, offset):
            throw LessonError(
                .invalidValue(key: key, in: place, message: "has a formula that does not typeset: \(error.message)"),
                at: cell.position(ofCharacter: offset, in: value))
        }
    }
}
