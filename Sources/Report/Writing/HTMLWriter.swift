import Ink
import MathML

/// Writes a chapter as a standalone HTML page: prose through Ink, math as native MathML, one
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
        let navigation = self.navigation(document.neighbours)
        var body = navigation
        body += "<header><h1>\(document.title.xmlEscaped)</h1></header>\n<main>\n"
        for block in document.blocks { body += html(for: block) + "\n" }
        body += "</main>\n" + navigation
        if !document.footer.isEmpty {
            body += "<footer>" + document.footer.map(\.xmlEscaped).joined(separator: " · ") + "</footer>\n"
        }
        return HTMLWriter.page(title: document.title, stylesheet: stylesheet, body: body)
    }

    /// The links to the table of contents and the neighbouring chapters, as `page(for:)`
    /// writes them above and below the chapter.
    public func navigation(_ neighbours: ReportDocument.Neighbours) -> String {
        var links = [String]()
        if let previous = neighbours.previous {
            links.append("<a rel=\"prev\" href=\"../\(previous.folder.xmlEscaped)/index.html\">← \(previous.title.xmlEscaped)</a>")
        }
        if let contents { links.append("<a href=\"\(contents.xmlEscaped)\">All chapters</a>") }
        if let next = neighbours.next {
            links.append("<a rel=\"next\" href=\"../\(next.folder.xmlEscaped)/index.html\">\(next.title.xmlEscaped) →</a>")
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
        <title>\(title.xmlEscaped)</title>
        <link rel="stylesheet" href="\(stylesheet.xmlEscaped)">
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    func html(for block: ReportBlock) -> String {
        switch block {
        case let .heading(level, text):
            let tag = "h\(min(max(level, 2), 6))"
            return "<\(tag)>\(text.xmlEscaped)</\(tag)>"
        case let .prose(text):
            return prose(text)
        case let .math(tex):
            return "<div class=\"equation\">\(math(tex, display: true))</div>"
        case let .relation(relation):
            let state = CheckWording.holds(relation.check) ? "holds" : "fails"
            return """
                <figure class="relation \(state)">
                <div class="equation">\(math(relation.symbolic, display: true))</div>
                <div class="equation numbers">\(math(relation.numeric, display: true))</div>
                <figcaption class="check">\(CheckWording.sentence(relation.check, step: relation.step).xmlEscaped)</figcaption>
                </figure>
                """
        case let .table(table):
            return html(for: table)
        case let .figure(figure):
            let width = figure.width.map { " width=\"\($0)\"" } ?? ""
            return """
                <figure class="plot">
                <img src="\(figure.file.xmlEscaped)" alt="\(figure.alternativeText.xmlEscaped)"\(width)>
                <figcaption>\(inline(figure.caption))</figcaption>
                </figure>
                """
        case let .note(text):
            return "<aside class=\"note\">\n\(prose(text))\n</aside>"
        case let .error(error):
            return """
                <div class="error" role="alert"><strong>Error</strong> <code>\(error.position.xmlEscaped)</code> \
                \(error.message.xmlEscaped)</div>
                """
        }
    }

    private func html(for table: ReportTable) -> String {
        func cell(_ tag: String, _ text: String, column: Int) -> String {
            let alignment = table.numericColumns.contains(column) ? " class=\"number\"" : ""
            return "<\(tag)\(alignment)>\(inline(text))</\(tag)>"
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
        math(tex, Result { () throws(MathError) in try MathML.convert(tex, display: display) })
    }

    /// A formula converted (or not): its MathML, or its source and the reason.
    private func math(_ tex: String, _ converted: Result<String, MathError>) -> String {
        switch converted {
        case let .success(mathML):
            mathML
        case let .failure(error):
            "<code class=\"math-error\" title=\"\(error.description.xmlEscaped)\">\(tex.xmlEscaped)</code>"
        }
    }

    /// Markdown prose as HTML, its math as MathML.
    func prose(_ markdown: String) -> String {
        let (text, formulas) = extractMath(HTMLWriter.joiningLinesThatStartWithCode(markdown))
        return restoreMath(HTMLWriter.safeURLs(restoreText(MarkdownParser().html(from: text))), formulas)
    }

    /// One line of Markdown (a caption, a table cell) as HTML without a surrounding paragraph.
    func inline(_ markdown: String) -> String {
        var html = prose(markdown)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    /// Joins a paragraph line that starts with a code span to the line before it.
    ///
    /// Ink 0.6 starts a new paragraph at such a line; in Markdown a line break inside a
    /// paragraph is a space, so joining the lines changes nothing else. Fenced code is left alone.
    static func joiningLinesThatStartWithCode(_ markdown: String) -> String {
        var lines = [String]()
        var insideFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") {
                insideFence.toggle()
            } else if !insideFence, trimmed.hasPrefix("`"), let previous = lines.last,
                !previous.allSatisfy(\.isWhitespace), !previous.drop(while: { $0 == " " }).hasPrefix("```")
            {
                lines[lines.count - 1] = previous + " " + trimmed
                continue
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Replaces each formula, and each `<` and `"`, by a placeholder Ink leaves alone (letters and digits only).
    ///
    /// Ink copies a link's URL into `href` or `src` as written, so a `"` in it would close the
    /// attribute and open another (`[q](x" onmouseover="…)`); hidden, it comes back as `&quot;`.
    private func extractMath(_ markdown: String) -> (String, [String]) {
        let segments = (try? ProseMath.typeset(markdown)) ?? [.text(markdown)]
        var text = ""
        var formulas = [String]()
        for segment in segments {
            switch segment {
            case let .text(piece):
                // Raw HTML in a lesson is shown as text: Ink would pass tags through.
                text += piece.replacingAll("<", with: HTMLWriter.lessThanPlaceholder)
                    .replacingAll("\"", with: HTMLWriter.quotePlaceholder)
            case let .math(tex, _, converted, _):
                text += "mathplaceholder\(formulas.count)x"
                formulas.append(math(tex, converted))
            }
        }
        return (text, formulas)
    }

    private static let lessThanPlaceholder = "lessthanplaceholderx"
    private static let quotePlaceholder = "quoteplaceholderx"

    private func restoreText(_ html: String) -> String {
        html.replacingAll(HTMLWriter.lessThanPlaceholder, with: "&lt;")
            .replacingAll(HTMLWriter.quotePlaceholder, with: "&quot;")
    }

    private func restoreMath(_ html: String, _ formulas: [String]) -> String {
        var result = html
        for (index, formula) in formulas.enumerated().reversed() {
            result = result.replacingAll("mathplaceholder\(index)x", with: formula)
        }
        return result
    }

    /// Ink's HTML with every `href` and `src` that is not http, https, mailto or a relative
    /// address (a path, a `#fragment`) replaced by `#`: a lesson's links cannot run script
    /// (`javascript:`) or embed other content (`data:`).
    static func safeURLs(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let match = rest.firstMatch(of: #/(?i)\b(href|src)="([^"]*)"/#) {
            result += rest[..<match.range.lowerBound]
            let url = String(match.output.2)
            result += "\(match.output.1)=\"\(isSafe(url) ? url : "#")\""
            rest = rest[match.range.upperBound...]
        }
        return result + rest
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
