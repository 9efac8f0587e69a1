import Foundation
import LessonRuntime
import Report

/// A chapter's exercises with the answers its run computed, kept beside it as `exercises.json`
/// (only for a chapter that has exercises), so that `lessons answers` collects the answer key
/// from what the runs published instead of training the chapters again.
public enum ChapterExercises {
    /// The file beside each chapter that holds its exercises.
    public static let fileName = "exercises.json"

    /// The exercises as stable JSON (sorted keys, so the same chapter gives the same bytes).
    static func encoded(_ exercises: [ExerciseBlock]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(exercises)
    }

    /// The exercises the published chapter `name` in `output` holds (none when it has no
    /// `exercises.json`), or `nil` when the file cannot be read.
    static func published(_ name: String, in output: URL) -> [ExerciseBlock]? {
        let file = output.appendingPathComponent(name).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return (try? Data(contentsOf: file)).flatMap { try? JSONDecoder().decode([ExerciseBlock].self, from: $0) }
    }
}

extension BookWriter {
    /// What `writeAnswerKey` collected.
    public struct AnswerKeySummary: Sendable, Equatable {
        /// The exercises in the key.
        public var exercises: Int
        /// The chapters they are in.
        public var chapters: Int
        /// The chosen lessons that have not been published in the output folder.
        public var unpublished: [String]
    }

    /// Writes `answers.html` and `answers.md` beside the table of contents: the exercises of the
    /// published chapters of `entries` (each chapter's `exercises.json`), in book order. It runs
    /// nothing: publish the chapters first (a chapter that has not changed is kept, not run).
    ///
    /// - Parameter book: every lesson of the book, for the chapters' numbers and their order.
    public func writeAnswerKey(for entries: [LessonLibrary.Entry], book: [LessonLibrary.Entry]) throws(WriteError) -> AnswerKeySummary {
        let order = Self.bookOrder(book)
        let decoder = JSONDecoder()
        var chapters = [AnswerKey.Chapter](), unpublished = [String]()
        for placed in order where entries.contains(placed.entry) {
            let name = placed.entry.name
            let summaryFile = output.appendingPathComponent(name).appendingPathComponent(ChapterSummary.fileName)
            guard let data = try? Data(contentsOf: summaryFile), let summary = try? decoder.decode(ChapterSummary.self, from: data) else {
                unpublished.append(name)
                continue
            }
            guard let exercises = ChapterExercises.published(name, in: output) else {
                throw WriteError(description: "cannot read \(output.appendingPathComponent(name).appendingPathComponent(ChapterExercises.fileName).path); run the chapter again with --force")
            }
            guard !exercises.isEmpty else { continue }
            chapters.append(AnswerKey.Chapter(title: Self.numbered(summary.title, summary.number), folder: name, exercises: exercises))
        }
        let numbers = Dictionary(order.map { ($0.entry.name, $0.number) }, uniquingKeysWith: { first, _ in first })
        let key = AnswerKey(title: title, chapters: chapters, chapterNumbers: numbers)
        try writeBookFiles(["answers.html": Data(key.html().utf8), "answers.md": Data(key.markdown().utf8)])
        return AnswerKeySummary(
            exercises: chapters.reduce(0) { $0 + $1.exercises.count }, chapters: chapters.count, unpublished: unpublished)
    }
}
