import Foundation

/// A chapter's blocks as the Markdown of a notebook's cells: like `MarkdownWriter`'s, but with
/// the math between plain dollars, which Jupyter renders (code hosts' ```` ```math ```` blocks
/// and `` $`…`$ `` it does not), and sanitized the same way (no raw HTML, no script links).
struct NotebookMarkdown {
    /// The Markdown of `block`.
    func markdown(for block: ReportBlock) -> String {
        switch block {
        case let .heading(level, text):
            return String(repeating: "#", count: min(max(level, 2), 6)) + " " + text.markdownEscaped
        case let .prose(text):
            return sanitized(text)
        case let .math(tex):
            return display(tex)
        case let .numberedMath(tex, number):
            return display(tex + " \\tag{\(number)}")
        case let .relation(relation):
            let symbolic = relation.number.map { relation.symbolic + " \\tag{\($0)}" } ?? relation.symbolic
            let sentence = "> " + CheckWording.sentence(relation.check, step: relation.step).markdownEscaped
            return ([display(symbolic)] + relation.numericLines.map(display) + [sentence]).joined(separator: "\n\n")
        case let .table(table):
            return markdown(for: table)
        case let .figure(figure):
            return "![\(figure.alternativeText.markdownEscaped)](\(figure.file.markdownAddress))\n\n*\(sanitized(figure.caption).markdownOneLine)*"
        case let .note(text):
            return sanitized(text).split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        case let .exercise(exercise):
            func folded(_ summary: String, _ body: [String]) -> String {
                "<details><summary>\(summary)</summary>\n\n" + body.map(sanitized).joined(separator: "\n\n") + "\n\n</details>"
            }
            var parts = ["### Exercise \(exercise.number)", sanitized(exercise.question)]
            if let hint = exercise.hint { parts.append(folded("Hint", [hint])) }
            parts.append(folded("Answer", [exercise.answer] + (exercise.explanation.map { [$0] } ?? [])))
            return parts.joined(separator: "\n\n")
        case let .error(error):
            return "> **Error** \(error.position.markdownCode): \(error.message.markdownEscaped)"
        }
    }

    private func sanitized(_ text: String) -> String {
        text.markdownSanitized(math: .dollars).trimmingTrailingNewlines()
    }

    private func display(_ tex: String) -> String {
        ("$$" + tex + "$$").markdownSanitized(math: .dollars).trimmingCharacters(in: .newlines)
    }

    private func markdown(for table: ReportTable) -> String {
        func cell(_ text: String) -> String { sanitized(text).markdownTableCellEscaped }
        var lines = ["| " + table.headers.map(cell).joined(separator: " | ") + " |"]
        lines.append(
            "|" + table.headers.indices.map { table.numericColumns.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in table.rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        if let caption = table.caption { lines.append("\n*\(sanitized(caption).markdownOneLine)*") }
        return lines.joined(separator: "\n")
    }
}
