import Foundation
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// A small chapter with something of each kind the notebook writes: embedded data, explicit
/// weights, mini-batches that reshuffle, an evaluation and a walk.
private let smallLesson = """
    ---
    title: Small
    seed: 11
    ---
    A network learns XOR with $a = \\sigma(n)$; {chapter:00-other} comes before.

    ```{data}
    dataset: xor
    ```

    ```{model}
    layers: [2, 2, 1]
    activation: sigmoid
    init: explicit
    W1: [[0.125, -2.75], [1.5, 0.0625]]
    b1: [0.25, -0.5]
    W2: [[3.375], [-1.875]]
    b2: 0.75
    ```

    ```{train}
    loss: binary-cross-entropy
    optimizer: momentum
    learning_rate: 0.5
    epochs: 40
    batch_size: 2
    ```

    ```{evaluate}
    on: training
    ```

    ```{table}
    of: gradient-descent
    function: x^2 + 10*y^2
    start: [-4, 1]
    optimizer: adam
    learning_rate: 0.3
    steps: 12
    ```
    """

/// A scratch book with one lesson, published as `lessons run` publishes it.
private struct NotebookBook {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-notebook-\(UUID().uuidString)")
    var output: URL { root.appendingPathComponent("output") }

    init(_ text: String, name: String = "01-small") throws {
        let lessons = root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try text.write(to: lessons.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
    }

    /// Publishes the lesson into `output` (or `folder`) and returns its chapter's folder.
    @discardableResult
    func publish(_ name: String = "01-small", into folder: URL? = nil) throws -> URL {
        let url = root.appendingPathComponent("lessons").appendingPathComponent(name + ".md")
        let entry = LessonLibrary.Entry(name: name, url: url, displayPath: url.path)
        let output = folder ?? self.output
        let neighbours = ReportDocument.Neighbours(number: "1", chapters: ["00-other": "0"])
        let result = try BookWriter(output: output).publish(entry, neighbours: neighbours)
        #expect(result.errors.isEmpty, "\(result.errors)")
        return output.appendingPathComponent(name)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct NotebookTests {
    @Test func theNotebookIsNBFormat4JSON() throws {
        let book = try NotebookBook(smallLesson)
        defer { book.remove() }
        let chapter = try book.publish()
        let data = try Data(contentsOf: chapter.appendingPathComponent("01-small.ipynb"))
        let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 5)
        let metadata = try #require(notebook["metadata"] as? [String: Any])
        #expect((metadata["kernelspec"] as? [String: Any])?["language"] as? String == "python")
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        #expect(cells.count > 5)
        var ids = Set<String>()
        for cell in cells {
            let type = try #require(cell["cell_type"] as? String)
            #expect(["markdown", "code"].contains(type))
            #expect(cell["metadata"] is [String: Any])
            #expect(cell["source"] is [String])
            let id = try #require(cell["id"] as? String)
            #expect(ids.insert(id).inserted, "ids are unique")
            if type == "code" {
                #expect(cell["outputs"] as? [Any] != nil)
                #expect(cell.keys.contains("execution_count"))
            } else {
                #expect(cell["outputs"] == nil)
            }
        }
        let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }
            .map { ($0["source"] as! [String]).joined() }.joined(separator: "\n")
        // The math as Jupyter reads it, and the chapter reference resolved.
        #expect(markdown.contains("$a = \\sigma(n)$"))
        #expect(!markdown.contains("$`"))
        #expect(markdown.contains("[chapter 0](../00-other/index.html)"))
        #expect(markdown.hasPrefix("# 1\\. Small"))
    }

    @Test func theNotebookEmbedsTheStartingWeightsTheDataAndTheSeed() throws {
        let book = try NotebookBook(smallLesson)
        defer { book.remove() }
        let chapter = try book.publish()
        let text = try String(contentsOf: chapter.appendingPathComponent("01-small.ipynb"), encoding: .utf8)
        // W1, b1, W2 and b2 of the model cell, as Python literals.
        #expect(text.contains("[0.125, -2.75]"))
        #expect(text.contains("[1.5, 0.0625]"))
        #expect(text.contains("[3.375]"))
        #expect(text.contains("[-1.875]"))
        #expect(text.contains("np.array([[0.25, -0.5]], dtype=float)"))
        // XOR's truth table, the optimizer with its setting, the batches and the walk.
        #expect(text.contains("[0, 1, 1, 0]"))
        #expect(text.contains("optimizer=\\\"momentum\\\", settings={\\\"momentum\\\": 0.9}"))
        #expect(text.contains("batch_size=2"))
        #expect(text.contains("SEED = 11"))
        #expect(text.contains("def gradient_f(x, y):"))
        #expect(text.contains("results[\\\"trainingAccuracy\\\"] = accuracy"))
    }

    /// A string in the notebook's code reads back in Python as the text it stands for: quotes,
    /// backslashes, line ends, a carriage return, a tab and another control character escaped
    /// (a raw carriage return inside a literal is a syntax error).
    @Test func aPythonStringLiteralReadsBackAsItsText() throws {
        let text = "a \"quoted\" back\\slash\nline\rreturn\ttab\u{1}é"
        let literal = PythonLiteral.string(text)
        #expect(literal == #""a \"quoted\" back\\slash\nline\rreturn\ttab\u0001é""#)
        guard (try? Self.run(["python3", "-c", "pass"]).status) == 0 else { return }
        let result = try Self.run(["python3", "-c", "import sys; print(\(literal) == sys.argv[1])", text])
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "True", "\(result.output)")
    }

