import Foundation
import Testing

/// Runs the built `lessons` executable, as a user would, in a scratch project folder.
@Suite struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `lessons` executable beside the test bundle in the build folder, or the one
    /// `$LESSONS_EXECUTABLE` names (to run these tests against an older build, and see which
    /// of them it fails).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["LESSONS_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("lessons").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("lessons")
    }

    /// A fresh project folder with the given lesson files in `lessons/`.
    func project(_ lessons: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        for (name, text) in lessons {
            try text.write(to: folder.appendingPathComponent("lessons/\(name)"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Runs `lessons` with `arguments` in `folder`, with `environment` added to the tests' own.
    ///
    /// Whatever the run says, it never shows a Foundation error domain or code
    /// ("NSCocoaErrorDomain error 512"): every message says what is wrong in words.
    func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let outcome = Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
        Self.expectPlainWords(outcome, arguments)
        return outcome
    }

    /// Fails the test when `outcome` shows a Foundation error domain or code.
    static func expectPlainWords(_ outcome: Outcome, _ arguments: [String]) {
        for text in [outcome.standardOutput, outcome.standardError] {
            #expect(!text.contains("ErrorDomain"), "lessons \(arguments.joined(separator: " ")): \(text)")
            #expect(text.range(of: #"error \d+\.?\)"#, options: .regularExpression) == nil, "lessons \(arguments.joined(separator: " ")): \(text)")
            #expect(!text.contains("couldn’t be") && !text.contains("could not be completed"), "lessons \(arguments.joined(separator: " ")): \(text)")
        }
    }

    static let goodLesson = """
        ---
        title: A small network
        order: 2
        seed: 3
        ---
        A layer computes $n = x W + b$.

        ```{model}
        layers: [2, 3, 1]
        activation: sigmoid
        ```
        """

    @Test func helpListsEverySubcommand() throws {
        let outcome = try run(["--help"])
        #expect(outcome.status == 0)
        for name in ["all", "run", "list", "check", "new", "watch", "serve", "answers"] {
            #expect(outcome.standardOutput.contains("\n  \(name) "), "missing subcommand \(name)")
        }
    }

    @Test func runHelpShowsTheSharedOptions() throws {
        let outcome = try run(["run", "--help"])
        #expect(outcome.status == 0)
        for option in ["--output", "--seed", "--quiet", "--lessons", "--force", "--jobs"] {
            #expect(outcome.standardOutput.contains(option))
        }
    }

    @Test func runWithoutANameIsAUsageError() throws {
        let outcome = try run(["run"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("Error: Missing expected argument '<names> ...'"))
    }

    @Test func allWritesTheChapterAndTheIndex() throws {
        let folder = try project(["02-small.md": Self.goodLesson])
        let outcome = try run(["all"], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("✓ 02-small: A small network ("))
        for file in ["index.html", "README.md", "style.css", "02-small/index.html", "02-small/README.md", "02-small/results.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/\(file)").path), "\(file)")
        }
        let page = try String(contentsOf: folder.appendingPathComponent("output/02-small/index.html"), encoding: .utf8)
        #expect(page.contains("<h1>1. A small network</h1>"))
        #expect(page.contains("<mi>W</mi>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("output").path)
        #expect(leftovers.sorted() == [
            ".cache", ".lessons-lock", ".lessons-manifest", "02-small", "README.md", "index.html", "style.css", "timings.json",
        ])
        #expect(try String(contentsOf: folder.appendingPathComponent("output/.lessons-manifest"), encoding: .utf8) == """
            # Files the lessons book wrote here; it replaces only these.
            README.md
            index.html
            style.css
            timings.json

            """)
        #expect(try Data(contentsOf: folder.appendingPathComponent("output/.lessons-lock")).isEmpty, "the lock's holder is cleared")
        let results = try String(contentsOf: folder.appendingPathComponent("output/02-small/results.json"), encoding: .utf8)
        #expect(results.contains("\"relationsFailed\" : 0"))
        #expect(results.contains("\"title\" : \"A small network\""))
    }

    @Test func chaptersLinkToTheirNeighboursInBookOrder() throws {
        let first = "---\ntitle: First steps\norder: 1\nsummary: Where it all starts.\n---\nText.\n"
        let last = "---\ntitle: Last words\norder: 9\n---\nText.\n"
        let folder = try project(["zz-first.md": first, "02-small.md": Self.goodLesson, "aa-last.md": last])
        let outcome = try run(["all", "--quiet"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.isEmpty)
        let middle = try String(contentsOf: folder.appendingPathComponent("output/02-small/index.html"), encoding: .utf8)
        #expect(middle.contains(
            "<nav><a rel=\"prev\" href=\"../zz-first/index.html\">← 1. First steps</a><a href=\"../index.html\">All chapters</a><a rel=\"next\" href=\"../aa-last/index.html\">3. Last words →</a></nav>"))
        let markdown = try String(contentsOf: folder.appendingPathComponent("output/02-small/README.md"), encoding: .utf8)
        #expect(markdown.contains("← [1\\. First steps](../zz-first/README.md) · [All chapters](../README.md) · [3\\. Last words](../aa-last/README.md) →"))
        #expect(markdown.hasPrefix("# 2\\. A small network"))
        let index = try String(contentsOf: folder.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(index.contains("<h2>1. First steps</h2><p class=\"summary\">Where it all starts.</p>"))
        let order = ["zz-first/index.html", "02-small/index.html", "aa-last/index.html"].map { index.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func sameSeedGivesByteIdenticalOutput() throws {
        let folder = try project(["02-small.md": Self.goodLesson])
        _ = try run(["all", "--output", "first"], in: folder)
        _ = try run(["all", "--output", "second"], in: folder)
        for file in ["index.html", "02-small/index.html", "02-small/README.md", "02-small/results.json"] {
            let first = try Data(contentsOf: folder.appendingPathComponent("first/\(file)"))
            let second = try Data(contentsOf: folder.appendingPathComponent("second/\(file)"))
            #expect(first == second, "\(file)")
        }
    }

    @Test func checkReportsEveryMistakeWithItsPosition() throws {
        let broken = "---\ntitle: Broken\n---\nSee $\\frac{1}{2$.\n\n```{model}\nlayers: [2, 1]\nactivaton: relu\n```\n"
        let folder = try project(["01-broken.md": broken, "02-small.md": Self.goodLesson])
        let outcome = try run(["check"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("lessons/01-broken.md:4:"))
        #expect(outcome.standardError.contains(
            "lessons/01-broken.md:8:1: error: unknown key 'activaton' in model cell (did you mean 'activation'?)"))
        #expect(outcome.standardError.hasSuffix("2 errors in 2 lessons\n"))
        let clean = try run(["check", "02-small"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.standardOutput == "1 lesson checked: no errors\n")
    }

    @Test func aFailingChapterStillWritesTheOthersAndExitsNonZero() throws {
        let broken = "---\ntitle: Broken\n---\n```{model}\nlayers: [2, 1]\nactivation: sigmod\n```\n"
        let folder = try project(["01-broken.md": broken, "02-small.md": Self.goodLesson])
        let outcome = try run(["all"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(
            "lessons/01-broken.md:6:13: error: 'activation' in model cell must be one of"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/02-small/index.html").path))
        let page = try String(contentsOf: folder.appendingPathComponent("output/01-broken/index.html"), encoding: .utf8)
        #expect(page.contains("<div class=\"error\" role=\"alert\"><strong>Error</strong> <code>lessons/01-broken.md:6:13</code>"))
        let index = try String(contentsOf: folder.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(index.contains("class=\"chapter-card failed\" href=\"01-broken/index.html\""))
    }

    @Test func namesCannotLeaveTheLessonsFolder() throws {
        let folder = try project(["02-small.md": Self.goodLesson])
        let outcome = try run(["run", "../../etc/passwd"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "error: '../../etc/passwd' is not a lesson name: use letters, digits, '-', '_' and '.', without '/' or '..'\n")
        let typo = try run(["run", "02-smal"], in: folder)
        #expect(typo.standardError == "error: no lesson named '02-smal' in lessons/ (did you mean '02-small'?)\n")
        let escape = try run(["new", "../outside"], in: folder)
        #expect(escape.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("outside.md").path))
    }

    @Test func newWritesALessonThatChecksCleanly() throws {
        let folder = try project([:])
        let outcome = try run(["new", "intro"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "Created lessons/intro.md; run it with: swift run lessons run intro\n")
        #expect(try run(["list"], in: folder).standardOutput == "intro\tintro\t(3 cells)\n")
        #expect(try run(["check"], in: folder).standardOutput == "1 lesson checked: no errors\n")
        let ran = try run(["run", "intro"], in: folder)
        #expect(ran.status == 0, "\(ran.standardError)")
        let again = try run(["new", "intro"], in: folder)
        #expect(again.status == 1)
        #expect(again.standardError == "error: lessons/intro.md already exists\n")
    }
}

/// Interrupting a run leaves the previous good chapter in place.
@Suite struct InterruptionTests {
    let helper = CommandLineTests()

    static let slowLesson = """
        ---
        title: TITLE
        seed: 1
        ---
        ```{data}
        dataset: circles
        count: 400
        ```

        ```{model}
        layers: [2, 3, 1]
        ```

        ```{train}
        learning_rate: 1.0
        epochs: EPOCHS
        ```
        """

    func lesson(title: String, epochs: Int) -> String {
        Self.slowLesson.replacingOccurrences(of: "TITLE", with: title).replacingOccurrences(of: "EPOCHS", with: "\(epochs)")
    }

    @Test func ctrlCDuringARunKeepsThePreviousChapter() throws {
        let folder = try helper.project(["01-slow.md": lesson(title: "Good version", epochs: 10)])
        #expect(try helper.run(["run", "01-slow"], in: folder).status == 0)
        try lesson(title: "Interrupted version", epochs: 1_000_000)
            .write(to: folder.appendingPathComponent("lessons/01-slow.md"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["run", "01-slow", "--quiet"]
        process.currentDirectoryURL = folder
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        kill(process.processIdentifier, SIGINT)  // Foundation's interrupt() does not reach the child on Linux
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)

        let page = try String(contentsOf: folder.appendingPathComponent("output/01-slow/index.html"), encoding: .utf8)
        #expect(page.contains("<h1>1. Good version</h1>"))

        // The next run tidies the interrupted run's staging folder away.
        try lesson(title: "Next version", epochs: 10)
            .write(to: folder.appendingPathComponent("lessons/01-slow.md"), atomically: true, encoding: .utf8)
        #expect(try helper.run(["run", "01-slow"], in: folder).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("output").path)
        #expect(!names.contains { $0.hasPrefix(".staging-") || $0.hasPrefix(".old-") })
        let next = try String(contentsOf: folder.appendingPathComponent("output/01-slow/index.html"), encoding: .utf8)
        #expect(next.contains("<h1>1. Next version</h1>"))
    }
}
