import Book
import Engine
import LessonFormat
import LessonRuntime
import MathML
import Relations
import Report

/// A part of the lesson tool that reads text a student writes, and that the fuzzer feeds.
public enum FuzzSurface: String, CaseIterable, Sendable {
    /// A whole lesson file: `LessonParser.parse`, then what `lessons check` does (every cell
    /// read and validated, every formula of the prose typeset), without training.
    case lesson
    /// One cell: the input's first line names the kind (any other line picks one), the rest is
    /// its YAML body, inside a minimal lesson; checked as a lesson.
    case cell
    /// The `numbers` language of equation cells: the text parsed as a relation and as a lone
    /// expression, evaluated against a 2-2-1 network's quantities, checked, written back and
    /// typeset filled in.
    case numbers
    /// The LaTeX subset: the text converted to MathML, display and inline.
    case tex
}

/// What one input did on one surface.
public enum FuzzOutcome: Equatable, Sendable {
    /// The surface accepted it.
    case accepted
    /// The surface refused it with a positioned error (the error's description).
    case refused(String)
    /// The surface broke its contract: an error without a usable position, or a result that
    /// contradicts itself. The message says how.
    case violation(String)

    /// Whether the contract held.
    public var isViolation: Bool {
        if case .violation = self { true } else { false }
    }
}

/// Runs inputs through the surfaces and checks the contract: every input yields a result,
/// or an error whose position lies inside the input (`file:line:column: error:` for a lesson,
/// an offset into the text for a relation or a formula). A crash or a hang is the caller's to
/// notice: this runs the input on the calling thread.
public enum FuzzOracle {
    /// The path lessons are parsed under.
    public static let path = "lessons/fuzz.md"

    /// Runs `input` through `surface`.
    public static func run(_ input: [UInt8], on surface: FuzzSurface) -> FuzzOutcome {
        let text = String(decoding: input, as: UTF8.self)
        switch surface {
        case .lesson: return lesson(text)
        case .cell: return lesson(cellLesson(text))
        case .numbers: return numbers(text)
        case .tex: return tex(text)
        }
    }

    // MARK: - Lessons

    /// The lesson a cell input stands for: its first line names the kind, the rest is the body.
    public static func cellLesson(_ text: String) -> String {
        let newline = text.firstIndex(of: "\n")
        let first = String(text[..<(newline ?? text.endIndex)])
        let body = newline.map { String(text[text.index(after: $0)...]) } ?? ""
        let kind = CellKind(rawValue: first)
            ?? CellKind.allCases[first.unicodeScalars.reduce(0) { ($0 &+ Int($1.value)) & 0xFFFF } % CellKind.allCases.count]
        let lessonBody = CellKind(rawValue: first) == nil ? text : body
        return "---\ntitle: Fuzz\n---\n```{\(kind.rawValue)}\n\(lessonBody)\n```\n"
    }

    static func lesson(_ text: String) -> FuzzOutcome {
        // The lines as the parser counts them: split at "\n", a trailing "\r" dropped (scalars,
        // since "\r\n" is one Character).
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let lesson: Lesson
        do {
            lesson = try LessonParser.parse(text, path: path)
        } catch {
            return positioned(error, lines: lines)
        }
        if case let .violation(message) = rendered(lesson) { return .violation(message) }
        let errors = LessonRunner().check(lesson)
        for error in errors {
            if case let .violation(message) = positioned(error, lines: lines) { return .violation(message) }
        }
        return errors.first.map { .refused($0.description) } ?? .accepted
    }

