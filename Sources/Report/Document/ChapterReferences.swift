/// References between chapters: prose writes `{chapter:03-gradient-descent}` (the lesson's
/// file name without `.md`), and the page reads "chapter 3", linked to it; `{Chapter:…}`
/// begins a sentence ("Chapter 3"). An appendix reads "appendix A". The numbers come from the
/// book's order (`ReportDocument.Neighbours.chapters`), so inserting a chapter renumbers every
/// reference to the chapters after it.
public enum ChapterReferences {
    /// The two spellings of a reference's opening, lower and upper case.
    static let openings = ["{chapter:", "{Chapter:"]

    /// The names `text` refers to, in order of first appearance.
    public static func names(in text: String) -> [String] {
        var names = [String]()
        for reference in references(in: text) where !names.contains(reference.name) { names.append(reference.name) }
        return names
    }

    /// Every reference in `text`: the name it cites and how many characters precede it.
    public static func citations(in text: String) -> [(name: String, offset: Int)] {
        references(in: text).map { ($0.name, text.distance(from: text.startIndex, to: $0.range.lowerBound)) }
    }

    /// Every reference in `text`: its range, the name it cites and whether it is capitalized.
    static func references(in text: String) -> [(range: Range<String.Index>, name: String, capitalized: Bool)] {
        var found = [(range: Range<String.Index>, name: String, capitalized: Bool)]()
        var rest = text.startIndex
        while let open = openings.compactMap({ text.range(of: $0, range: rest..<text.endIndex) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            guard let close = text[open.upperBound...].firstIndex(where: { $0 == "}" || $0 == "\n" || $0 == "{" }), text[close] == "}"
            else {
                rest = open.upperBound
                continue
            }
            found.append((open.lowerBound..<text.index(after: close), String(text[open.upperBound..<close]), text[text.index(after: open.lowerBound)] == "C"))
            rest = text.index(after: close)
        }
        return found
    }

    /// `text` with every reference to a chapter of `chapters` (name → number) replaced by a
    /// Markdown link whose address `address(name)` gives, `[chapter 3](../03-x/index.html)`.
    /// A reference to a name `chapters` lacks stays as it is (the runner reports it).
    public static func resolving(_ text: String, chapters: [String: String], address: (String) -> String) -> String {
        guard !chapters.isEmpty, text.contains(":") else { return text }
        var result = ""
        var rest = text.startIndex
        for reference in references(in: text) {
            guard let number = chapters[reference.name] else { continue }
            let isAppendix = number.first?.isLetter == true
            let word = (isAppendix ? "appendix" : "chapter")
            let label = (reference.capitalized ? word.prefix(1).uppercased() + word.dropFirst() : word) + " " + number
            result += text[rest..<reference.range.lowerBound] + "[\(label)](\(address(reference.name)))"
            rest = reference.range.upperBound
        }
        return result + text[rest...]
    }
}

extension ReportDocument {
    /// The document with its chapter references resolved (see `ChapterReferences`) in prose,
    /// notes and figure captions, linked by `address`.
    func resolvingChapterReferences(address: (String) -> String) -> ReportDocument {
        let chapters = neighbours.chapters
        guard !chapters.isEmpty else { return self }
        func resolved(_ text: String) -> String { ChapterReferences.resolving(text, chapters: chapters, address: address) }
        var document = self
        document.blocks = blocks.map { block in
            switch block {
            case let .prose(text): .prose(resolved(text))
            case let .note(text): .note(resolved(text))
            case var .exercise(exercise):
                {
                    exercise.question = resolved(exercise.question)
                    exercise.hint = exercise.hint.map(resolved)
                    exercise.explanation = exercise.explanation.map(resolved)
                    return .exercise(exercise)
                }()
            case var .figure(figure):
                {
                    figure.caption = resolved(figure.caption)
                    return .figure(figure)
                }()
            default: block
            }
        }
        return document
    }
}
