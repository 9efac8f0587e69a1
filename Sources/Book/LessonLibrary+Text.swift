import Datasets
import Foundation
import LessonFormat
import LessonRuntime

extension LessonLibrary.Entry {
    /// The lesson file's text, read by the rule data files follow (`TextFile`).
    ///
    /// - Throws: `LessonError.Kind.unreadable` (at line 1) when the file cannot be read: a link
    ///   to a file outside the lessons folder, a folder, a named pipe or a device; or when it
    ///   is not UTF-8, at the line and column of the first byte that is not.
    public func text() throws(LessonError) -> String {
        func refuse(_ reason: String, line: Int = 1, column: Int = 1) -> LessonError {
            LessonError(.unreadable(reason: reason), at: SourcePosition(file: displayPath, line: line, column: column))
        }
        let folder = url.deletingLastPathComponent()
        var link = stat()
        if lstat(url.path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, TextFile.leadsOutside(url, of: folder) {
            let real = url.resolvingSymlinksInPath().path
            throw refuse("it is a link to \(real), outside the lessons folder; copy the lesson into \(folder.lastPathComponent)/ instead")
        }
        do {
            return try TextFile.contents(of: url)
        } catch {
            let reason = error.description(expected: "a lesson is a Markdown text file")
            if case let .notUTF8(line, column, _) = error { throw refuse(reason, line: line, column: column) }
            throw refuse(reason)
        }
    }
}
