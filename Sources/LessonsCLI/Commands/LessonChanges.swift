import Book
import Foundation

/// What changed in the lessons folder since the last look, for `watch` and `serve`: a lesson
/// file or a file it reads saved (`WatchStamp`), a lesson added or removed. A `.md` file
/// that cannot be a lesson is reported once, when it appears.
struct LessonChanges {
    private var seen: [String: WatchStamp] = [:]
    private var reported = Set<String>()

    /// What one look found.
    struct Look {
        /// Every lesson now.
        var entries: [LessonLibrary.Entry]
        /// The lessons new or saved since the last look (all of them at the first).
        var changed: [LessonLibrary.Entry]
        /// The names of the lessons gone since the last look.
        var removed: [String]

        var isEmpty: Bool { changed.isEmpty && removed.isEmpty }
    }

    /// Starts with `refused` already reported (by the command's own first listing).
    init(reported refused: [LessonLibrary.RefusedFile] = []) {
        reported = Set(refused.map(\.displayPath))
    }

    /// Looks at `library` now; a missing folder is printed and fails.
    mutating func look(at library: LessonLibrary) throws -> Look {
        let contents = try Publishing.contents(of: library)
        for file in contents.refused where !reported.contains(file.displayPath) { Terminal.error(file.description) }
        reported = Set(contents.refused.map(\.displayPath))
        var changed = [LessonLibrary.Entry]()
        for entry in contents.entries {
            let stamp = entry.stamp(after: seen[entry.name])
            if seen[entry.name] != stamp {
                seen[entry.name] = stamp
                changed.append(entry)
            }
        }
        let names = Set(contents.entries.map(\.name))
        let removed = seen.keys.filter { !names.contains($0) }.sorted()
        for name in removed { seen[name] = nil }
        return Look(entries: contents.entries, changed: changed, removed: removed)
    }
}
