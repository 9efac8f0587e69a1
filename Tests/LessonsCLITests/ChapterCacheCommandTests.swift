import Foundation
import Testing

/// `lessons all` keeps unchanged chapters, `--force` runs them, `--jobs` runs several at once.
@Suite struct ChapterCacheCommandTests {
    let helper = CommandLineTests()

    /// The project's own lessons folder.
    static let bookLessons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lessons")

    /// A scratch project holding copies of the book's quick chapters (not MNIST's).
    /// The book's first five chapters; their references to the chapters left out are written
    /// out as plain text, which a book without those chapters would refuse.
    func bookProject() throws -> URL {
        let folder = try helper.project([:])
        let files = ["01-perceptron.md", "02-logic-gates.md", "03-gradient-descent.md", "04-backpropagation.md", "04-backpropagation.csv", "05-activations.md"]
        for file in files {
            var text = try String(contentsOf: Self.bookLessons.appendingPathComponent(file), encoding: .utf8)
            for absent in ["06-circles", "07-mnist"] {
                text = text.replacingOccurrences(of: "{chapter:\(absent)}", with: "the chapter \(absent)")
            }
            try text.write(to: folder.appendingPathComponent("lessons/\(file)"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Every file below `folder` but `timings.json`, by relative path.
    func files(in folder: URL) throws -> [String: Data] {
        var files = [String: Data]()
        let base = folder.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count))
            if path != "timings.json" { files[path] = try Data(contentsOf: url) }
        }
        return files
    }

    /// The last line of a run, up to where it says where the report is.
    func summary(_ outcome: CommandLineTests.Outcome) -> String {
        let last = outcome.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        return last.components(separatedBy: "; open ").first ?? last
    }

    @Test func aSecondRunKeepsTheUnchangedChapters() throws {
        let folder = try helper.project(["02-small.md": CommandLineTests.goodLesson, "03-other.md": "---\ntitle: Other\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try helper.run(["all"], in: folder)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(summary(first) == "Wrote 2 chapters")
        let index = try Data(contentsOf: folder.appendingPathComponent("output/index.html"))

        let second = try helper.run(["all"], in: folder)
        #expect(second.status == 0)
        #expect(second.standardOutput == """
            ✓ 02-small: A small network (unchanged, kept)
            ✓ 03-other: Other (unchanged, kept)
            Kept 2 unchanged chapters (--force runs them again); open \(folder.path)/output/index.html

            """)
        #expect(try Data(contentsOf: folder.appendingPathComponent("output/index.html")) == index)
        let timings = try JSONDecoder().decode(
            [String: Double].self, from: Data(contentsOf: folder.appendingPathComponent("output/timings.json")))
        #expect(timings.keys.sorted() == ["02-small", "03-other"])

        try "---\ntitle: Other\n---\nMore text.\n".write(
            to: folder.appendingPathComponent("lessons/03-other.md"), atomically: true, encoding: .utf8)
        let third = try helper.run(["all"], in: folder)
        #expect(third.standardOutput.hasPrefix("✓ 02-small: A small network (unchanged, kept)\n✓ 03-other: Other ("))
        #expect(!third.standardOutput.contains("Other (unchanged"))
        #expect(summary(third) == "Wrote 1 chapter, kept 1 unchanged (--force runs them again)")

        let forced = try helper.run(["all", "--force"], in: folder)
        #expect(!forced.standardOutput.contains("unchanged"))
        #expect(summary(forced) == "Wrote 2 chapters")

        let quiet = try helper.run(["run", "02-small", "--quiet"], in: folder)
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput.isEmpty)
    }

    @Test func aChapterWithErrorsRunsEveryTime() throws {
        let broken = "---\ntitle: Broken\n---\n```{model}\nlayers: [2, 1]\nactivation: sigmod\n```\n"
        let folder = try helper.project(["01-broken.md": broken])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try helper.run(["all"], in: folder).status == 1)
        let again = try helper.run(["all"], in: folder)
        #expect(again.status == 1)
        #expect(again.standardError.contains("lessons/01-broken.md:6:13: error:"))
        #expect(!again.standardOutput.contains("unchanged"))
    }

    @Test func twoJobsWriteTheSameBytesAsOne() throws {
        let folder = try bookProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        let serial = try helper.run(["all", "--jobs", "1", "--output", "serial"], in: folder)
        #expect(serial.status == 0, "\(serial.standardError)")
        let parallel = try helper.run(["all", "--jobs", "2", "--output", "parallel"], in: folder)
        #expect(parallel.status == 0, "\(parallel.standardError)")
        #expect(summary(parallel) == "Wrote 5 chapters")
        #expect(parallel.standardOutput.split(separator: "\n").filter { $0.hasPrefix("✓ ") }.count == 5)

        let one = try files(in: folder.appendingPathComponent("serial"))
        let two = try files(in: folder.appendingPathComponent("parallel"))
        #expect(one.keys.sorted() == two.keys.sorted())
        #expect(one.keys.contains("04-backpropagation/results.json"))
        #expect(one.keys.contains(".cache/04-backpropagation.json"))
        for (path, bytes) in one where two[path] != bytes {
            Issue.record("\(path) differs between --jobs 1 and --jobs 2")
        }

        // A second parallel run keeps them all; forcing runs them all, to the same bytes.
        let kept = try helper.run(["all", "--jobs", "2", "--output", "parallel"], in: folder)
        #expect(summary(kept) == "Kept 5 unchanged chapters (--force runs them again)")
        let forced = try helper.run(["all", "--jobs", "2", "--force", "--output", "parallel"], in: folder)
        #expect(summary(forced) == "Wrote 5 chapters")
        #expect(try files(in: folder.appendingPathComponent("parallel")) == one)
    }

    @Test func changingTheCSVFileRunsItsChapterOnly() throws {
        let folder = try bookProject()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try helper.run(["run", "03-gradient-descent", "04-backpropagation"], in: folder).status == 0)
        let csv = folder.appendingPathComponent("lessons/04-backpropagation.csv")
        try (try String(contentsOf: csv, encoding: .utf8) + "\n").write(to: csv, atomically: true, encoding: .utf8)
        let again = try helper.run(["run", "03-gradient-descent", "04-backpropagation"], in: folder)
        #expect(again.standardOutput.contains("✓ 03-gradient-descent: Gradient descent (unchanged, kept)\n"))
        #expect(again.standardOutput.contains("✓ 04-backpropagation: One step of backpropagation, by hand ("))
        #expect(!again.standardOutput.contains("by hand (unchanged"))
    }

    @Test func jobsMustBeAtLeastOne() throws {
        let outcome = try helper.run(["all", "--jobs", "0"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("--jobs must be a whole number from 1 to 64, not 0"))
    }
}
