import MathML

/// The table of contents of the whole report: one card per chapter with its thumbnail and
/// headline numbers.
public struct SiteIndex: Sendable, Equatable {
    /// One chapter's card.
    public struct Chapter: Sendable, Equatable {
        /// The chapter title.
        public var title: String
        /// The chapter's folder, relative to the index (`01-perceptron`).
        public var folder: String
        /// A figure file in that folder to show as a thumbnail, if any.
        public var thumbnail: String?
        /// The same figure drawn for a dark page, if there is one.
        public var darkThumbnail: String?
        /// One paragraph on what the chapter teaches (Markdown), if given.
        public var summary: String?
        /// Headline numbers, such as `test accuracy 97.8 %` or `12 epochs`.
        public var numbers: [String]
        /// Whether the chapter's run failed (its page shows the errors).
        public var failed: Bool

        /// Creates a card.
        public init(
            title: String, folder: String, thumbnail: String? = nil, darkThumbnail: String? = nil, summary: String? = nil,
            numbers: [String] = [],
            failed: Bool = false
        ) {
            self.title = title
            self.summary = summary
            self.folder = folder
            self.thumbnail = thumbnail
            self.darkThumbnail = darkThumbnail
            self.numbers = numbers
            self.failed = failed
        }
    }

    /// The book's title.
    public var title: String
    /// An introduction under the title (Markdown).
    public var introduction: String
    /// The chapters, in reading order.
    public var chapters: [Chapter]

    /// Creates the index.
    public init(title: String, introduction: String, chapters: [Chapter]) {
        self.title = title
        self.introduction = introduction
        self.chapters = chapters
    }

    /// The index as an HTML page at the root of the report.
    public func html() -> String {
        let writer = HTMLWriter(stylesheet: "style.css", contents: nil)
        var body = "<header><h1>\(title.htmlEscaped)</h1></header>\n<main>\n\(writer.prose(introduction))\n<ol class=\"chapters\">\n"
        for chapter in chapters {
            let link = "\(chapter.folder)/index.html".htmlEscaped
            var image = chapter.thumbnail.map {
                "<img src=\"\("\(chapter.folder)/\($0)".htmlEscaped)\" alt=\"\">"
            } ?? "<span></span>"
            if let dark = chapter.darkThumbnail, chapter.thumbnail != nil {
                image = "<picture><source srcset=\"\("\(chapter.folder)/\(dark)".htmlEscaped)\" media=\"(prefers-color-scheme: dark)\">"
                    + image + "</picture>"
            }
            let numbers = chapter.numbers.map(\.htmlEscaped).joined(separator: " · ")
            let summary = chapter.summary.map { "<p class=\"summary\">\(writer.inline($0))</p>" } ?? ""
            body += """
                <li><a class="chapter-card\(chapter.failed ? " failed" : "")" href="\(link)">\(image)\
                <div><h2>\(chapter.title.htmlEscaped)</h2>\(summary)<p class="numbers">\(numbers)</p></div></a></li>

                """
        }
        body += "</ol>\n</main>\n"
        return HTMLWriter.page(title: title, stylesheet: "style.css", body: body)
    }

    /// The index as Markdown (`README.md` at the root of the report): titles and numbers as
    /// plain text, the introduction and summaries as authored Markdown, each summary on one line.
    public func markdown() -> String {
        var lines = ["# \(title.markdownEscaped)", "", introduction.markdownSanitized, ""]
        for chapter in chapters {
            let numbers = chapter.numbers.isEmpty ? "" : " — " + chapter.numbers.map(\.markdownEscaped).joined(separator: " · ")
            let link = "[\(chapter.title.markdownEscaped)](\(chapter.folder.markdownAddress)/README.md)"
            lines.append("- \(link)\(numbers)\(chapter.failed ? " (failed)" : "")")
            if let summary = chapter.summary { lines.append("   \(summary.markdownSanitized.markdownOneLine)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
