/// Writes a chapter as a Jupyter notebook (nbformat 4.5): the title, the plan's opening cells,
/// the chapter's blocks as Markdown cells with the plan's code cells among them, and its closing
/// cells. The same document and plan give the same bytes: cells are numbered in order, keys
/// are written in a fixed order, and the notebook has no outputs.
public struct NotebookWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The words of the link to the notebook under a chapter's title, in both pages.
    public static let linkText = "Download this chapter as a notebook"
    /// What follows the link.
    public static let linkExplanation = ": its prose and math, with Python and numpy code that rebuilds its data and networks and prints its numbers."

    /// The notebook's JSON text.
    public func notebook(for document: ReportDocument, plan: NotebookPlan) -> String {
        let document = document.resolvingChapterReferences { "../\($0)/index.html" }
        let markdown = NotebookMarkdown()
        var cells = [NotebookCell.markdown("# \(document.title.markdownEscaped)")] + plan.opening
        var pending = [String]()
        func flush() {
            if !pending.isEmpty { cells.append(.markdown(pending.joined(separator: "\n\n"))) }
            pending = []
        }
        for position in 0...document.blocks.count {
            let here = plan.anchored.filter { $0.position == position }
            if !here.isEmpty {
                flush()
                cells += here.map(\.cell)
            }
            if position < document.blocks.count { pending.append(markdown.markdown(for: document.blocks[position])) }
        }
        flush()
        cells += plan.closing
        let entries = cells.enumerated().map { index, cell in Self.json(cell, id: "cell-\(index + 1)") }
        return """
            {
             "cells": [
            \(entries.joined(separator: ",\n"))
             ],
             "metadata": {
              "kernelspec": {
               "display_name": "Python 3",
               "language": "python",
               "name": "python3"
              },
              "language_info": {
               "name": "python"
              }
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }

            """
    }

    /// One cell as JSON, its source as a list of lines (each but the last ending in a newline),
    /// indented as Jupyter writes it.
    static func json(_ cell: NotebookCell, id: String) -> String {
        let (type, text): (String, String)
        switch cell {
        case let .markdown(source): (type, text) = ("markdown", source)
        case let .code(source): (type, text) = ("code", source)
        }
        var body = text
        while body.hasSuffix("\n") { body.removeLast() }
        let parts = body.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = parts.indices.map { String(parts[$0]) + ($0 < parts.count - 1 ? "\n" : "") }
        let source = lines.isEmpty ? "[]" : "[\n" + lines.map { "    " + $0.jsonQuoted }.joined(separator: ",\n") + "\n   ]"
        var fields = ["   \"cell_type\": \(type.jsonQuoted)"]
        if type == "code" { fields.append("   \"execution_count\": null") }
        fields += ["   \"id\": \(id.jsonQuoted)", "   \"metadata\": {}"]
        if type == "code" { fields.append("   \"outputs\": []") }
        fields.append("   \"source\": \(source)")
        return "  {\n" + fields.joined(separator: ",\n") + "\n  }"
    }
}

extension String {
    /// The string as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else as it is (UTF-8). Python reads every one of these escapes the same way,
    /// so it is also a Python string literal of the same text (`PythonLiteral.string`).
    public var jsonQuoted: String {
        var result = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
