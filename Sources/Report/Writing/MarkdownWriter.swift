/// Writes a chapter as Markdown that renders on a code host: math as `$…$` and `$$…$$`,
/// figures as images beside the file.
///
/// Plain text is `markdownEscaped`, authored Markdown `markdownSanitized` (see
/// `String+Escaping.swift`), so nothing from a lesson reaches the page as HTML, a script link
/// or a line of its own.
public struct MarkdownWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The chapter as Markdown.
    public func markdown(for document: ReportDocument) -> String {
        let document = document.resolvingChapterReferences { "../\($0.markdownAddress)/README.md" }
        var parts = ["# \(document.title.markdownEscaped)"]
        if let notebook = document.notebook {
            parts.append("[\(NotebookWriter.linkText)](\(notebook.markdownAddress))\(NotebookWriter.linkExplanation.markdownEscaped)")
        }
        for block in document.blocks { parts.append(markdown(for: block)) }
        parts.append("---\n\n" + links(document.neighbours))
        if !document.footer.isEmpty { parts.append(document.footer.map(\.markdownEscaped).joined(separator: " · ")) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The line of links to the neighbouring chapters and the table of contents that ends the chapter.
    public func links(_ neighbours: ReportDocument.Neighbours) -> String {
        var links = [String]()
        if let previous = neighbours.previous {
            links.append("← [\(previous.title.markdownEscaped)](../\(previous.folder.markdownAddress)/README.md)")
        }
        links.append("[All chapters](../README.md)")
        if let next = neighbours.next { links.append("[\(next.title.markdownEscaped)](../\(next.folder.markdownAddress)/README.md) →") }
        return links.joined(separator: " · ")
    }

    func markdown(for block: ReportBlock) -> String {
        switch block {
        case let .heading(level, text):
            return String(repeating: "#", count: min(max(level, 2), 6)) + " " + text.markdownEscaped
        case let .prose(text):
            return text.markdownSanitized.trimmingTrailingNewlines()
        case let .math(tex):
            return display(tex)
        case let .numberedMath(tex, number):
            return display(tex + " \\tag{\(number)}")
        case let .relation(relation):
            let sentence = "> " + CheckWording.sentence(relation.check, step: relation.step).markdownEscaped
            let symbolic = relation.number.map { relation.symbolic + " \\tag{\($0)}" } ?? relation.symbolic
            let parts: [String] = [display(symbolic)] + relation.numericLines.map { display($0) } + [sentence]
            return parts.joined(separator: "\n\n")
        case let .table(table):
            return markdown(for: table)
        case let .figure(figure):
            return "![\(figure.alternativeText.markdownEscaped)](\(figure.file.markdownAddress))\n\n*\(figure.caption.markdownSanitized.markdownOneLine)*"
        case let .note(text):
            return text.markdownSanitized.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        case let .exercise(exercise):
            return markdown(for: exercise)
        case let .error(error):
            return "> **Error** \(error.position.markdownCode): \(error.message.markdownEscaped)"
        }
    }

    /// An exercise: a heading and the question, then the hint and the answer each in a
    /// `<details>` section, which code hosts show collapsed. These tags are the writer's own, the
    /// only HTML it writes: what stands between them is sanitized Markdown like any prose (no `<`
    /// of it can open or close a tag), set off by blank lines so that hosts render it as Markdown.
    func markdown(for exercise: ExerciseBlock) -> String {
        func folded(_ summary: String, _ body: [String]) -> String {
            "<details><summary>\(summary)</summary>\n\n" + body.map { $0.markdownSanitized.trimmingTrailingNewlines() }
                .joined(separator: "\n\n") + "\n\n</details>"
        }
        var parts = ["### Exercise \(exercise.number)", exercise.question.markdownSanitized.trimmingTrailingNewlines()]
        if let hint = exercise.hint { parts.append(folded("Hint", [hint])) }
        parts.append(folded("Answer", [exercise.answer] + (exercise.explanation.map { [$0] } ?? [])))
        return parts.joined(separator: "\n\n")
    }

    /// Display math as code hosts read it: a ```math block, sanitized as math, without blank
    /// lines.
    private func display(_ tex: String) -> String {
        ("$$" + tex + "$$").markdownSanitized.trimmingCharacters(in: .newlines)
    }

    private func markdown(for table: ReportTable) -> String {
        func cell(_ text: String) -> String { text.markdownSanitized.markdownTableCellEscaped }
        var lines = ["| " + table.headers.map(cell).joined(separator: " | ") + " |"]
        lines.append(
            "|" + table.headers.indices.map { table.numericColumns.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        if let caption = table.caption { lines.append("\n*\(caption.markdownSanitized.markdownOneLine)*") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last == "\n" { result.removeLast() }
        return result
    }
}
