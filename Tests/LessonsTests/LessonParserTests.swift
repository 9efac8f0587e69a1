import Foundation
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

@Suite struct LessonParserTests {
    let path = "lessons/01-perceptron.md"

    func parse(_ text: String) throws(LessonError) -> Lesson {
        try LessonParser.parse(text, path: path)
    }

    func expectError(_ text: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try parse(text)
            Issue.record("no error; expected \(expected)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == expected, sourceLocation: sourceLocation)
        }
    }

    static let example = """
        ---
        title: The perceptron learning rule
        order: 1
        seed: 7
        ---
        A perceptron fires when $w^\\top x + b \\ge 0$.

        ```{data}
        dataset: and
        ```

        Some code that is not a cell:
        ```swift
        ```{train}
        ```

        ```{train}
        rule: perceptron
        learning_rate: 0.1
        epochs: 10
        ```
        """

    @Test func readsFrontMatterProseAndCells() throws {
        let lesson = try parse(Self.example)
        let front = try #require(lesson.frontMatter.entries)
        #expect(front.map(\.key) == ["title", "order", "seed"])
        #expect(front[0].value.text == "The perceptron learning rule")
        #expect(front[2].value.integer == 7)
        #expect(front[2].keyPosition == SourcePosition(file: path, line: 4, column: 1))

        #expect(lesson.cells.map(\.kind) == [.data, .train])
        #expect(lesson.cells[0].position == SourcePosition(file: path, line: 8, column: 1))
        let train = try #require(lesson.cells[1].body.entries)
        #expect(train.map(\.key) == ["rule", "learning_rate", "epochs"])
        #expect(train[1].value.number == 0.1)
        #expect(train[1].keyPosition == SourcePosition(file: path, line: 19, column: 1))
        #expect(train[1].value.position == SourcePosition(file: path, line: 19, column: 16))

        guard case let .prose(first) = lesson.blocks[0], case let .prose(second) = lesson.blocks[2] else {
            Issue.record("blocks are \(lesson.blocks)")
            return
        }
        #expect(first.position.line == 6)
        #expect(first.text.hasPrefix("A perceptron fires"))
        // A fenced code block in prose is prose, even when it contains a cell header.
        #expect(second.text.contains("```{train}"))
        #expect(lesson.blocks.count == 4)
    }

    @Test func anEmptyCellIsAnEmptyMapping() throws {
        let lesson = try parse("---\ntitle: x\n---\n```{plot}\n```\n")
        #expect(lesson.cells[0].body.entries == [])
    }

    @Test func quotedScalarsAreText() throws {
        let lesson = try parse("---\ntitle: '3'\nseed: 3\n---\n")
        let front = try #require(lesson.frontMatter.entries)
        #expect(front[0].value.number == nil)
        #expect(front[0].value.text == "3")
        #expect(front[1].value.number == 3)
    }

    @Test func unknownCellKindSuggestsTheClosest() {
        expectError(
            "---\ntitle: x\n---\n\n```{trian}\nepochs: 3\n```\n",
            "lessons/01-perceptron.md:5:5: error: unknown cell kind 'trian' (did you mean 'train'?)")
        expectError(
            "---\ntitle: x\n---\n```{spline}\n```\n",
            "lessons/01-perceptron.md:4:5: error: unknown cell kind 'spline'")
    }

    @Test func structuralMistakes() {
        expectError("title: x\n", "lessons/01-perceptron.md:1:1: error: a lesson starts with front matter: a line '---', YAML keys such as 'title:', and '---'")
        expectError("---\ntitle: x\n", "lessons/01-perceptron.md:1:1: error: the front matter has no closing '---'")
        expectError(
            "---\ntitle: x\n---\ntext\n  ```{model}\nlayers: [2, 1]\n",
            "lessons/01-perceptron.md:5:3: error: the model cell has no closing fence '```'")
        expectError("---\ntitle: x\n---\n```{model\n```\n", "lessons/01-perceptron.md:4:1: error: cell header '```{model' should be a fence with the cell kind in braces, like '```{train}'")
        expectError("---\ntitle: x\n---\n```{train}\n- 1\n- 2\n```\n", "lessons/01-perceptron.md:5:1: error: the train cell should be YAML keys and values, one 'key: value' per line")
    }

    @Test func invalidYAMLPointsIntoTheFile() {
        expectError(
            "---\ntitle: x\n---\n\n```{train}\nepochs: 3\nlearning_rate: [0.1\n```\n",
            "lessons/01-perceptron.md:8:1: error: invalid YAML in the train cell: did not find expected ',' or ']'")
        expectError(
            "---\ntitle: x\ntitle: y\n---\n",
            "lessons/01-perceptron.md:2:1: error: invalid YAML in the front matter: key 'title' appears more than once")
    }

