import Foundation
import Testing
@testable import Book

/// `lessons watch` ran a chapter again when its lesson was saved, not when the CSV file it
/// reads was: the stamp it compares now covers every file the lesson reads.
@Suite struct WatchStampTests {
    @Test func savingTheDataFileChangesTheStampAndNothingElseDoes() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(
            "---\ntitle: t\n---\n```{data}\ndataset: csv\npath: data/points.csv\nlabel: label\n```\n", to: "lessons/x.md")
        try project.write("x1,label\n1,0\n", to: "lessons/data/points.csv")
        let entry = try LessonLibrary(folder: project.lessons).entry(for: "x")
        let first = entry.stamp()
        #expect(Set(first.files.keys) == [project.lessonPath, project.lessons.appendingPathComponent("data/points.csv").path])
        #expect(entry.stamp() == first)
        #expect(entry.stamp(after: first) == first)
        try project.write("x1,label\n1,0\n2,1\n", to: "lessons/data/points.csv")
        #expect(entry.stamp() != first)
        // Without parsing the unchanged lesson again, from the inputs of the stamp before.
        #expect(entry.stamp(after: first) != first)
        #expect(entry.stamp(after: first) == entry.stamp())
    }
}
