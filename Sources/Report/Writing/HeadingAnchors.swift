/// Anchors for a chapter's headings and the contents list made from them.
///
/// Every `<h2>` and `<h3>` of a page gets an `id` made from its text (`The rule` → `the-rule`,
/// a number appended when two headings read alike), so a section can be linked to, and the
/// `<h2>`s become the page's contents list.
enum HeadingAnchors {
    /// A heading of the contents list.
    struct Entry: Equatable {
        /// The anchor (`the-rule`).
        var id: String
        /// The heading's HTML, as the page shows it.
        var title: String
    }

    /// `html` with an `id` on every `<h2>` and `<h3>`, and the `<h2>`s in order.
    static func anchored(_ html: String) -> (html: String, sections: [Entry]) {
        var output = ""
        var sections = [Entry]()
        var used = Set<String>()
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            let level = rest[open.upperBound...].first
            guard level == "2" || level == "3",
                rest[rest.index(after: open.upperBound)...].hasPrefix(">"),
                let close = rest.range(of: "</h\(level!)>", range: open.upperBound..<rest.endIndex)
            else {
                output += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let contentStart = rest.index(open.upperBound, offsetBy: 2)
            let content = String(rest[contentStart..<close.lowerBound])
            var id = slug(content)
            if used.contains(id) {
                var number = 2
                while used.contains("\(id)-\(number)") { number += 1 }
                id += "-\(number)"
            }
            used.insert(id)
            if level == "2" { sections.append(Entry(id: id, title: content)) }
            output += rest[..<open.lowerBound] + "<h\(level!) id=\"\(id)\">" + content + "</h\(level!)>"
            rest = rest[close.upperBound...]
        }
        output += rest
        return (output, sections)
    }

    /// A heading's text as an anchor: tags and their contents' markup dropped (a formula keeps
    /// its TeX annotation out), letters and digits lowercased, anything else one dash.
    static func slug(_ html: String) -> String {
        var text = ""
        var inTag = false, inAnnotation = false
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                inTag = true
                if html[index...].hasPrefix("<annotation") { inAnnotation = true }
                if html[index...].hasPrefix("</annotation") { inAnnotation = false }
            } else if character == ">" {
                inTag = false
            } else if !inTag, !inAnnotation {
                text.append(character)
            }
            index = html.index(after: index)
        }
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }
}
