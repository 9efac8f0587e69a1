import MathML

/// Writes a chapter as a standalone HTML page: prose through `MarkdownBlocks`, math as native MathML, one
/// shared stylesheet, no JavaScript and no network.
public struct HTMLWriter: Sendable {
    /// The stylesheet's URL relative to the page.
    public var stylesheet: String
    /// The table of contents' URL relative to the page, if the page links back to it.
    public var contents: String?

    /// Creates a writer.
    public init(stylesheet: String = "../style.css", contents: String? = "../index.html") {
        self.stylesheet = stylesheet
        self.contents = contents
    }

    /// The chapter as a complete HTML page.
    public func page(for document: ReportDocument) -> String {
        let document = document.resolvingChapterReferences { "../\($0)/index.html" }
        let navigation = self.navigation(document.neighbours)
        var main = ""
        for block in document.blocks { main += html(for: block) + "\n" }
        let (anchored, sections) = HeadingAnchors.anchored(main)
        var body = navigation
        body += "<header><h1>\(document.title.htmlEscaped)</h1></header>\n"
        if let notebook = document.notebook {
            body += "<p class=\"notebook\"><a href=\"\(notebook.htmlEscaped)\" download>\(NotebookWriter.linkText)</a>\(NotebookWriter.linkExplanation.htmlEscaped)</p>\n"
        }
        if sections.count > 1 {
            body += "<nav class=\"contents\" aria-label=\"Contents\"><ol>"
                + sections.map { "<li><a href=\"#\($0.id)\">\($0.title)</a></li>" }.joined() + "</ol></nav>\n"
        }
        body += "<main>\n" + anchored + "</main>\n" + navigation
        if !document.footer.isEmpty {
            body += "<footer>" + document.footer.map(\.htmlEscaped).joined(separator: " · ") + "</footer>\n"
        }
        return HTMLWriter.page(title: document.title, stylesheet: stylesheet, body: body)
    }

    /// The links to the table of contents and the neighbouring chapters, as `page(for:)`
    /// writes them above and below the chapter.
    public func navigation(_ neighbours: ReportDocument.Neighbours) -> String {
        var links = [String]()
        if let previous = neighbours.previous {
            links.append("<a rel=\"prev\" href=\"../\(previous.folder.htmlEscaped)/index.html\">← \(previous.title.htmlEscaped)</a>")
        }
        if let contents { links.append("<a href=\"\(contents.htmlEscaped)\">All chapters</a>") }
        if let next = neighbours.next {
            links.append("<a rel=\"next\" href=\"../\(next.folder.htmlEscaped)/index.html\">\(next.title.htmlEscaped) →</a>")
        }
        return links.isEmpty ? "" : "<nav>" + links.joined() + "</nav>\n"
    }

