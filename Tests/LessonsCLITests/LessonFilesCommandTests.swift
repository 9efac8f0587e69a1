import Foundation
import Testing

/// Lesson files that cannot be chapters, and command-line values, are told about in words:
/// never skipped without a word, never a Foundation error code.
@Suite struct LessonFilesCommandTests {
    let helper = CommandLineTests()
    let good = OutputFolderCommandTests.lesson("First", order: 1)

    func write(_ text: String, to path: String, in folder: URL) throws {
        try text.write(to: folder.appendingPathComponent(path), atomically: false, encoding: .utf8)
    }

    /// Issue 19, item 9: a lesson named like one of the book's own files is refused by
    /// `check`, `list` and `all` with the reason, and the others are published.
    @Test func lessonsNamedLikeTheBooksOwnFilesAreRefused() throws {
        let folder = try helper.project(["01-a.md": good])
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["index.html", "README.md", "style.css", "timings.json"] {
            try write(OutputFolderCommandTests.lesson(name, order: 2), to: "lessons/\(name).md", in: folder)
        }
        let messages = ["README.md", "index.html", "style.css", "timings.json"].map {
            "lessons/\($0).md: error: a lesson cannot be named '\($0)': the book writes its own \($0) beside the chapter folders, "
                + "so the chapter would collide with it; rename the file\n"
        }.joined()

        let check = try helper.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == messages + "4 errors in 5 lessons\n")

        let list = try helper.run(["list"], in: folder)
        #expect(list.status == 1)
        #expect(list.standardOutput == "01-a\tFirst\t(1 cells)\n")
        #expect(list.standardError == messages)

        let all = try helper.run(["all", "--quiet"], in: folder)
        #expect(all.status == 1)
        #expect(all.standardError == messages + "4 lesson files were left out (see above); the report is at \(folder.path)/output/index.html\n")
        let index = try String(contentsOf: folder.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(index.contains("href=\"01-a/index.html\""))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("output").path)
        #expect(!written.contains("README.md.md"))

        let run = try helper.run(["run", "index.html"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError == "error: a lesson cannot be named 'index.html': the book writes its own index.html beside the chapter folders, "
            + "so the chapter would collide with it; rename the file\n")
    }

