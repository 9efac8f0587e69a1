/// A lesson's Markdown as HTML blocks: paragraphs, `#` headings, fenced code, `-`/`*`/`+` and
/// numbered lists, `>` quotes, `|` tables and `---` rules; each block's text goes through
/// `MarkdownInline`.
///
/// The rule: each line is looked at a bounded number of times, and quotes and lists nest at
/// most `maximumDepth` deep (a deeper marker is text), so the time is linear in the length and
/// the recursion is bounded whatever the text holds. The HTML is the subset Ink 0.6 wrote for
/// the same text (blocks side by side, list items without paragraphs).
struct MarkdownBlocks {
    /// How deep quotes and lists nest; deeper markers are text.
    static let maximumDepth = 8

    private let formulas: [MarkdownInline.Formula]

    /// The HTML of `markdown`, whose formulas are markers into `formulas`.
    static func html(_ markdown: String, formulas: [MarkdownInline.Formula]) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
        return MarkdownBlocks(formulas: formulas).blocks(lines[...], depth: 0)
    }

    private init(formulas: [MarkdownInline.Formula]) {
        self.formulas = formulas
    }

    private func inline(_ text: Substring) -> String {
        MarkdownInline.html(text, formulas: formulas)
    }

    private func blocks(_ lines: ArraySlice<Substring>, depth: Int) -> String {
        var html = ""
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            let content = line.drop { $0 == " " }
            let indent = line.count - content.count
            if content.allSatisfy(\.isWhitespace) {
                index += 1
            } else if indent < 4, content.hasPrefix("```") {
                index = fence(lines, from: index, into: &html)
            } else if indent < 4, let level = MarkdownBlocks.headingLevel(content) {
                var text = content.dropFirst(level).drop(while: \.isWhitespace)
                while text.last == "#" || text.last == " " { text = text.dropLast() }
                html += "<h\(level)>\(inline(text))</h\(level)>"
                index += 1
            } else if indent < 4, MarkdownBlocks.isRule(content) {
                html += "<hr>"
                index += 1
            } else if indent < 4, content.hasPrefix(">"), depth < MarkdownBlocks.maximumDepth {
                index = quote(lines, from: index, depth: depth, into: &html)
            } else if content.hasPrefix("|") {
                index = table(lines, from: index, into: &html)
            } else if MarkdownBlocks.listMarker(content) != nil, depth < MarkdownBlocks.maximumDepth {
                index = list(lines, from: index, indent: indent, depth: depth, into: &html)
            } else {
                index = paragraph(lines, from: index, depth: depth, into: &html)
            }
        }
        return html
    }

    /// Lines up to a blank line or the start of another block, as one paragraph.
    private func paragraph(_ lines: ArraySlice<Substring>, from start: Int, depth: Int, into html: inout String) -> Int {
        var index = start + 1
        while index < lines.endIndex, !interrupts(lines[index], depth: depth) { index += 1 }
        html += "<p>\(inline(MarkdownBlocks.joined(lines[start..<index])))</p>"
        return index
    }

    /// Whether `line` ends the paragraph above it.
    private func interrupts(_ line: Substring, depth: Int) -> Bool {
        let content = line.drop { $0 == " " }
        if content.allSatisfy(\.isWhitespace) { return true }
        guard line.count - content.count < 4 else { return false }
        if content.hasPrefix("```") || MarkdownBlocks.headingLevel(content) != nil || MarkdownBlocks.isRule(content) { return true }
        if content.hasPrefix(">") { return depth < MarkdownBlocks.maximumDepth }
        if let marker = MarkdownBlocks.listMarker(content), !marker.ordered { return depth < MarkdownBlocks.maximumDepth }
        return false
    }

    /// The lines of a paragraph or list item, each trimmed, joined by line ends.
    private static func joined(_ lines: some Collection<Substring>) -> Substring {
        var text = ""
        for line in lines {
            if !text.isEmpty { text += "\n" }
            text += line.drop { $0 == " " || $0 == "\t" }
        }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text[...]
    }

    private func fence(_ lines: ArraySlice<Substring>, from start: Int, into html: inout String) -> Int {
        let opening = lines[start].drop { $0 == " " }
        let marker = opening.prefix { $0 == "`" }.count
        let language = opening.dropFirst(marker).trimmingCharacters(\.isWhitespace)
        var code = ""
        var index = start + 1
        while index < lines.endIndex {
            let line = lines[index]
            index += 1
            let content = line.drop { $0 == " " }
            if content.prefix(while: { $0 == "`" }).count >= marker, content.drop(while: { $0 == "`" }).allSatisfy(\.isWhitespace) {
                break
            }
            code += line.map(MarkdownInline.escaped).joined() + "\n"
        }
        let languageClass = language.isEmpty ? "" : " class=\"language-\(MarkdownInline.attributeEscaped(String(language)))\""
        html += "<pre><code\(languageClass)>\(code)</code></pre>"
        return index
    }

    /// `>` lines (and the lines that continue their paragraph), without the `>`, as blocks.
    private func quote(_ lines: ArraySlice<Substring>, from start: Int, depth: Int, into html: inout String) -> Int {
        var inner = [Substring]()
        var index = start
        while index < lines.endIndex {
            let content = lines[index].drop { $0 == " " }
            if content.hasPrefix(">") {
                var rest = content.dropFirst()
                if rest.first == " " { rest = rest.dropFirst() }
                inner.append(rest)
            } else if !inner.isEmpty, !interrupts(lines[index], depth: depth) {
                inner.append(lines[index])
            } else {
                break
            }
            index += 1
        }
        html += "<blockquote>\(blocks(inner[...], depth: depth + 1))</blockquote>"
        return index
    }

    /// A list whose markers stand `indent` spaces in; a marker further in starts a list inside
    /// the item above it, any other line continues that item's text. A blank line ends it.
    private func list(_ lines: ArraySlice<Substring>, from start: Int, indent: Int, depth: Int, into html: inout String) -> Int {
        let first = MarkdownBlocks.listMarker(lines[start].drop { $0 == " " })!
        var items = [(text: [Substring], nested: String)]()
        var index = start
        while index < lines.endIndex {
            let line = lines[index]
            let content = line.drop { $0 == " " }
            let lineIndent = line.count - content.count
            if content.allSatisfy(\.isWhitespace) || (lineIndent < indent) { break }
            let marker = MarkdownBlocks.listMarker(content)
            if lineIndent == indent, let marker {
                guard marker.ordered == first.ordered, marker.symbol == first.symbol else { break }
                items.append(([content.dropFirst(marker.length)], ""))
                index += 1
            } else if lineIndent > indent, marker != nil, depth + 1 < MarkdownBlocks.maximumDepth {
                var nested = ""
                index = list(lines, from: index, indent: lineIndent, depth: depth + 1, into: &nested)
                items[items.count - 1].nested += nested
            } else if lineIndent == indent, content.hasPrefix("```") || content.hasPrefix(">") || MarkdownBlocks.headingLevel(content) != nil {
                break
            } else {
                items[items.count - 1].text.append(content)
                index += 1
            }
        }
        let tag = first.ordered ? "ol" : "ul"
        let startAttribute = first.ordered && first.number != 1 ? " start=\"\(first.number)\"" : ""
        html += "<\(tag)\(startAttribute)>"
        for item in items { html += "<li>\(inline(MarkdownBlocks.joined(item.text)))\(item.nested)</li>" }
        html += "</\(tag)>"
        return index
    }

    /// Consecutive lines that start with `|`: the first row is the header when the second holds
    /// only `-` and `:` (its colons give each column's alignment).
    private func table(_ lines: ArraySlice<Substring>, from start: Int, into html: inout String) -> Int {
        var rows = [[Substring]]()
        var index = start
        while index < lines.endIndex, lines[index].drop(while: { $0 == " " }).hasPrefix("|") {
            rows.append(MarkdownBlocks.cells(lines[index].drop { $0 == " " }))
            index += 1
        }
        let columns = rows.map(\.count).max() ?? 0
        var alignments = [String](repeating: "", count: columns)
        var header: [Substring]?
        if rows.count > 1, rows[0].count == rows[1].count,
            rows[1].allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } })
        {
            for (column, cell) in rows[1].enumerated() {
                switch (cell.first == ":", cell.last == ":") {
                case (true, true): alignments[column] = " align=\"center\""
                case (true, false): alignments[column] = " align=\"left\""
                case (false, true): alignments[column] = " align=\"right\""
                case (false, false): break
                }
            }
            header = rows[0]
            rows.removeFirst(2)
        }
        // Each cell also carries its column's heading, shown only where a phone lays the rows out
        // one under the other (see `Stylesheet`).
        let labels = (0..<columns).map { column in
            header.map { column < $0.count ? "<span class=\"label\" aria-hidden=\"true\">\(inline($0[column]))</span>" : "" } ?? ""
        }
        func row(_ cells: [Substring], _ tag: String) -> String {
            "<tr>" + (0..<columns).map { column in
                let label = tag == "td" ? labels[column] : ""
                return "<\(tag)\(alignments[column])>\(label)\(column < cells.count ? inline(cells[column]) : "")</\(tag)>"
            }.joined() + "</tr>"
        }
        html += "<div class=\"table\"><table>"
        if let header { html += "<thead>\(row(header, "th"))</thead>" }
        if !rows.isEmpty { html += "<tbody>" + rows.map { row($0, "td") }.joined() + "</tbody>" }
        html += "</table></div>"
        return index
    }

    /// A table row's cells: split at each `|` that is neither escaped nor in a code span,
    /// without the outer pipes, each trimmed.
    private static func cells(_ line: Substring) -> [Substring] {
        var cells = [Substring]()
        var cellStart = line.index(after: line.startIndex)
        var index = cellStart
        var codeEnd: Substring.Index?
        while index < line.endIndex {
            let character = line[index]
            if let end = codeEnd {
                if index == end { codeEnd = nil }
            } else if character == "\\" {
                index = line.index(after: index)
                if index == line.endIndex { break }
            } else if character == "`" {
                codeEnd = line[line.index(after: index)...].firstIndex(of: "`")
            } else if character == "|" {
                cells.append(line[cellStart..<index])
                cellStart = line.index(after: index)
            }
            index = line.index(after: index)
        }
        let last = line[cellStart...]
        if !last.allSatisfy(\.isWhitespace) { cells.append(last) }
        return cells.map { $0.trimmingCharacters { $0 == " " || $0 == "\t" } }
    }

    private static func headingLevel(_ content: Substring) -> Int? {
        let level = content.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = content.dropFirst(level)
        return rest.isEmpty || rest.first == " " || rest.first == "\t" ? level : nil
    }

    /// `---`, `***` or `___` (three or more, spaces between allowed) alone on a line.
    private static func isRule(_ content: Substring) -> Bool {
        guard let symbol = content.first, symbol == "-" || symbol == "*" || symbol == "_" else { return false }
        var count = 0
        for character in content {
            if character == symbol { count += 1 } else if character != " " && character != "\t" { return false }
        }
        return count >= 3
    }

    /// A list item's marker: `-`, `*` or `+`, or up to nine digits and `.` or `)`, then a space.
    static func listMarker(_ content: Substring) -> (ordered: Bool, symbol: Character, number: Int, length: Int)? {
        guard let first = content.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            let next = content.dropFirst().first
            guard next == " " || next == "\t" else { return nil }
            return (false, first, 0, 2)
        }
        let digits = content.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return nil }
        let rest = content.dropFirst(digits.count)
        guard let symbol = rest.first, symbol == "." || symbol == ")" else { return nil }
        let next = rest.dropFirst().first
        guard next == " " || next == "\t" else { return nil }
        return (true, symbol, Int(digits) ?? 1, digits.count + 2)
    }
}

extension Substring {
    /// The text without the leading and trailing characters `isTrimmed` accepts.
    func trimmingCharacters(_ isTrimmed: (Character) -> Bool) -> Substring {
        guard let start = firstIndex(where: { !isTrimmed($0) }), let end = lastIndex(where: { !isTrimmed($0) }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }
}
