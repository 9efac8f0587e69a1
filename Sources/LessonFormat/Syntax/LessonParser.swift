import Foundation
import Yams

/// Reads a lesson file into front matter, prose and cells, keeping every position.
///
/// The format: a first line `---`, YAML front matter, a line `---`, then Markdown in which a
/// fence whose info string is a cell kind in braces (```` ```{train} ````) opens a cell whose
/// body is YAML, up to a line ```` ``` ````. Other fenced code blocks are prose.
public enum LessonParser {
    /// Parses `text`, read from `file`, which messages show as `path`.
    ///
    /// - Parameters:
    ///   - path: the file as messages name it (`lessons/01-perceptron.md`).
    ///   - file: the file on disk; `nil` means `path`, from the current folder. The lesson's
    ///     data paths are relative to the folder it really is in.
    /// - Throws: `LessonError` at the first mistake, with its file, line and column.
    public static func parse(_ text: String, path: String, file: URL? = nil) throws(LessonError) -> Lesson {
        let key = ParsedLessons.Key(text: text, path: path, file: file)
        if let lesson = parsed.lesson(for: key) { return lesson }
        let lesson = try parseAgain(text, path: path, file: file)
        parsed.keep(lesson, for: key)
        return lesson
    }

    /// The lessons parsed so far: `lessons all` reads each lesson for the book's order and again
    /// for its chapter's key, and a preview reads unchanged lessons after every save.
    private static let parsed = ParsedLessons()

    private static func parseAgain(_ text: String, path: String, file: URL?) throws(LessonError) -> Lesson {
        // "\r\n" is one Character, never equal to "\n": Windows line ends are split on their own.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        func position(_ index: Int, column: Int = 1) -> SourcePosition {
            SourcePosition(file: path, line: index + 1, column: column)
        }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" || first == "\u{FEFF}---" else {
            throw LessonError(.missingFrontMatter, at: position(0))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces() == "---" }) else {
            throw LessonError(.unterminatedFrontMatter, at: position(0))
        }
        let frontMatter = try YAMLReader(file: path, firstLine: 2, place: "the front matter")
            .read(lines[1..<close].joined(separator: "\n"))

        var blocks = [Lesson.Block]()
        var prose = [String]()
        var proseStart = close + 1
        var insideCodeBlock = false
        func flushProse(before index: Int) {
            if prose.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                blocks.append(.prose(Prose(text: prose.joined(separator: "\n"), position: position(proseStart))))
            }
            prose = []
            proseStart = index + 1
        }

        var index = close + 1
        while index < lines.count {
            let line = lines[index]
            let fence = line.drop { $0 == " " }
            if fence.hasPrefix("```") {
                let info = fence.dropFirst(3).trimmingCharacters()
                if insideCodeBlock {
                    insideCodeBlock = info.isEmpty ? false : true
                } else if info.hasPrefix("{") {
                    flushProse(before: index)
                    let column = line.count - fence.count + 1
                    let kind = try cellKind(info, at: position(index, column: column))
                    guard let end = lines.indices.dropFirst(index + 1).first(where: { lines[$0].trimmingCharacters() == "```" }) else {
                        throw LessonError(.unterminatedCell(kind: kind.rawValue), at: position(index, column: column))
                    }
                    let source = lines[(index + 1)..<end].joined(separator: "\n")
                    let body = try YAMLReader(file: path, firstLine: index + 2, place: "the \(kind.rawValue) cell")
                        .read(source)
                    blocks.append(
                        .cell(Cell(kind: kind, position: position(index, column: column), body: body, source: source)))
                    index = end + 1
                    proseStart = index
                    continue
                } else {
                    insideCodeBlock = true
                }
            }
            prose.append(line)
            index += 1
        }
        flushProse(before: lines.count)
        let folder = (file ?? URL(fileURLWithPath: path)).resolvingSymlinksInPath().deletingLastPathComponent()
        return Lesson(path: path, folder: folder, frontMatter: frontMatter, blocks: blocks)
    }

    private static func cellKind(_ info: String, at position: SourcePosition) throws(LessonError) -> CellKind {
        guard info.hasSuffix("}"), info.count > 2 else {
            throw LessonError(.malformedCellHeader("```" + info), at: position)
        }
        let name = String(info.dropFirst().dropLast())
        guard let kind = CellKind(rawValue: name) else {
            throw LessonError(
                .unknownCellKind(name, suggestion: suggestion(for: name, among: CellKind.allCases.map(\.rawValue))),
                at: SourcePosition(file: position.file, line: position.line, column: position.column + 4))
        }
        return kind
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0.isWhitespace }.reversed())
    }
}

/// Parsed lessons by their text, path and file, the last 64 (a parse is a pure function of
/// those three). Shared by the threads that publish chapters side by side.
private final class ParsedLessons: @unchecked Sendable {
    struct Key: Hashable {
        var text: String
        var path: String
        var file: URL?
    }

    private let lock = NSLock()
    private var lessons: [Key: Lesson] = [:]

    func lesson(for key: Key) -> Lesson? {
        lock.withLock { lessons[key] }
    }

    func keep(_ lesson: Lesson, for key: Key) {
        lock.withLock {
            if lessons.count >= 64 { lessons.removeAll() }
            lessons[key] = lesson
        }
    }
}