    /// Issue 19, item 10: a `.md` file whose name breaks the naming rule is an error, not
    /// skipped without a word; the other lessons are checked and published.
    @Test func fileNamesThatBreakTheRuleAreErrorsNotSkipped() throws {
        let long = String(repeating: "x", count: 101)
        let folder = try helper.project(["01-a.md": good, "my lesson.md": good, "\(long).md": good])
        defer { try? FileManager.default.removeItem(at: folder) }
        let messages = """
            lessons/my lesson.md: error: 'my lesson' is not a lesson name (use letters, digits, '-', '_' and '.'), so this file is not in the book; rename it
            lessons/\(long).md: error: the name has 101 characters and a lesson's name has at most 100, so this file is not in the book; rename it

            """
        let check = try helper.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == messages + "2 errors in 3 lessons\n")
        let list = try helper.run(["list"], in: folder)
        #expect(list.status == 1)
        #expect(list.standardError == messages)
        let all = try helper.run(["all", "--quiet"], in: folder)
        #expect(all.status == 1)
        #expect(all.standardError == messages + "2 lesson files were left out (see above); the report is at \(folder.path)/output/index.html\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/01-a/index.html").path))
    }

    /// Issue 19, item 12: a lesson that is a link to a file outside the lessons folder is
    /// refused like a data file's link, and its text is not published; a link inside is read.
    @Test func aLessonLinkingOutsideTheLessonsFolderIsRefused() throws {
        let folder = try helper.project(["01-a.md": good])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try write(OutputFolderCommandTests.lesson("Secret", order: 5), to: "elsewhere/secret.md", in: folder)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("lessons/05-outside.md").path,
            withDestinationPath: folder.appendingPathComponent("elsewhere/secret.md").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("lessons/06-inside.md").path, withDestinationPath: "01-a.md")
        let real = folder.appendingPathComponent("elsewhere/secret.md").resolvingSymlinksInPath().path
        let message = "lessons/05-outside.md:1:1: error: cannot read the lesson: it is a link to \(real), outside the lessons folder; "
            + "copy the lesson into lessons/ instead\n"

        let check = try helper.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == message + "1 error in 3 lessons\n")
        let all = try helper.run(["all", "--quiet"], in: folder)
        #expect(all.status == 1)
        #expect(all.standardError.hasPrefix(message))
        let page = try String(contentsOf: folder.appendingPathComponent("output/05-outside/index.html"), encoding: .utf8)
        #expect(!page.contains("Secret"))
        #expect(try String(contentsOf: folder.appendingPathComponent("output/06-inside/index.html"), encoding: .utf8).contains(". First</h1>"))
    }

    /// Issue 19, item 13: a named pipe, a link to /dev/zero, a link to a folder and a folder
    /// are each named for what they are, not "You don't have permission" or "error 256".
    @Test func specialFilesAreNamedForWhatTheyAre() throws {
        let folder = try helper.project(["01-a.md": good])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lessons = folder.appendingPathComponent("lessons")
        #expect(mkfifo(lessons.appendingPathComponent("02-pipe.md").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: lessons.appendingPathComponent("03-zero.md").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createDirectory(at: lessons.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: lessons.appendingPathComponent("04-link.md").path, withDestinationPath: "sub")
        try FileManager.default.createDirectory(at: lessons.appendingPathComponent("05-folder.md"), withIntermediateDirectories: true)

        let check = try helper.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == """
            lessons/02-pipe.md:1:1: error: cannot read the lesson: it is a named pipe (FIFO), not a file; a lesson is a Markdown text file
            lessons/03-zero.md:1:1: error: cannot read the lesson: it is a link to /dev/zero, outside the lessons folder; copy the lesson into lessons/ instead
            lessons/04-link.md:1:1: error: cannot read the lesson: it is a link to a folder, not a file; a lesson is a Markdown text file
            lessons/05-folder.md:1:1: error: cannot read the lesson: it is a folder, not a file; a lesson is a Markdown text file
            4 errors in 5 lessons

            """)
    }

    /// Issue 19, item 13: `--seed -1` and `--jobs -1` say what the value must be, not
    /// "Missing value" (argument-parser took `-1` for a flag).
    @Test func negativeNumbersAreToldWhatTheValueMustBe() throws {
        let seed = try helper.run(["all", "--seed", "-1"])
        #expect(seed.status == 2)
        #expect(seed.standardError.hasPrefix(
            "Error: The value '-1' is invalid for '--seed <seed>': a seed is a whole number from 0 to 18446744073709551615\n"))
        let jobs = try helper.run(["all", "--jobs", "-1"])
        #expect(jobs.status == 2)
        #expect(jobs.standardError.hasPrefix("Error: --jobs must be a whole number from 1 to 64, not -1\n"))
    }

    /// Issue 19, item 14: `lessons new` with `--lessons` prints a command that runs the new
    /// lesson from that folder, and a lesson not found is looked for in the folder given.
    @Test func theLessonsFolderGivenIsTheOneNamed() throws {
        let folder = try helper.project([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let new = try helper.run(["new", "intro", "--lessons", "course"], in: folder)
        #expect(new.status == 0)
        #expect(new.standardOutput == "Created course/intro.md; run it with: swift run lessons run intro --lessons course\n")
        #expect(try helper.run(["run", "intro", "--lessons", "course", "--quiet"], in: folder).status == 0)
        let typo = try helper.run(["run", "intr", "--lessons", "course"], in: folder)
        #expect(typo.status == 1)
        #expect(typo.standardError == "error: no lesson named 'intr' in course/ (did you mean 'intro'?)\n")
    }
}
