import Foundation
import Testing

/// Bad data, absurd sizes, hostile names and markup, through the `lessons` command as a user
/// runs it.
@Suite struct RobustnessCommandLineTests {
    let helper = CommandLineTests()

    static let gateLesson = """
        ---
        title: TITLE
        order: ORDER
        ---
        The AND gate.

        ```{data}
        dataset: and
        ```

        ```{model}
        layers: [2, 1]
        activation: hardlimit
        init: zeros
        ```

        ```{train}
        rule: perceptron
        learning_rate: 1
        epochs: 10
        ```
        """

    static func gate(_ title: String, order: Int) -> String {
        gateLesson.replacingOccurrences(of: "TITLE", with: title).replacingOccurrences(of: "ORDER", with: "\(order)")
    }

    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ folder: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    @Test func aChapterWithABrokenCSVFailsAloneAndTheOthersAreWritten() throws {
        let broken = """
            ---
            title: Points from a file
            order: 2
            ---
            Read the points.

            ```{data}
            dataset: csv
            path: data/points.csv
            label: label
            ```

            ```{model}
            layers: [2, 1]
            ```
            """
        let folder = try helper.project([
            "01-first.md": Self.gate("First", order: 1), "02-broken.md": broken, "03-last.md": Self.gate("Last", order: 3),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons/data"), withIntermediateDirectories: true)
        try "x1,x2,label\n0.1,0.9,1\n0.8,abc,0\n".write(
            to: folder.appendingPathComponent("lessons/data/points.csv"), atomically: true, encoding: .utf8)

        let outcome = try helper.run(["all"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(
            "lessons/02-broken.md:9:7: error: points.csv: row 3, column 2 (x2): \"abc\" is not a number\n"))
        #expect(outcome.standardError.hasSuffix("1 of 3 chapters failed; the report is at \(folder.path)/output/index.html\n")
            || outcome.standardError.hasSuffix("1 of 3 chapters failed; the report is at output/index.html\n"))
        for name in ["01-first", "03-last"] {
            #expect(exists(folder, "output/\(name)/index.html"), "\(name)")
            #expect(!(try read(folder, "output/\(name)/index.html")).contains("class=\"error\""), "\(name)")
        }
        let page = try read(folder, "output/02-broken/index.html")
        #expect(page.contains("""
            <div class="error" role="alert"><strong>Error</strong> <code>lessons/02-broken.md:9:7</code> \
            points.csv: row 3, column 2 (x2): &quot;abc&quot; is not a number</div>
            """))
        #expect(page.contains("<p>Read the points.</p>"))
        let index = try read(folder, "output/index.html")
        #expect(index.contains("class=\"chapter-card failed\" href=\"02-broken/index.html\""))
        #expect(index.contains("class=\"chapter-card\" href=\"01-first/index.html\""))
        #expect(index.contains("class=\"chapter-card\" href=\"03-last/index.html\""))
    }

    @Test func anAbsurdNetworkIsRefusedByCheckAndByRunBeforeAnythingIsAllocated() throws {
        let huge = "---\ntitle: Huge\n---\n```{model}\nlayers: [100000, 10000]\n```\n"
        let folder = try helper.project(["01-huge.md": huge])
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = "lessons/01-huge.md:5:9: error: 'layers' in model cell asks for 1,000,010,000 weights; the limit is 50,000,000\n"

        let check = try helper.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == message + "1 error in 1 lesson\n")

        let run = try helper.run(["run", "01-huge"], in: folder)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix(message))
        #expect(try read(folder, "output/01-huge/index.html").contains(
            "<code>lessons/01-huge.md:5:9</code> &#39;layers&#39; in model cell asks for 1,000,010,000 weights; the limit is 50,000,000</div>")
            || (try read(folder, "output/01-huge/index.html")).contains(
            "<code>lessons/01-huge.md:5:9</code> 'layers' in model cell asks for 1,000,010,000 weights; the limit is 50,000,000</div>"))
    }

    @Test func absurdDataSizesAreRefusedByCheck() throws {
        let lesson = """
            ---
            title: Absurd
            ---
            ```{data}
            dataset: circles
            count: 1000000000000
            ```

            ```{plot}
            kind: decision-boundary
            resolution: 1000000
            ```

            ```{plot}
            kind: digits
            count: 1000000000
            ```
            """
        let folder = try helper.project(["01-absurd.md": lesson])
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = try helper.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == """
            lessons/01-absurd.md:6:8: error: 'count' in data cell must be between 1 and 1000000, not 1000000000000
            lessons/01-absurd.md:11:13: error: 'resolution' in plot cell must be between 20 and 600, not 1000000
            lessons/01-absurd.md:16:8: error: 'count' in plot cell must be between 1 and 200, not 1000000000
            3 errors in 1 lesson

            """)
    }

    /// A lesson saved in Latin-1 is named with the place of its first non-UTF-8 byte; `check`
    /// goes on to the next lesson, and `all` publishes the others.
    @Test func aLessonThatIsNotUTF8IsPositionedAndTheOthersGoOn() throws {
        let folder = try helper.project(["02-good.md": Self.gate("Good", order: 2)])
        defer { try? FileManager.default.removeItem(at: folder) }
        var latin1 = Array(Self.gate("Caf\u{E9}", order: 1).utf8)
        latin1.replaceSubrange(latin1.firstRange(of: [0xC3, 0xA9])!, with: [0xE9])
        try Data(latin1).write(to: folder.appendingPathComponent("lessons/01-latin1.md"))
        let message = "lessons/01-latin1.md:2:11: error: cannot read the lesson: the file is not UTF-8 text: "
            + "byte 0xE9 does not belong here; save it as UTF-8"

        let check = try helper.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardError == message + "\n1 error in 2 lessons\n")

        let all = try helper.run(["all", "--quiet"], in: folder)
        #expect(all.status == 1)
        #expect(all.standardError.contains(message))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/02-good/index.html").path))
    }

    @Test(arguments: [
        "../../x", "/etc/passwd", "a/b", "..", ".hidden", "lessons/../../x", "x\\..\\y", "%2e%2e%2fx",
    ])
    func namesThatCouldLeaveTheLessonsFolderAreRefused(_ name: String) throws {
        let folder = try helper.project(["01-first.md": Self.gate("First", order: 1)])
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["run", "check"] {
            let outcome = try helper.run([command, name], in: folder)
            #expect(outcome.status == 1, "\(command) \(name)")
            #expect(outcome.standardError == "error: '\(name)' is not a lesson name: use letters, digits, '-', '_' and '.', without '/' or '..'\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["lessons"])
    }

    /// The same hostile text in every place a lesson puts text on a page.
    static let script = "<script>alert(1)</script>"

    @Test func textFromALessonIsShownAsTextNeverAsMarkup() throws {
        let lesson = """
            ---
            title: "\(Self.script)"
            summary: "\(Self.script)"
            ---
            Prose \(Self.script) and <img src=x onerror=alert(2)>.

            ```{data}
            dataset: csv
            path: points.csv
            label: label
            classes: ["\(Self.script)", "<b>one</b>"]
            show: true
            ```

            ```{model}
            layers: [2, 1]
            init: zeros
            ```

            ```{evaluate}
            on: training
            show: predictions
            ```

            ```{table}
            of: truth-table
            caption: "\(Self.script)"
            ```

            ```{plot}
            kind: data
            title: "\(Self.script)"
            caption: "\(Self.script)"
            ```
            """
        let broken = "---\ntitle: Broken\n---\n```{data}\ndataset: \"\(Self.script)\"\n```\n"
        let folder = try helper.project(["01-hostile.md": lesson, "02-broken.md": broken])
        defer { try? FileManager.default.removeItem(at: folder) }
        try "\(Self.script),x2,label\n0.1,0.9,1\n0.8,0.2,0\n".write(
            to: folder.appendingPathComponent("lessons/points.csv"), atomically: true, encoding: .utf8)

        let outcome = try helper.run(["all"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("lessons/02-broken.md:5:10: error: 'dataset' in data cell must be one of"))
        let index = try read(folder, "output/index.html")
        let page = try read(folder, "output/01-hostile/index.html")
        let brokenPage = try read(folder, "output/02-broken/index.html")
        for (name, html) in [("index", index), ("chapter", page), ("broken chapter", brokenPage)] {
            #expect(!html.lowercased().contains("<script"), "\(name)")
            #expect(!html.contains("<img src=x"), "\(name)")
            #expect(!html.contains("<b>one"), "\(name)")
        }
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        #expect(index.contains("<h2>1. \(escaped)</h2>"))
        #expect(index.contains("<p class=\"summary\">&lt;script"))
        #expect(page.contains("<title>1. \(escaped)</title>"))
        #expect(page.contains("<h1>1. \(escaped)</h1>"))
        #expect(page.contains("&lt;img src=x onerror=alert(2)"))
        #expect(brokenPage.contains("not &#39;\(escaped)&#39;") || brokenPage.contains("not '\(escaped)'"))
        // Prose, captions, table headers and class names go through Markdown; `<` stays text there.
        let captions = page.components(separatedBy: "&lt;script").count - 1
        #expect(captions >= 7, "\(captions) escaped copies in \(page)")
    }
}
