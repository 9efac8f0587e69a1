import ArgumentParser
import Book
import Foundation
import LessonFormat
import LessonRuntime

/// One rebuild of `lessons serve`: the saved lessons are checked first, and one with mistakes
/// is not published, so its chapter keeps its last good pages while its errors are printed
/// (and shown on the open page). The others are published as `lessons run` publishes them;
/// when the book's order or a title changed (or a lesson came or went), every lesson is, as
/// `lessons all` publishes them: an unchanged chapter kept, a neighbour relinked.
struct PreviewRebuild {
    let library: LessonLibrary
    let writer: BookWriter
    /// The errors of each lesson that `check` rejected at its last save, by name.
    private(set) var rejected: [String: [String]] = [:]
    /// Each chapter's name and numbered title, in book order, at the last rebuild.
    private var placement: [String]?

    init(library: LessonLibrary, writer: BookWriter) {
        self.library = library
        self.writer = writer
    }

    /// Checks the lessons of `look` that changed, publishes the book without those rejected,
    /// and returns the problems to show on the open pages: each rejected lesson's errors.
    mutating func run(_ look: LessonChanges.Look, options: RunOptions) -> [String] {
        let names = Set(look.entries.map(\.name))
        rejected = rejected.filter { names.contains($0.key) }
        for entry in look.changed {
            let errors = Self.mistakes(in: entry, bookChapters: names)
            rejected[entry.name] = errors.isEmpty ? nil : errors
            guard !errors.isEmpty else { continue }
            for error in errors { Terminal.error(error) }
            Terminal.error("✗ \(entry.name): not rebuilt, its last good pages (if any) stay; fix it and save again")
        }
        let order = BookWriter.bookOrder(look.entries).map { "\($0.entry.name) \($0.title)" }
        let everything = order != placement
        placement = order
        let chosen = (everything ? look.entries : look.changed).filter { rejected[$0.name] == nil }
        // The whole book is published even when every lesson was rejected: the index must exist.
        guard !chosen.isEmpty || everything else { return problems }
        do {
            try Publishing.publish(chosen, library: library, options: options, writer: writer)
        } catch is ExitCode {
            // The chapter that failed as it ran has said why, and its page shows it.
        } catch {
            Terminal.error("error: \(error)")
        }
        return problems
    }

    /// The errors of the lessons rejected, in file-name order.
    private var problems: [String] {
        rejected.keys.sorted().flatMap { rejected[$0]! }
    }

    /// What `lessons check` says of `entry`'s lesson, one positioned line per mistake.
    static func mistakes(in entry: LessonLibrary.Entry, bookChapters: Set<String>) -> [String] {
        do {
            let lesson = try LessonParser.parse(try entry.text(), path: entry.displayPath, file: entry.url)
            return LessonRunner(bookChapters: bookChapters).check(lesson).map(\.description)
        } catch {
            return [error.description]
        }
    }
}