    @Test func yamlThatNestsTooDeeplySaysSoInItsOwnWords() {
        expectError(
            "---\ntitle: x\n---\n```{train}\nepochs: " + String(repeating: "[", count: 1_200) + "\n```\n",
            "lessons/01-perceptron.md:5:10: error: invalid YAML in the train cell: lists and mappings nest too deeply (libyaml reads at most 1000 levels)")
    }

    /// Found by the fuzzer: YAML also ends a line at a carriage return (and at U+0085, U+2028
    /// and U+2029), which the lesson file keeps inside a line, so an error after one was placed
    /// lines below where it is, past the cell's end.
    @Test func invalidYAMLAfterACarriageReturnPointsAtItsLine() {
        expectError(
            "---\ntitle: x\n---\n```{data}\nda\rtas./et: xor\n```\n",
            "lessons/01-perceptron.md:5:11: error: invalid YAML in the data cell: mapping values are not allowed in this context")
        expectError(
            "---\ntitle: x\n---\n```{data}\nshow: \"a\u{2028}b\"\r\r\ndataset: [and\n```\n",
            "lessons/01-perceptron.md:7:1: error: invalid YAML in the data cell: did not find expected ',' or ']'")
        expectError(
            "---\ntitle: a\u{85}b\nseed: 1: 2\n---\n",
            "lessons/01-perceptron.md:3:1: error: invalid YAML in the front matter: could not find expected ':'")
    }

    /// Nine lines of aliases stand for 10⁹ values ("billion laughs"): the reader grew by about
    /// 110 MB/s until killed. Anchors and aliases are refused before anything is composed,
    /// in the front matter and in cells, as values and as keys (Yams hashes keys whole).
    @Test func anchorsAndAliasesAreRefusedBeforeTheyExpand() {
        var laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            laughs += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        expectError(
            "---\ntitle: x\n---\n```{train}\nepochs: 3\n" + laughs + "```\n",
            "lessons/01-perceptron.md:6:4: error: invalid YAML in the train cell: an anchor (&a): anchors and aliases are not supported; write each value out")
        expectError(
            "---\ntitle: x\n" + laughs + "? *i\n: 1\n---\n",
            "lessons/01-perceptron.md:3:4: error: invalid YAML in the front matter: an anchor (&a): anchors and aliases are not supported; write each value out")
        expectError(
            "---\ntitle: x\n---\n```{train}\nepochs: *three\n```\n",
            "lessons/01-perceptron.md:5:9: error: invalid YAML in the train cell: an alias (*three): anchors and aliases are not supported; write each value out")
        expectError(
            "---\ntitle: x\n---\n```{data}\ndataset: \"\u{2028}\"\rclasses: [&x a, *x]\n```\n",
            "lessons/01-perceptron.md:5:24: error: invalid YAML in the data cell: an anchor (&x): anchors and aliases are not supported; write each value out")
    }

    /// Found by the fuzzer: a file saved with Windows line ends was one long line to the parser
    /// (Swift counts "\r\n" as one character, never equal to "\n"), so it had no front matter.
    @Test func windowsLineEndsReadAsUnixOnes() throws {
        let unix = try parse(Self.example)
        let windows = try parse(Self.example.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(windows.frontMatter == unix.frontMatter)
        #expect(windows.cells.map(\.position) == unix.cells.map(\.position))
        #expect(windows.cells.map(\.body) == unix.cells.map(\.body))
        #expect(windows.cells.map(\.source) == unix.cells.map(\.source))
        expectError(
            "---\r\ntitle: x\r\n---\r\n\r\n```{train}\r\nepochs: 3\r\nlearning_rate: [0.1\r\n```\r\n",
            "lessons/01-perceptron.md:8:1: error: invalid YAML in the train cell: did not find expected ',' or ']'")
    }

    /// Found by the fuzzer: a character YAML refuses to read (a control character) was reported
    /// at the YAML's first line, with YAML's own position and a snippet inside the message.
    @Test func anUnreadableCharacterPointsAtItself() {
        expectError(
            "---\ntitle: a\u{0}b\n---\n",
            "lessons/01-perceptron.md:2:9: error: invalid YAML in the front matter: control characters are not allowed")
        expectError(
            "---\ntitle: x\n---\n```{data}\ndataset: and\r\nclasses: [é, \u{7}]\n```\n",
            "lessons/01-perceptron.md:6:14: error: invalid YAML in the data cell: control characters are not allowed")
    }
}

