import Foundation
import LessonFormat
import LessonRuntime

extension LessonLibrary.Entry {
    /// The lesson file's text.
    ///
    /// - Throws: `LessonError.Kind.unreadable` when the file cannot be read (at line 1), or
    ///   when it is not UTF-8, at the line and column of the first byte that is not.
    public func text() throws(LessonError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LessonError(.unreadable(reason: error.localizedDescription), at: SourcePosition(file: displayPath, line: 1))
        }
        if let text = String(bytes: data, encoding: .utf8) { return text }
        throw Self.firstInvalidByte(in: Array(data), file: displayPath)
    }

    /// Where UTF-8 decoding of `bytes` first fails, as a lesson error.
    static func firstInvalidByte(in bytes: [UInt8], file: String) -> LessonError {
        var line = 1, column = 1, offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                let byte = String(format: "0x%02X", bytes[offset])
                return LessonError(
                    .unreadable(reason: "the file is not UTF-8 text: byte \(byte) does not belong here; save it as UTF-8"),
                    at: SourcePosition(file: file, line: line, column: column))
            case .emptyInput:
                return LessonError(
                    .unreadable(reason: "the file is not UTF-8 text; save it as UTF-8"),
                    at: SourcePosition(file: file, line: line, column: column))
            }
        }
    }
}
