import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// Offsets into a formula map back to the lesson file through YAML's quoting.
@Suite struct SourcePositionTests {
    func position(_ body: String, key: String, offset: Int) throws -> SourcePosition {
        let cell = try firstCell(body, kind: "equation")
        let value = try #require(cell.body.entries?.first { $0.key == key }?.value)
        return cell.position(ofCharacter: offset, in: value)
    }

    @Test func plainScalar() throws {
        // Line 5 is the cell's first body line; "numbers: " is nine characters.
        #expect(try position("numbers: a = b + c", key: "numbers", offset: 4) == SourcePosition(file: "lessons/x.md", line: 5, column: 14))
    }

    @Test func quotedScalars() throws {
        #expect(try position("numbers: \"a = \\\"b\\\" + c\"", key: "numbers", offset: 8) == SourcePosition(file: "lessons/x.md", line: 5, column: 21))
        #expect(try position("numbers: 'x'' = [1, x]'", key: "numbers", offset: 4) == SourcePosition(file: "lessons/x.md", line: 5, column: 16))
    }

    @Test func blockScalar() throws {
        let body = "tex: |\n  a = b\n  \\frac{1}{\nat: 1"
        #expect(try position(body, key: "tex", offset: 8) == SourcePosition(file: "lessons/x.md", line: 7, column: 5))
    }
}
