import Book
import Foundation
import LessonFormat
import LessonRuntime

/// What the commands print: progress on standard output, errors on standard error.
enum Terminal {
    static func say(_ line: String, quiet: Bool = false) {
        if !quiet { print(line) }
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// `text` as one word for a POSIX shell: as it is when it has no special characters,
    /// else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// One line per chapter: a mark, its name, its title and what it holds; a chapter kept
    /// from an earlier run says so instead of its run time.
    static func report(_ publication: BookWriter.Publication, name: String, seconds: Double, quiet: Bool) {
        switch publication {
        case let .ran(result):
            report(result, name: name, seconds: seconds, quiet: quiet)
        case let .kept(summary):
            let numbers = summary.headline.isEmpty ? "" : " — " + summary.headline.joined(separator: ", ")
            say("✓ \(name): \(summary.title)\(numbers) (unchanged, kept)", quiet: quiet)
        }
    }

    /// One line per chapter: a mark, its name, its title and what it holds.
    static func report(_ result: ChapterResult, name: String, seconds: Double, quiet: Bool) {
        for error in result.errors { Self.error(error.description) }
        let mark = result.errors.isEmpty ? "✓" : "✗"
        let numbers = result.headline.isEmpty ? "" : " — " + result.headline.joined(separator: ", ")
        let time = String(format: "%.1f s", seconds)
        say("\(mark) \(name): \(result.header.title)\(numbers) (\(time))", quiet: quiet && result.errors.isEmpty)
    }
}
