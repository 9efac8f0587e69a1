import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// Reads the first cell of a lesson made of `cells`, after a fixed three-line front matter.
func firstCell(_ body: String, kind: String) throws -> Cell {
    try LessonParser.parse("---\ntitle: t\n---\n```{\(kind)}\n\(body)\n```\n", path: "lessons/x.md").cells[0]
}

func expectLessonError(
    _ expected: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("no error; expected \(expected)", sourceLocation: sourceLocation)
    } catch let error as LessonError {
        #expect(error.description == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    }
}

/// The tables a session's report holds, in order.
func tables(_ session: Session) -> [ReportTable] {
    session.blocks.compactMap { if case let .table(table) = $0 { table } else { nil } }
}

/// A fenced cell of `kind` holding `body`.
func cell(_ kind: String, _ body: String) -> String {
    "```{\(kind)}\n\(body)\n```\n"
}
