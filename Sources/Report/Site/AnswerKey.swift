import Foundation

/// The answer key for a teacher: each chapter's exercises, in book order, with the answers the
/// engine computed shown open (`answers.html` and `answers.md` beside the table of contents).
public struct AnswerKey: Sendable, Equatable {
    /// One chapter's exercises.
    public struct Chapter: Sendable, Equatable {
        /// The chapter title as the book shows it (`1. The perceptron learning rule`).
        public var title: String
        /// The chapter's folder, relative to the key (`01-perceptron`).
        public var folder: String
        /// Its exercises, in order.
        public var exercises: [ExerciseBlock]

        /// Creates a chapter of the key.
        public init(title: String, folder: String, exercises: [ExerciseBlock]) {
            self.title = title
            self.folder = folder
            self.exercises = exercises
        }
    }

    /// The book's title.
    public var title: String
    /// The chapters that have exercises, in book order.
    public var chapters: [Chapter]
    /// The number of each chapter by lesson name, for the questions' `{chapter:NAME}` references.
    public var chapterNumbers: [String: String]

    /// Creates an answer key.
    public init(title: String, chapters: [Chapter], chapterNumbers: [String: String] = [:]) {
        self.title = title
        self.chapters = chapters
        self.chapterNumbers = chapterNumbers
    }

    /// The key as an HTML page beside `index.html` and `style.css`.
    public func html() -> String {
        HTMLWriter(stylesheet: "style.css", contents: "index.html").page(for: document { "\($0)/index.html" })
    }

    /// The key as Markdown beside the book's `README.md`.
    public func markdown() -> String {
        var text = MarkdownWriter().markdown(for: document { "\($0.markdownAddress)/README.md" })
        // The key stands beside the chapters, not in a chapter's folder: its one link back is to the book's own README.
        text = text.replacingAll("[All chapters](../README.md)", with: "[All chapters](README.md)")
        return text
    }

    /// The key as a document: per chapter a heading and a link to it, then each exercise's
    /// question and its answer (with the explanation), the answer set apart as a note. Chapter
    /// references are resolved with `address`, relative to the key.
    func document(address: (String) -> String) -> ReportDocument {
        func resolved(_ text: String) -> String {
            ChapterReferences.resolving(text, chapters: chapterNumbers, address: address)
        }
        let count = chapters.reduce(0) { $0 + $1.exercises.count }
        var blocks: [ReportBlock] = [
            .prose(
                chapters.isEmpty
                    ? "No chapter has exercises yet."
                    : "The answers to the \(count) exercise\(count == 1 ? "" : "s") of the book, as the engine computed them when it ran each chapter.")
        ]
        for chapter in chapters {
            blocks.append(.heading(level: 2, text: chapter.title))
            blocks.append(.prose("[Open the chapter](\(address(chapter.folder)))"))
            for exercise in chapter.exercises {
                blocks.append(.heading(level: 3, text: "Exercise \(exercise.number)"))
                blocks.append(.prose(resolved(exercise.question)))
                let parts = ["**Answer.**", exercise.answer] + (exercise.explanation.map { [resolved($0)] } ?? [])
                blocks.append(.note(parts.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: "\n\n")))
            }
        }
        return ReportDocument(title: "\(title): answers to the exercises", blocks: blocks)
    }
}
