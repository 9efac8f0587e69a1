import Foundation
import LessonFormat
import LessonRuntime

extension BookWriter {
    /// Why `output` must not hold the book, or `nil` when it may.
    ///
    /// The book writes `index.html`, `README.md` and `style.css` at the top of its folder and a
    /// folder per chapter, so the current folder (the project's own README), a folder that
    /// holds the lessons, or one inside them would have files replaced that are not the book's.
    public static func reasonAgainst(output: URL, lessons: URL, workingDirectory: URL) -> String? {
        func canonical(_ url: URL) -> String {
            url.standardizedFileURL.resolvingSymlinksInPath().path
        }
        let target = canonical(output), lessonsPath = canonical(lessons), here = canonical(workingDirectory)
        if target == here {
            return "--output '\(output.relativePath)' is the current folder; the book's index.html, README.md "
                + "and style.css would replace the project's own files; choose a folder of its own, like 'output'"
        }
        if lessonsPath == target || lessonsPath.hasPrefix(target + "/") {
            return "--output '\(output.relativePath)' holds the lessons folder; choose a folder of its own, like 'output'"
        }
        if target.hasPrefix(lessonsPath + "/") {
            return "--output '\(output.relativePath)' is inside the lessons folder; choose a folder outside it, like 'output'"
        }
        return nil
    }
}
