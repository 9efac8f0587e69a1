import MathML
import Report

extension FieldReader {
    /// The Markdown text at `key` (a caption), whose `$…$` formulas must all typeset; `nil` when absent.
    ///
    /// - Throws: an error at the formula's mistake, mapped to the lesson file's line and column.
    func markdown(_ key: String, of cell: Cell) throws(LessonError) -> String? {
        guard let value = value(key) else { return nil }
        let text = try self.text(key)
        let segments: [ProseMath.Segment]
        do {
            segments = try ProseMath.segments(text)
        } catch {
            throw LessonError(
                .invalidValue(key: key, in: place, message: "has a '$' that opens math never closed (write \\$ for a dollar sign)"),
                at: cell.position(ofCharacter: error.offset, in: value))
        }
        for case let .math(tex, display, offset) in segments {
            do {
                _ = try MathML.convert(tex, display: display)
            } catch {
                let characters = offset + String(decoding: tex.utf8.prefix(error.offset), as: UTF8.self).count
                throw LessonError(
                    .invalidValue(key: key, in: place, message: "has a formula that does not typeset: \(error.message)"),
                    at: cell.position(ofCharacter: characters, in: value))
            }
        }
        return text
    }
}
