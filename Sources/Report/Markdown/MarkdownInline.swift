/// One paragraph's inline Markdown as HTML: code spans, `*`/`_` emphasis, links, images,
/// backslash escapes, hard line breaks and the formulas `ProseHTML` set aside.
///
/// The rule: one pass over the characters, no backtracking and no recursion. Emphasis closes
/// against the nearest opener of the same kind (kept per kind, so finding it is constant time);
/// a `]` closes the nearest `[`; a link's destination runs to its `)` and stops at any space
/// or bracket, so no character is looked at by more than two attempts. Every text character is
/// escaped, raw HTML included, and a destination other than http, https, mailto or a relative
/// address becomes `#`.
struct MarkdownInline {
    /// A formula set aside before rendering: its HTML, and its source for places that take text
    /// only (an image's `alt`, a code span).
    struct Formula {
        var html: String
        var source: String
    }

    /// The character that opens a formula's marker (`U+E000`, digits, `U+E001`) in the text.
    static let formulaOpen: Character = "\u{E000}"
    static let formulaClose: Character = "\u{E001}"

    private enum Kind {
        case content
        case imageStart(source: String)
        case imageEnd
    }

    /// A finished or pending piece of the output: its HTML, and the text it stands for in an
    /// attribute (an image's `alt`).
    private struct Node {
        var html: String
        var plain: String
        var kind = Kind.content
    }

    private struct Delimiter {
        var node: Int
        var key: Int
    }

    private struct Bracket {
        var node: Int
        var image: Bool
        var delimiterFloor: Int
    }

    private let characters: [Character]
    private let formulas: [Formula]
    private var nodes = [Node]()
    private var pending = ""
    private var delimiters = [Delimiter]()
    /// For each emphasis kind (`*`/`_` × 1…3), the positions in `delimiters` of its open openers.
    private var openers = [[Int]](repeating: [], count: 6)
    private var brackets = [Bracket]()
    /// Brackets below this position in `brackets` cannot become links (a link holds no link).
    private var linkFloor = 0

    private init(_ text: Substring, formulas: [Formula]) {
        characters = Array(text)
        self.formulas = formulas
    }

    /// The inline HTML of `text` (a paragraph's lines joined by `\n`).
    static func html(_ text: Substring, formulas: [Formula]) -> String {
        var renderer = MarkdownInline(text, formulas: formulas)
        renderer.scan()
        return renderer.emit()
    }

    private mutating func scan() {
        var index = 0
        let count = characters.count
        while index < count {
            let character = characters[index]
            switch character {
            case "\\":
                if index + 1 < count, characters[index + 1].isASCII, characters[index + 1].isPunctuationOrSymbol {
                    appendText(characters[index + 1])
                    index += 2
                } else if index + 1 < count, characters[index + 1] == "\n" {
                    flush()
                    nodes.append(Node(html: "<br>", plain: " "))
                    index += 2
                } else {
                    appendText(character)
                    index += 1
                }
            case "`":
                if let close = characters[(index + 1)...].firstIndex(of: "`") {
                    let code = characters[(index + 1)..<close]
                    flush()
                    let html = code.map(MarkdownInline.escaped).joined()
                    nodes.append(Node(html: "<code>\(html)</code>", plain: html))
                    index = close + 1
                } else {
                    appendText(character)
                    index += 1
                }
            case MarkdownInline.formulaOpen:
                index = formula(at: index)
            case "*", "_":
                var end = index
                while end < count, characters[end] == character { end += 1 }
                delimiterRun(character, from: index, to: end)
                index = end
            case "!" where index + 1 < count && characters[index + 1] == "[":
                flush()
                brackets.append(Bracket(node: nodes.count, image: true, delimiterFloor: delimiters.count))
                nodes.append(Node(html: "![", plain: "!["))
                index += 2
            case "[":
                flush()
                brackets.append(Bracket(node: nodes.count, image: false, delimiterFloor: delimiters.count))
                nodes.append(Node(html: "[", plain: "["))
                index += 1
            case "]":
                index = closeBracket(at: index)
            case "\n":
                // Two spaces before a line end are a hard break; otherwise the line end is a space.
                if index >= 2, characters[index - 1] == " ", characters[index - 2] == " " {
                    while pending.last == " " { pending.removeLast() }
                    flush()
                    nodes.append(Node(html: "<br>", plain: " "))
                } else {
                    while pending.last == " " { pending.removeLast() }
                    pending += " "
                }
                index += 1
                while index < count, characters[index] == " " || characters[index] == "\t" { index += 1 }
            case "&":
                let length = MarkdownInline.characterReferenceLength(characters, at: index)
                if length > 0 {
                    pending += String(characters[index..<(index + length)])
                    index += length
                } else {
                    pending += "&amp;"
                    index += 1
                }
            case " ", "\t":
                // A run of spaces is one space, as it is on the page.
                if pending.last != " " { pending += " " }
                index += 1
            default:
                appendText(character)
                index += 1
            }
        }
        flush()
    }

