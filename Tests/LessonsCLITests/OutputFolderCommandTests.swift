import Foundation
import Testing

/// The output folder as `lessons` treats it: never a folder or a file that is not the book's,
/// one run at a time, whole after an interrupted run, each chapter on its own.
@Suite struct OutputFolderCommandTests {
    let helper = CommandLineTests()

    static func lesson(_ title: String, order: Int) -> String {
        "---\ntitle: \(title)\norder: \(order)\n---\nText of \(title).\n\n```{model}\nlayers: [2, 1]\n```\n"
    }

    /// A project with the lessons `01-a`, `02-b`, `03-c`.
    func project() throws -> URL {
        try helper.project(["01-a.md": Self.lesson("First", order: 1), "02-b.md": Self.lesson("Second", order: 2), "03-c.md": Self.lesson("Third", order: 3)])
    }

    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ folder: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    /// Issue 19, item 3: a home folder (here `$HOME`) is refused, and nothing is written in it.
    @Test func aHomeFolderIsRefused() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let outcome = try helper.run(["all", "--output", home.path], in: folder, environment: ["HOME": home.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "error: --output '\(home.path)' is a home folder; the book would mix its files with yours; choose a folder of its own, like 'output'\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
    }

    /// Issue 19, item 6: a README.md, index.html, style.css or timings.json the book did not
    /// write is never replaced; the run is refused before anything is written.
    @Test(arguments: ["README.md", "index.html", "style.css", "timings.json"])
    func aFileTheBookDidNotWriteIsNeverReplaced(_ name: String) throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
        try "my own notes".write(to: folder.appendingPathComponent("site/\(name)"), atomically: false, encoding: .utf8)
        let outcome = try helper.run(["all", "--output", "site"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "error: site/\(name) was not written by lessons (site/.lessons-manifest does not list it) "
            + "and the book would replace it; move it away or choose another --output\n")
        #expect(try read(folder, "site/\(name)") == "my own notes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("site").path) == [name])
    }

    /// The book's own files are replaced run after run, and an output folder written before
    /// the manifest existed (it has the book's `.cache/`) is adopted.
    @Test func theBooksOwnFilesAreReplacedAndAnOlderOutputIsAdopted() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try helper.run(["all", "--quiet"], in: folder).status == 0)
        #expect(try helper.run(["all", "--quiet", "--force"], in: folder).status == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("output/.lessons-manifest"))
        let again = try helper.run(["all", "--quiet", "--force"], in: folder)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(exists(folder, "output/.lessons-manifest"))
    }

    /// Issue 19, item 13: `--output` naming a file, and a folder where the book writes
    /// `timings.json`, are told in words, not "NSCocoaErrorDomain error 512".
    @Test func aFileAsTheOutputOrAFolderInPlaceOfTimingsIsToldInWords() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not a folder".write(to: folder.appendingPathComponent("out.txt"), atomically: false, encoding: .utf8)
        let file = try helper.run(["all", "--output", "out.txt"], in: folder)
        #expect(file.status == 2)
        #expect(file.standardError == "error: --output 'out.txt' is a file, not a folder; choose a folder of its own, like 'output'\n")
        #expect(try read(folder, "out.txt") == "not a folder")

        #expect(try helper.run(["all", "--quiet"], in: folder).status == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("output/timings.json"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("output/timings.json"), withIntermediateDirectories: true)
        let timings = try helper.run(["all", "--quiet", "--force"], in: folder)
        #expect(timings.status == 2)
        #expect(timings.standardError == "error: output/timings.json is a folder, where the book writes its own timings.json; move it away or choose another --output\n")
    }

    /// Issue 19, item 7: while one run writes the output folder (here `lessons watch`, which
    /// holds it until it stops), another is refused and told which process holds it.
    @Test func aSecondRunIsToldWhichRunIsWritingTheOutput() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = Process()
        watch.executableURL = CommandLineTests.executable
        watch.arguments = ["watch", "--quiet"]
        watch.currentDirectoryURL = folder
        watch.standardOutput = FileHandle.nullDevice
        watch.standardError = FileHandle.nullDevice
        try watch.run()
        defer {
            if watch.isRunning { kill(watch.processIdentifier, SIGINT) }
            watch.waitUntilExit()
        }
        // The watch has published the book once.
        let deadline = Date().addingTimeInterval(20)
        while !exists(folder, "output/index.html"), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let second = try helper.run(["all"], in: folder)
        #expect(second.status == 1)
        #expect(second.standardError == "error: output/ is being written by another lessons run (pid \(watch.processIdentifier), `lessons watch --quiet`); wait for it or stop it\n")

        kill(watch.processIdentifier, SIGINT)
        watch.waitUntilExit()
        let after = try helper.run(["all", "--quiet"], in: folder)
        #expect(after.status == 0, "\(after.standardError)")
    }

    /// Issue 19, item 11: a run killed between a chapter's two renames left it aside as
    /// `.old-NAME-PID`, and kills left temporaries; the next run, whichever chapter it runs,
    /// puts the chapter back before it writes the index, and removes every temporary.
    @Test func anInterruptedRunIsPutRightBeforeAnyIndexIsWritten() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try helper.run(["all", "--quiet"], in: folder).status == 0)
        let output = folder.appendingPathComponent("output")
        let manager = FileManager.default
        try manager.moveItem(at: output.appendingPathComponent("01-a"), to: output.appendingPathComponent(".old-01-a-99999"))
        try manager.createDirectory(at: output.appendingPathComponent(".staging-01-a-99999"), withIntermediateDirectories: true)
        for leftover in [".dat.nosyncAB12", ".writing-index.html-99999", ".cache/.dat.nosyncCD34", "02-b/.dat.nosyncEF56", ".cache/.writing-02-b.json-99999"] {
            try "partial".write(to: output.appendingPathComponent(leftover), atomically: false, encoding: .utf8)
        }

        let outcome = try helper.run(["run", "03-c", "--quiet"], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try read(folder, "output/01-a/index.html").contains("<h1>1. First</h1>"))
        #expect(try read(folder, "output/index.html").contains("href=\"01-a/index.html\""))
        for inner in ["", ".cache", "01-a", "02-b", "03-c"] {
            let names = try manager.contentsOfDirectory(atPath: output.appendingPathComponent(inner).path)
            #expect(!names.contains { $0.hasPrefix(".dat.nosync") || $0.hasPrefix(".writing-") || $0.hasPrefix(".old-") || $0.hasPrefix(".staging-") },
                "\(inner): \(names)")
        }
    }

    /// Issue 19, item 14: a chapter that cannot be written stops neither the others nor the
    /// index, and the run exits 1.
    @Test func aChapterThatCannotBeWrittenStopsNeitherTheOthersNorTheIndex() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("output/02-b"), withIntermediateDirectories: true)
        try "mine".write(to: folder.appendingPathComponent("output/02-b/notes.txt"), atomically: false, encoding: .utf8)
        let outcome = try helper.run(["all", "--quiet"], in: folder)
        #expect(outcome.status == 1)
        let target = folder.appendingPathComponent("output/02-b").path
        #expect(outcome.standardError.contains("✗ 02-b: \(target) exists and is not a chapter of the book; move it or choose another --output\n"))
        #expect(outcome.standardError.hasSuffix("1 of 3 chapters failed; the report is at \(folder.path)/output/index.html\n"))
        #expect(try read(folder, "output/02-b/notes.txt") == "mine")
        let index = try read(folder, "output/index.html")
        #expect(index.contains("href=\"01-a/index.html\"") && index.contains("href=\"03-c/index.html\""))
        #expect(!index.contains("href=\"02-b/index.html\""))
    }

    /// Issue 19, item 14: a chapter links to the chapters before and after it only when they
    /// are in the same output folder.
    @Test func aChapterLinksOnlyToChaptersInItsOutputFolder() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try helper.run(["run", "02-b", "--quiet"], in: folder).status == 0)
        let alone = try read(folder, "output/02-b/index.html")
        #expect(!alone.contains("rel=\"prev\"") && !alone.contains("rel=\"next\""))
        #expect(!(try read(folder, "output/02-b/README.md")).contains("01-a"))
        #expect(try helper.run(["run", "03-c", "--quiet"], in: folder).status == 0)
        let last = try read(folder, "output/03-c/index.html")
        #expect(last.contains("<a rel=\"prev\" href=\"../02-b/index.html\">← 2. Second</a>") && !last.contains("rel=\"next\""))
    }

    /// Issue 19, item 14: `--lessons` naming an empty folder is an error, and the book in the
    /// output folder is left as it was.
    @Test func anEmptyLessonsFolderIsAnErrorThatLosesNothing() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try helper.run(["all", "--quiet"], in: folder).status == 0)
        let index = try Data(contentsOf: folder.appendingPathComponent("output/index.html"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let all = try helper.run(["all", "--lessons", "empty"], in: folder)
        #expect(all.status == 1)
        #expect(all.standardError == "error: no lessons in empty/ (a lesson is a .md file other than README.md); nothing was written\n")
        #expect(try Data(contentsOf: folder.appendingPathComponent("output/index.html")) == index)
        let check = try helper.run(["check", "--lessons", "empty"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == "error: no lessons in empty/ (a lesson is a .md file other than README.md)\n")
    }
}
