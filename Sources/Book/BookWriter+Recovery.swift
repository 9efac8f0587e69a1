import Foundation

/// What runs that were killed or interrupted left in the output folder, put right.
///
/// A chapter is swapped in with two renames: the published folder to `.old-NAME-PID`, then
/// the complete `.staging-NAME-PID` to `NAME`. A run killed between them leaves no `NAME`;
/// the old folder is put back (a chapter is wholly old or wholly new, and its cache key was
/// removed before it ran, so it runs again next time). Temporaries of files written whole
/// (`AtomicFile`) are removed.
extension BookWriter {
    /// Tidies every leftover of interrupted runs in the output folder, its cache and its
    /// chapters. Call it holding the output folder's lock (`OutputLock`), before anything is
    /// written: then no other run is writing, and every staging folder is a leftover.
    public func recoverFromInterruptedRuns() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: output.path) else { return }
        for name in names.sorted() {
            let url = output.appendingPathComponent(name)
            if name.hasPrefix(".staging-") || AtomicFile.isTemporary(name) {
                try? manager.removeItem(at: url)
            } else if let chapter = Self.chapterMovedAside(name) {
                let target = output.appendingPathComponent(chapter)
                if manager.fileExists(atPath: target.path) {
                    try? manager.removeItem(at: url)
                } else {
                    try? manager.moveItem(at: url, to: target)
                }
            }
        }
        // Temporaries inside the cache and the chapters (files the book writes whole there).
        var folders = [ChapterCache.folder(in: output)]
        for name in (try? manager.contentsOfDirectory(atPath: output.path)) ?? [] where !name.hasPrefix(".") {
            let chapter = output.appendingPathComponent(name)
            if manager.fileExists(atPath: chapter.appendingPathComponent(ChapterSummary.fileName).path) { folders.append(chapter) }
        }
        for folder in folders {
            for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where AtomicFile.isTemporary(name) {
                try? manager.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// The chapter whose published folder `name` is, when it is `.old-NAME-PID`.
    static func chapterMovedAside(_ name: String) -> String? {
        guard name.hasPrefix(".old-"), let dash = name.lastIndex(of: "-") else { return nil }
        let chapter = name[name.index(name.startIndex, offsetBy: 5)..<dash]
        let process = name[name.index(after: dash)...]
        guard !chapter.isEmpty, !process.isEmpty, process.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(chapter)
    }

    /// Tidies what an interrupted run left of one chapter (without the output folder's lock:
    /// only that chapter's leftovers): its staging folder goes, and a published chapter moved
    /// aside but not yet replaced is put back.
    func recoverFromInterruptedRun(of name: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: output.path) else { return }
        let target = output.appendingPathComponent(name)
        // `.staging-NAME-PID` and `.old-NAME-PID` only: `.staging-intro-2-PID` is another
        // chapter's, perhaps being written by another job of this very run.
        func isLeftover(_ file: String, _ kind: String) -> Bool {
            guard file.hasPrefix(".\(kind)-\(name)-") else { return false }
            let process = file.dropFirst(kind.count + name.count + 3)
            return !process.isEmpty && process.allSatisfy(\.isASCII) && process.allSatisfy(\.isNumber)
        }
        for leftover in names.sorted() {
            let url = output.appendingPathComponent(leftover)
            if isLeftover(leftover, "staging") {
                try? manager.removeItem(at: url)
            } else if isLeftover(leftover, "old") {
                if manager.fileExists(atPath: target.path) {
                    try? manager.removeItem(at: url)
                } else {
                    try? manager.moveItem(at: url, to: target)
                }
            }
        }
    }
}