    private mutating func appendText(_ character: Character) {
        pending += MarkdownInline.escaped(character)
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        nodes.append(Node(html: pending, plain: pending))
        pending = ""
    }

    /// A formula marker: the formula's HTML in its place.
    private mutating func formula(at index: Int) -> Int {
        var end = index + 1
        var number = 0
        while end < characters.count, let digit = characters[end].wholeNumberValue, characters[end].isASCII, end - index < 10 {
            number = number * 10 + digit
            end += 1
        }
        guard end < characters.count, characters[end] == MarkdownInline.formulaClose, end > index + 1, number < formulas.count else {
            appendText("\u{FFFD}")
            return index + 1
        }
        flush()
        let formula = formulas[number]
        nodes.append(Node(html: formula.html, plain: MarkdownInline.attributeEscaped(formula.source)))
        return end + 1
    }

    /// A run of `*` or `_`: it opens or closes emphasis (1), strong emphasis (2) or both (3);
    /// a longer run is text.
    private mutating func delimiterRun(_ character: Character, from start: Int, to end: Int) {
        let length = end - start
        let literal = String(repeating: character, count: length)
        let before = start > 0 ? characters[start - 1] : " "
        let after = end < characters.count ? characters[end] : " "
        var canOpen = !after.isWhitespace
        var canClose = !before.isWhitespace
        if character == "_" {
            canOpen = canOpen && !(before.isLetter || before.isNumber)
            canClose = canClose && !(after.isLetter || after.isNumber)
        }
        guard length <= 3, canOpen || canClose else {
            pending += literal
            return
        }
        flush()
        let key = (character == "*" ? 0 : 3) + length - 1
        let floor = brackets.last?.delimiterFloor ?? 0
        if canClose, let opener = openers[key].last, opener >= floor {
            // Openers above the one closed stay text: emphasis nests, it never crosses.
            while delimiters.count > opener + 1 { popDelimiter() }
            let openerNode = delimiters[opener].node
            popDelimiter()
            let (open, close) = MarkdownInline.tags(length)
            nodes[openerNode].html = open
            nodes[openerNode].plain = ""
            nodes.append(Node(html: close, plain: ""))
        } else if canOpen {
            openers[key].append(delimiters.count)
            delimiters.append(Delimiter(node: nodes.count, key: key))
            nodes.append(Node(html: literal, plain: literal))
        } else {
            nodes.append(Node(html: literal, plain: literal))
        }
    }

    private mutating func popDelimiter() {
        let removed = delimiters.removeLast()
        openers[removed.key].removeLast()
    }

    private static func tags(_ length: Int) -> (String, String) {
        switch length {
        case 1: ("<em>", "</em>")
        case 2: ("<strong>", "</strong>")
        default: ("<em><strong>", "</strong></em>")
        }
    }

    /// A `]`: with a `(destination)` after it, the nearest `[` becomes a link or an image.
    private mutating func closeBracket(at index: Int) -> Int {
        guard let bracket = brackets.last else {
            appendText("]")
            return index + 1
        }
        flush()
        let canLink = bracket.image || brackets.count > linkFloor
        guard canLink, let (destination, end) = destination(after: index) else {
            brackets.removeLast()
            nodes.append(Node(html: "]", plain: "]"))
            linkFloor = min(linkFloor, brackets.count)
            return index + 1
        }
        // Emphasis opened inside the brackets and not closed there stays text.
        while delimiters.count > bracket.delimiterFloor { popDelimiter() }
        brackets.removeLast()
        let url = MarkdownInline.attributeEscaped(HTMLWriter.isSafe(destination) ? destination : "#")
        if bracket.image {
            nodes[bracket.node] = Node(html: "", plain: "", kind: .imageStart(source: url))
            nodes.append(Node(html: "", plain: "", kind: .imageEnd))
        } else {
            nodes[bracket.node] = Node(html: "<a href=\"\(url)\">", plain: "")
            nodes.append(Node(html: "</a>", plain: ""))
            linkFloor = brackets.count
        }
        return end
    }