    @Test func thePagesLinkToTheNotebook() throws {
        let book = try NotebookBook(smallLesson)
        defer { book.remove() }
        let chapter = try book.publish()
        let html = try String(contentsOf: chapter.appendingPathComponent("index.html"), encoding: .utf8)
        let markdown = try String(contentsOf: chapter.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(html.contains("<a href=\"01-small.ipynb\" download>Download this chapter as a notebook</a>"))
        #expect(markdown.contains("[Download this chapter as a notebook](01-small.ipynb)"))
    }

    @Test func twoRunsWriteTheSameNotebook() throws {
        let book = try NotebookBook(smallLesson)
        defer { book.remove() }
        let first = try book.publish(into: book.root.appendingPathComponent("first"))
        let second = try book.publish(into: book.root.appendingPathComponent("second"))
        let a = try Data(contentsOf: first.appendingPathComponent("01-small.ipynb"))
        let b = try Data(contentsOf: second.appendingPathComponent("01-small.ipynb"))
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func aChapterWithoutCellsHasNoNotebookAndNoLink() throws {
        let book = try NotebookBook("---\ntitle: Words\n---\nOnly prose.\n", name: "02-words")
        defer { book.remove() }
        let chapter = try book.publish("02-words")
        #expect(!FileManager.default.fileExists(atPath: chapter.appendingPathComponent("02-words.ipynb").path))
        let html = try String(contentsOf: chapter.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains(".ipynb"))
    }

    /// A convolutional network is written in numpy too (patches times the filters, pooling by
    /// the first largest entry of each tile) and, with numpy on the machine, reproduces the
    /// chapter: padding, pooling and the backward pass through both.
    @Test func aConvolutionalNetworkIsReproduced() throws {
        let lesson = """
            ---
            title: Images
            seed: 3
            ---
            ```{data}
            dataset: csv
            path: tiny.csv
            label: label
            ```

            ```{model}
            layers: [input: [1, 4, 4], conv: {filters: 2, size: 3, padding: same}, pool: 2, dense: 1]
            activations: [tanh, sigmoid]
            ```

            ```{train}
            learning_rate: 0.5
            epochs: 20
            ```
            """
        let book = try NotebookBook(lesson, name: "03-images")
        defer { book.remove() }
        var rows = ["p0,p1,p2,p3,p4,p5,p6,p7,p8,p9,p10,p11,p12,p13,p14,p15,label"]
        for sample in 0..<8 {
            let pixels = (0..<16).map { pixel in String(Double((sample * 7 + pixel * 5) % 11) / 10) }
            rows.append((pixels + [String(sample % 2)]).joined(separator: ","))
        }
        try (rows.joined(separator: "\n") + "\n").write(to: book.root.appendingPathComponent("lessons/tiny.csv"), atomically: true, encoding: .utf8)
        let chapter = try book.publish("03-images")
        let text = try String(contentsOf: chapter.appendingPathComponent("03-images.ipynb"), encoding: .utf8)
        #expect(text.contains("    conv("))
        #expect(text.contains("(\\\"tanh\\\", None), (1, 4, 4), 3, 1),"))
        #expect(text.contains("    pool((2, 4, 4), 2),"))
        #expect(!text.contains("Not reproduced"))
        guard Self.pythonHasNumpy else {
            print("NotebookTests: skipped running a notebook: python3 with numpy is not installed")
            return
        }
        let (status, output) = try Self.check(book.output, "03-images")
        #expect(status == 0, "\(output)")
        #expect(output.contains("1 passed, 0 failed"), "\(output)")
    }

    /// With python3 and numpy on the machine, the notebook runs and its numbers are the
    /// chapter's (`.ci/check-notebooks.py`); a results.json changed by one part in 10⁵ fails.
    @Test func theNotebookRunsAndReproducesTheChapter() throws {
        guard Self.pythonHasNumpy else {
            print("NotebookTests: skipped running a notebook: python3 with numpy is not installed")
            return
        }
        let book = try NotebookBook(smallLesson)
        defer { book.remove() }
        let chapter = try book.publish()
        let (status, output) = try Self.check(book.output, "01-small")
        #expect(status == 0, "\(output)")
        #expect(output.contains("1 passed, 0 failed"), "\(output)")
        #expect(output.contains("finalTrainingLoss"), "\(output)")

        // The check can fail: the chapter's final loss moved by 10⁻⁵ of itself.
        let results = chapter.appendingPathComponent("results.json")
        var summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: results)) as? [String: Any])
        var metrics = try #require(summary["metrics"] as? [String: Any])
        let loss = try #require(metrics["finalTrainingLoss"] as? Double)
        metrics["finalTrainingLoss"] = loss * (1 + 1e-5)
        summary["metrics"] = metrics
        try JSONSerialization.data(withJSONObject: summary).write(to: results)
        let (failing, said) = try Self.check(book.output, "01-small")
        #expect(failing == 1, "\(said)")
        #expect(said.contains("mismatch: finalTrainingLoss"), "\(said)")
    }

    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private static let pythonHasNumpy: Bool = (try? run(["python3", "-c", "import numpy"]).status) == 0

    private static func check(_ output: URL, _ name: String) throws -> (status: Int32, output: String) {
        try run(["python3", repository.appendingPathComponent(".ci/check-notebooks.py").path, output.path, name])
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