    /// An HTML page around `body`.
    static func page(title: String, stylesheet: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(title.htmlEscaped)</title>
        <link rel="stylesheet" href="\(stylesheet.htmlEscaped)">
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// A displayed formula with its number beside it and an anchor prose links to (`#eq-3`).
    static func numbered(_ display: String, _ number: Int?) -> String {
        guard let number else { return display }
        return "<div class=\"numbered\" id=\"eq-\(number)\">\(display)<span class=\"equation-number\">(\(number))</span></div>"
    }

    /// The filled-in relations, one display each; with a narrow layout too, both, each shown by
    /// the stylesheet at the widths it fits (`numbers wide`, `numbers narrow`).
    func numbers(_ relation: RelationBlock) -> String {
        func displays(_ lines: [String], _ classes: String) -> [String] {
            lines.map { "<div class=\"equation \(classes)\">\(math($0, display: true))</div>" }
        }
        guard let narrow = relation.narrowLines else { return displays(relation.numericLines, "numbers").joined(separator: "\n") }
        return (displays(relation.numericLines, "numbers wide") + displays(narrow, "numbers narrow")).joined(separator: "\n")
    }

    func html(for block: ReportBlock) -> String {
        switch block {
        case let .heading(level, text):
            let tag = "h\(min(max(level, 2), 6))"
            return "<\(tag)>\(text.htmlEscaped)</\(tag)>"
        case let .prose(text):
            return prose(text)
        case let .math(tex):
            return "<div class=\"equation\">\(displayRow(tex) ?? math(tex, display: true))</div>"
        case let .numberedMath(tex, number):
            return Self.numbered("<div class=\"equation\">\(displayRow(tex) ?? math(tex, display: true))</div>", number)
        case let .relation(relation):
            let state = CheckWording.state(relation.check)
            return """
                <figure class="relation \(state)">
                \(Self.numbered("<div class=\"equation\">\(displayRow(relation.symbolic) ?? math(relation.symbolic, display: true))</div>", relation.number))
                \(numbers(relation))
                <figcaption class="check">\(CheckWording.sentence(relation.check, step: relation.step).htmlEscaped)</figcaption>
                </figure>
                """
        case let .table(table):
            return html(for: table)
        case let .figure(figure):
            return """
                <figure class="plot">
                \(picture(figure))
                <figcaption>\(inline(figure.caption))</figcaption>
                </figure>
                """
        case let .note(text):
            return "<aside class=\"note\">\n\(prose(text))\n</aside>"
        case let .exercise(exercise):
            return html(for: exercise)
        case let .error(error):
            return """
                <div class="error" role="alert"><strong>Error</strong> <code>\(error.position.htmlEscaped)</code> \
                \(error.message.htmlEscaped)</div>
                """
        }
    }

    /// An exercise: its heading and question shown, its hint and its answer each folded in a
    /// `<details>` the reader opens (no script); the stylesheet prints them open.
    func html(for exercise: ExerciseBlock) -> String {
        func folded(_ kind: String, _ summary: String, _ body: String) -> String {
            "<details class=\"\(kind)\"><summary>\(summary)</summary>\n\(body)\n</details>\n"
        }
        var html = "<section class=\"exercise\">\n<h3>Exercise \(exercise.number)</h3>\n\(prose(exercise.question))\n"
        if let hint = exercise.hint { html += folded("hint", "Hint", prose(hint)) }
        var answer = prose(exercise.answer)
        if let explanation = exercise.explanation { answer += "\n" + prose(explanation) }
        html += folded("answer", "Answer", answer)
        return html + "</section>"
    }

    private func html(for table: ReportTable) -> String {
        // Each cell also carries its column's heading, shown only where a phone lays the rows
        // out one under the other (see `Stylesheet`).
        let labels = table.headers.map { "<span class=\"label\" aria-hidden=\"true\">\(inline($0))</span>" }
        func cell(_ tag: String, _ text: String, column: Int) -> String {
            let alignment = table.numericColumns.contains(column) ? " class=\"number\"" : ""
            let label = tag == "td" && column < labels.count ? labels[column] : ""
            return "<\(tag)\(alignment)>\(label)\(inline(text))</\(tag)>"
        }
        var lines = ["<div class=\"table\"><table>"]
        if let caption = table.caption { lines.append("<caption>\(inline(caption))</caption>") }
        lines.append("<thead><tr>" + table.headers.enumerated().map { cell("th", $1, column: $0) }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for row in table.rows {
            lines.append("<tr>" + row.enumerated().map { cell("td", $1, column: $0) }.joined() + "</tr>")
        }
        lines.append("</tbody></table></div>")
        return lines.joined(separator: "\n")
    }

    /// A formula as MathML; a formula that does not convert shows its source and the reason.
    func math(_ tex: String, display: Bool) -> String {
        let tex = tex.replacingCharactersNotAllowedInHTML
        return math(tex, Result { () throws(MathError) in try MathML.convert(tex, display: display) })
    }

    /// A formula converted (or not): its MathML, or its source and the reason.
    private func math(_ tex: String, _ converted: Result<String, MathError>) -> String {
        switch converted {
        case let .success(mathML):
            mathML
        case let .failure(error):
            "<code class=\"math-error\" title=\"\(error.description.htmlEscaped)\">\(tex.htmlEscaped)</code>"
        }
    }

    /// Markdown prose as HTML, its math as MathML (`MarkdownBlocks` and `MarkdownInline`).
    func prose(_ markdown: String) -> String {
        let markdown = markdown.replacingCharactersNotAllowedInHTML
        let segments = (try? ProseMath.typeset(markdown)) ?? [.text(markdown)]
        var text = ""
        var formulas = [MarkdownInline.Formula]()
        for segment in segments {
            switch segment {
            case let .text(piece):
                // The formula markers are the lesson's only if it wrote them; then they are text.
                for character in piece {
                    text.append(character == MarkdownInline.formulaOpen || character == MarkdownInline.formulaClose ? "\u{FFFD}" : character)
                }
            case let .math(tex, display, converted, _):
                text += "\(MarkdownInline.formulaOpen)\(formulas.count)\(MarkdownInline.formulaClose)"
                let delimiter = display ? "$$" : "$"
                let html = display ? displayRow(tex) ?? math(tex, converted) : math(tex, converted)
                formulas.append(MarkdownInline.Formula(html: html, source: delimiter + tex + delimiter))
            }
        }
        return MarkdownBlocks.html(text, formulas: formulas)
    }

    /// Display math that puts several formulas side by side with `\\qquad` (`a = b, \\qquad c = d`)
    /// as one formula each in a row that wraps, so a narrow screen stacks them instead of
    /// hiding the last ones; `nil` for a single formula.
    func displayRow(_ tex: String) -> String? {
        let parts = Self.topLevelParts(of: tex, separatedBy: "\\qquad")
        guard parts.count > 1 else { return nil }
        var formulas = [String]()
        for part in parts {
            guard let converted = try? MathML.convert(part, display: true) else { return nil }
            formulas.append(converted)
        }
        return "<span class=\"equation-row\">" + formulas.joined() + "</span>"
    }

    /// `tex` split at each `separator` outside braces and environments, parts trimmed.
    static func topLevelParts(of tex: String, separatedBy separator: String) -> [String] {
        var parts = [String](), current = ""
        var depth = 0
        var index = tex.startIndex
        while index < tex.endIndex {
            let rest = tex[index...]
            if rest.hasPrefix("\\begin{") { depth += 1 }
            if rest.hasPrefix("\\end{") { depth -= 1 }
            if depth == 0, rest.hasPrefix(separator),
                rest.dropFirst(separator.count).first.map({ !$0.isLetter }) ?? true
            {
                parts.append(current)
                current = ""
                index = tex.index(index, offsetBy: separator.count)
                continue
            }
            let character = tex[index]
            if character == "\\", tex.index(after: index) < tex.endIndex {
                current.append(character)
                index = tex.index(after: index)
                current.append(tex[index])
                index = tex.index(after: index)
                continue
            }
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            current.append(character)
            index = tex.index(after: index)
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// One line of Markdown (a caption, a table cell) as HTML without a surrounding paragraph.
    func inline(_ markdown: String) -> String {
        let html = prose(markdown)
        let inner = html.dropFirst(3).dropLast(4)
        return html.hasPrefix("<p>") && html.hasSuffix("</p>") && !inner.contains("<p>") ? String(inner) : html
    }

    /// Whether a URL (as written in an attribute) is http, https, mailto or relative.
    ///
    /// Browsers ignore whitespace and control characters in a scheme and decode character
    /// references, so those are dropped first and any `&` before the path counts as unsafe.
    static func isSafe(_ url: String) -> Bool {
        let compact = String(String.UnicodeScalarView(url.unicodeScalars.filter {
            !($0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F)
        })).lowercased()
        if compact.hasPrefix("http://") || compact.hasPrefix("https://") || compact.hasPrefix("mailto:") { return true }
        let head = compact.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains(":") && !head.contains("&")
    }
}
