import Foundation
import LessonFormat
import LessonRuntime

/// What the table of contents needs to know about a published chapter, kept beside it as
/// `results.json` so that running one lesson can rebuild the index of them all.
public struct ChapterSummary: Codable, Sendable, Equatable {
    /// The chapter's name (its folder).
    public var name: String
    /// The chapter title.
    public var title: String
    /// Its place in the book.
    public var order: Int
    /// Its number in the book (`4`, or `A` for an appendix), if it was published in one.
    public var number: String?
    /// One paragraph on what the chapter teaches, if the lesson gives one.
    public var summary: String?
    /// Headline numbers.
    public var headline: [String]
    /// The thumbnail figure's file, if any.
    public var thumbnail: String?
    /// The number of errors the run met (0 for a clean run).
    public var errorCount: Int
    /// The chapter's numbers: loss, accuracies, epochs, checked relations, figures.
    public var metrics: ChapterMetrics

    /// Whether the chapter is an appendix, lettered after the numbered chapters.
    var isAppendix: Bool { number?.first?.isLetter == true }

    /// The file beside each chapter that holds its summary.
    public static let fileName = "results.json"

    /// The summary as stable JSON (sorted keys, so the same chapter gives the same bytes).
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
