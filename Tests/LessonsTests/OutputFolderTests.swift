import Foundation
import Testing

@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// The book never replaces files that are not its own.
@Suite struct OutputFolderTests {
    let project = URL(fileURLWithPath: "/tmp/project")

    @Test func theCurrentFolderIsRefused() {
        let reason = BookWriter.reasonAgainst(
            output: URL(fileURLWithPath: "/tmp/project/."), lessons: project.appendingPathComponent("lessons"),
            workingDirectory: project)
        #expect(reason?.contains("is the current folder") == true)
    }

    @Test func aFolderHoldingTheLessonsIsRefused() {
        let reason = BookWriter.reasonAgainst(
            output: URL(fileURLWithPath: "/tmp"), lessons: project.appendingPathComponent("lessons"),
            workingDirectory: project)
        #expect(reason?.contains("holds the lessons folder") == true)
    }

    @Test func aFolderInsideTheLessonsIsRefused() {
        let reason = BookWriter.reasonAgainst(
            output: project.appendingPathComponent("lessons/out"), lessons: project.appendingPathComponent("lessons"),
            workingDirectory: project)
        #expect(reason?.contains("inside the lessons folder") == true)
    }

    @Test func anOrdinaryOutputFolderIsAccepted() {
        #expect(
            BookWriter.reasonAgainst(
                output: project.appendingPathComponent("output"), lessons: project.appendingPathComponent("lessons"),
                workingDirectory: project) == nil)
    }

    @Test func aFolderThatIsNotAChapterIsNeverReplaced() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("output-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let lessons = root.appendingPathComponent("lessons"), output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try "keep me".write(to: output.appendingPathComponent("Sources/main.swift"), atomically: true, encoding: .utf8)
        try "---\ntitle: Sources\n---\n\nText.\n".write(
            to: lessons.appendingPathComponent("Sources.md"), atomically: true, encoding: .utf8)
        let entry = try #require(try LessonLibrary(folder: lessons).entries().first)
        #expect(throws: BookWriter.WriteError.self) { try BookWriter(output: output).publish(entry) }
        #expect(try String(contentsOf: output.appendingPathComponent("Sources/main.swift"), encoding: .utf8) == "keep me")
    }
}

/// Issue 19, item 3: the root folder, home folders and folders holding them are refused, and
/// paths are compared by whole components.
@Suite struct OutputFolderRootAndHomeTests {
    let project = URL(fileURLWithPath: "/tmp/project")

    @Test func theRootFolderIsRefused() {
        let reason = BookWriter.reasonAgainst(
            output: URL(fileURLWithPath: "/"), lessons: project.appendingPathComponent("lessons"), workingDirectory: project)
        #expect(reason == "--output '/' is the root folder; the book would write its files among the system's; choose a folder of its own, like 'output'")
    }

    @Test func aHomeFolderAndAFolderHoldingHomesAreRefused() {
        let lessons = project.appendingPathComponent("lessons")
        let homes = ["/tmp/people/ada"]
        #expect(BookWriter.reasonAgainst(output: URL(fileURLWithPath: "/tmp/people/ada/"), lessons: lessons, workingDirectory: project, homes: homes)
            == "--output '/tmp/people/ada' is a home folder; the book would mix its files with yours; choose a folder of its own, like 'output'")
        #expect(BookWriter.reasonAgainst(output: URL(fileURLWithPath: "/tmp/people"), lessons: lessons, workingDirectory: project, homes: homes)
            == "--output '/tmp/people' holds home folders; choose a folder of its own, like 'output'")
        #expect(BookWriter.reasonAgainst(output: URL(fileURLWithPath: "/tmp/people/ada/book"), lessons: lessons, workingDirectory: project, homes: homes) == nil)
    }

    @Test func pathsAreComparedByWholeComponents() {
        #expect(BookWriter.reasonAgainst(
            output: URL(fileURLWithPath: "/tmp/project/lessons-book"), lessons: project.appendingPathComponent("lessons"),
            workingDirectory: project, homes: []) == nil)
        #expect(BookWriter.reasonAgainst(
            output: URL(fileURLWithPath: "/tmp/proj"), lessons: project.appendingPathComponent("lessons"),
            workingDirectory: project, homes: []) == nil)
    }

    @Test func theAccountsHomeFoldersIncludeTheCurrentOne() {
        #expect(OutputFolder.homeFolders().contains(NSHomeDirectory()))
    }
}
