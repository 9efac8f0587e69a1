import Foundation

/// Replaces a file whole, through a temporary file the book can recognize and clean away.
///
/// Foundation's `atomically: true` leaves `.dat.nosync…` files behind when the process is
/// killed mid-write; the book's own temporaries are named `.writing-NAME-PID`, and a run that
/// holds the output folder's lock removes any it finds (`BookWriter.recoverFromInterruptedRuns`).
enum AtomicFile {
    /// The prefix of every temporary file the book writes.
    static let temporaryPrefix = ".writing-"

    /// Whether `name` is a temporary left by a write that never finished: the book's own, or
    /// Foundation's from the versions that wrote with `atomically: true`.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(temporaryPrefix) || name.hasPrefix(".dat.nosync")
    }

    /// Writes `data` to `url`: a reader sees the old file or the new one, never a part.
    static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent("\(temporaryPrefix)\(url.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes `text` as UTF-8 to `url`, whole.
    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