    /// The destination of `](…)` starting at the `]` at `index`, and the index after the `)`.
    ///
    /// It may hold balanced parentheses, but no space, bracket or formula, so the scan stops
    /// at the next `]` and no two scans cover the same characters.
    private func destination(after index: Int) -> (String, Int)? {
        guard index + 1 < characters.count, characters[index + 1] == "(" else { return nil }
        var end = index + 2
        var url = ""
        var depth = 0
        while end < characters.count {
            let character = characters[end]
            switch character {
            case ")" where depth == 0:
                return url.isEmpty ? nil : (url, end + 1)
            case ")":
                depth -= 1
            case "(":
                depth += 1
            case "[", "]", MarkdownInline.formulaOpen:
                return nil
            case "\\" where end + 1 < characters.count && characters[end + 1].isASCII && characters[end + 1].isPunctuationOrSymbol:
                url.append(characters[end + 1])
                end += 2
                continue
            default:
                if character.isWhitespace { return nil }
            }
            url.append(character)
            end += 1
        }
        return nil
    }

    /// The nodes in order; an image's nodes become its `alt` text.
    private func emit() -> String {
        var html = ""
        var alt = ""
        var source = ""
        var imageDepth = 0
        for node in nodes {
            switch node.kind {
            case let .imageStart(url):
                if imageDepth == 0 {
                    source = url
                    alt = ""
                }
                imageDepth += 1
            case .imageEnd:
                imageDepth -= 1
                if imageDepth == 0 {
                    html += "<img src=\"\(source)\"\(alt.isEmpty ? "" : " alt=\"\(alt)\"")/>"
                }
            case .content:
                if imageDepth > 0 { alt += node.plain } else { html += node.html }
            }
        }
        return html
    }

    /// The length of the character reference (`&amp;`, `&#8212;`, `&#x2014;`) at `index`, or 0.
    static func characterReferenceLength(_ characters: [Character], at index: Int) -> Int {
        var end = index + 1
        let limit = min(characters.count, index + 34)
        func take(_ accepts: (Character) -> Bool) -> Int {
            let start = end
            while end < limit, characters[end].isASCII, accepts(characters[end]) { end += 1 }
            return end - start
        }
        if end < limit, characters[end] == "#" {
            end += 1
            if end < limit, characters[end] == "x" || characters[end] == "X" {
                end += 1
                guard (1...6).contains(take(\.isHexDigit)) else { return 0 }
            } else {
                guard (1...7).contains(take(\.isNumber)) else { return 0 }
            }
        } else {
            guard end < limit, characters[end].isASCII, characters[end].isLetter else { return 0 }
            _ = take { $0.isLetter || $0.isNumber }
        }
        guard end < limit, characters[end] == ";" else { return 0 }
        return end + 1 - index
    }

    /// A text character as HTML: `<`, `>`, `&` and `"` as references, a character HTML does not
    /// allow as U+FFFD.
    static func escaped(_ character: Character) -> String {
        switch character {
        case "<": "&lt;"
        case ">": "&gt;"
        case "&": "&amp;"
        case "\"": "&quot;"
        default: character.isAllowedInHTML ? String(character) : "\u{FFFD}"
        }
    }

    static func attributeEscaped(_ text: String) -> String {
        text.map(escaped).joined()
    }
}

extension Character {
    /// Whether HTML and XML allow the character: not a control character other than tab, line
    /// feed and carriage return, and not a noncharacter (U+FFFE, U+FFFF and the like).
    var isAllowedInHTML: Bool {
        unicodeScalars.allSatisfy(\.isAllowedInHTML)
    }

    var isPunctuationOrSymbol: Bool { isPunctuation || isSymbol }
}

extension Unicode.Scalar {
    /// Whether HTML and XML allow the scalar (see `Character.isAllowedInHTML`).
    var isAllowedInHTML: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0x7F...0x9F, 0xFDD0...0xFDEF: false
        default: value & 0xFFFE != 0xFFFE
        }
    }
}
