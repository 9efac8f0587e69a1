/// Writes a chapter as Markdown that renders on a code host: math as `$…$` and `$$…$$`,
/// figures as images beside the file.
public struct MarkdownWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The chapter as Markdown.
    public func markdown(for document: ReportDocument) -> String {
        var parts = ["# \(document.title)"]
        for block in document.blocks { parts.append(markdown(for: block)) }
        parts.append("---\n\n" + links(document.neighbours))
        if !document.footer.isEmpty { parts.append(document.footer.joined(separator: " · ")) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The line of links to the neighbouring chapters and the table of contents that ends the chapter.
    public func links(_ neighbours: ReportDocument.Neighbours) -> String {
        var links = [String]()
        if let previous = neighbours.previous { links.append("← [\(previous.title)](../\(previous.folder)/README.md)") }
        links.append("[All chapters](../README.md)")
        if let next = neighbours.next { links.append("[\(next.title)](../\(next.folder)/README.md) →") }
        return links.joined(separator: " · ")
    }

    private func markdown(for block: ReportBlock) -> String {
        switch block {
        case let .heading(level, text):
            return String(repeating: "#", count: min(max(level, 2), 6)) + " " + text
        case let .prose(text):
            return text.trimmingTrailingNewlines()
        case let .math(tex):
            return display(tex)
        case let .relation(relation):
            return [display(relation.symbolic), display(relation.numeric), "> " + CheckWording.sentence(relation.check, step: relation.step)]
                .joined(separator: "\n\n")
        case let .table(table):
            return markdown(for: table)
        case let .figure(figure):
            return "![\(figure.alternativeText.replacingAll("]", with: "\\]"))](\(figure.file))\n\n*\(figure.caption)*"
        case let .note(text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n")
        case let .error(error):
            return "> **Error** `\(error.position)`: \(error.message)"
        }
    }

    private func display(_ tex: String) -> String {
        "$$\n\(tex)\n$$"
    }

    private func markdown(for table: ReportTable) -> String {
        var lines = ["| " + table.headers.map(\.markdownTableCellEscaped).joined(separator: " | ") + " |"]
        lines.append(
            "|" + table.headers.indices.map { table.numericColumns.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map(\.markdownTableCellEscaped).joined(separator: " | ") + " |")
        }
        if let caption = table.caption { lines.append("\n*\(caption)*") }
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