    /// The lesson's prose, its front matter's title and summary and its cells' captions through
    /// the real writers (`HTMLWriter`, `MarkdownWriter`, `SiteIndex`), as a chapter and the index
    /// show them: what `check` passes must render, and no character HTML forbids may reach a page.
    static func rendered(_ lesson: Lesson) -> FuzzOutcome {
        let front = lesson.frontMatter.entries ?? []
        let title = front.first { $0.key == "title" }?.value.text ?? "Fuzz"
        let summary = front.first { $0.key == "summary" }?.value.text
        var blocks = [ReportBlock]()
        for block in lesson.blocks {
            switch block {
            case let .prose(prose):
                blocks.append(.prose(prose.text))
            case let .cell(cell):
                guard let caption = cell.body.entries?.first(where: { $0.key == "caption" })?.value.text else { continue }
                blocks.append(.prose(caption))
                blocks.append(.figure(ReportFigure(file: "fig.png", caption: caption, alternativeText: title)))
                blocks.append(.table(ReportTable(headers: [caption], rows: [[caption]], caption: caption)))
            }
        }
        let document = ReportDocument(
            title: title, blocks: blocks, footer: [title],
            neighbours: .init(previous: (title, "01-a"), next: (title, "03-c")))
        let index = SiteIndex(title: title, introduction: summary ?? "", chapters: [.init(title: title, folder: "02-b", summary: summary)])
        let pages = [
            HTMLWriter().page(for: document), MarkdownWriter().markdown(for: document), index.html(), index.markdown(),
        ]
        for page in pages {
            if let bad = page.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" || $0.value == 0x7F }) {
                return .violation("a page holds the control character U+\(String(bad.value, radix: 16, uppercase: true))")
            }
        }
        if pages[0].contains("<script") || pages[2].contains("<script") {
            return .violation("an HTML page holds a <script> element")
        }
        return .accepted
    }

    /// The error as refused, or a violation when its position is not inside the file.
    static func positioned(_ error: LessonError, lines: [Substring.UnicodeScalarView]) -> FuzzOutcome {
        let position = error.position
        let prefix = "\(path):\(position.line):\(position.column): error: "
        guard position.file == path else {
            return .violation("the error names the file '\(position.file)': \(error)")
        }
        guard lines.indices.contains(position.line - 1) else {
            return .violation("the error's line \(position.line) is outside the file's \(lines.count) lines: \(error)")
        }
        var line = lines[position.line - 1]
        if line.last == "\r" { line = line.dropLast() }
        let length = line.count
        guard (1...(length + 1)).contains(position.column) else {
            return .violation("the error's column \(position.column) is outside line \(position.line) (\(length) characters): \(error)")
        }
        guard error.description.hasPrefix(prefix), !error.message.isEmpty else {
            return .violation("the error does not read '\(prefix)message': \(error)")
        }
        // A second position inside the message (a YAML library's own `1:9: error:`) is one the
        // editor cannot follow.
        guard !error.message.contains(": error: ") else {
            return .violation("the message holds a position of its own: \(error)")
        }
        return .refused(error.description)
    }

    // MARK: - Relations

    /// The quantities of a 2-2-1 network's training step under the names the lessons use, and
    /// a few hostile ones: an empty matrix, a huge and a tiny number, NaN and infinity.
    public static let bindings: Bindings = {
        var values: [String: Matrix] = [:]
        let row2 = Matrix([[0.5, -1.25]]), square = Matrix([[1, 2], [3, 4]]), column2 = Matrix([[1], [-1]])
        let scalar = Matrix(scalar: 0.1)
        for name in ["x", "a0", "b1", "n1", "a1", "s1", "delta1", "b1_new", "Z1", "dZ1"] { values[name] = row2 }
        for name in ["W1", "dW1", "W1_new", "delta_W1"] { values[name] = square }
        for name in ["W2", "dW2", "W2_new", "W"] { values[name] = column2 }
        for name in ["y", "b2", "n2", "a2", "s2", "delta2", "b2_new", "eta", "b", "n", "a", "error", "loss", "Z2", "dZ2"] {
            values[name] = scalar
        }
        values["theta"] = Matrix([[0.5], [-0.2], [0.3]])
        values["theta_new"] = Matrix([[0.6], [-0.1], [0.4]])
        values["delta_W"] = Matrix([[0.1], [0.1]])
        values["E"] = Matrix(rows: 0, columns: 2)
        values["big"] = Matrix([[1e308, -1e308]])
        values["tiny"] = Matrix(scalar: .leastNonzeroMagnitude)
        values["nan"] = Matrix(scalar: .nan)
        values["inf"] = Matrix(scalar: .infinity)
        values["wide"] = Matrix(rows: 1, columns: 40, repeating: 0.25)
        return Bindings(values)
    }()

    static func numbers(_ text: String) -> FuzzOutcome {
        let length = text.count
        func refusedOrViolation(_ error: RelationError, _ what: String) -> FuzzOutcome {
            guard (0...length).contains(error.offset) else {
                return .violation("\(what): the error's offset \(error.offset) is outside the text (\(length) characters): \(error)")
            }
            guard error.description.hasPrefix("offset \(error.offset): "), !error.message.isEmpty else {
                return .violation("\(what): the error does not read 'offset N: message': \(error)")
            }
            return .refused(error.description)
        }
        // A table cell's column is a lone expression.
        do {
            _ = try Expression(parsing: text)
        } catch {
            if case .violation(let message) = refusedOrViolation(error, "as an expression") { return .violation(message) }
        }
        let relation: Relation
        do {
            relation = try Relation(parsing: text)
        } catch {
            return refusedOrViolation(error, "as a relation")
        }
        do {
            _ = try Relation(parsing: relation.description)
        } catch {
            return .violation("the relation written back, '\(relation.description)', does not parse: \(error)")
        }
        let check: RelationCheck
        do {
            check = try relation.check(with: bindings)
        } catch {
            return refusedOrViolation(error, "evaluated")
        }
        _ = check.description
        _ = check.filled.plainText(significantDigits: 4, maximumRows: 3, maximumColumns: 3)
        _ = check.filled.plainText(significantDigits: 17, maximumRows: 100, maximumColumns: 100)
        let filled = check.filled.tex()
        do {
            _ = try MathML.convert(filled, display: true)
        } catch {
            // A relation nested past the converter's limit shows its filled-in LaTeX as source
            // in the report, as any formula that does not convert does.
            if case .tooDeep = error.kind { return .accepted }
            return .violation("the relation filled in, '\(filled)', does not typeset: \(error)")
        }
        return .accepted
    }

    // MARK: - LaTeX

    static func tex(_ text: String) -> FuzzOutcome {
        let length = text.utf8.count
        var outcome = FuzzOutcome.accepted
        for display in [true, false] {
            do {
                _ = try MathML.convert(text, display: display)
            } catch {
                guard (0...length).contains(error.offset) else {
                    return .violation("the error's offset \(error.offset) is outside the formula (\(length) bytes): \(error)")
                }
                guard error.description.hasPrefix("offset \(error.offset): "), !error.message.isEmpty else {
                    return .violation("the error does not read 'offset N: message': \(error)")
                }
                let (line, column) = error.location(in: text)
                guard line >= 1, column >= 1 else {
                    return .violation("the error's location \(line):\(column) is not a place: \(error)")
                }
                outcome = .refused(error.description)
            }
        }
        return outcome
    }
}
