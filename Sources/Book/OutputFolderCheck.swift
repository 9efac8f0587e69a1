import Foundation
import LessonFormat
import LessonRuntime

extension BookWriter {
    /// Why `output` must not hold the book, or `nil` when it may.
    ///
    /// The book writes `index.html`, `README.md` and `style.css` at the top of its folder and a
    /// folder per chapter, so the current folder (the project's own README), a folder that
    /// holds the lessons, or one inside them, the root folder, a home folder or a folder that
    /// holds home folders would have the book's files mixed with, or put in place of, files
    /// that are not the book's. Paths are compared whole component by component, after links
    /// are resolved, so `/` and `/tmp` are not mistaken for `//` or `/tmpx`. A file is not a
    /// folder. (Files the book did not write are protected inside an accepted folder too: see
    /// `OutputManifest`.)
    ///
    /// - Parameter homes: the home folders to refuse; every account's by default.
    public static func reasonAgainst(
        output: URL, lessons: URL, workingDirectory: URL, homes: [String] = OutputFolder.homeFolders()
    ) -> String? {
        let target = OutputFolder.canonical(output), lessonsPath = OutputFolder.canonical(lessons)
        let here = OutputFolder.canonical(workingDirectory)
        let shown = "--output '\(output.relativePath)'"
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), !isFolder.boolValue {
            return "\(shown) is a file, not a folder; choose a folder of its own, like 'output'"
        }
        if target == "/" {
            return "\(shown) is the root folder; the book would write its files among the system's; choose a folder of its own, like 'output'"
        }
        if target == here {
            return "\(shown) is the current folder; the book's index.html, README.md "
                + "and style.css would replace the project's own files; choose a folder of its own, like 'output'"
        }
        let homes = homes.map { OutputFolder.canonical(URL(fileURLWithPath: $0)) }.filter { $0 != "/" }
        if homes.contains(target) {
            return "\(shown) is a home folder; the book would mix its files with yours; choose a folder of its own, like 'output'"
        }
        if homes.contains(where: { OutputFolder.isInside($0, target) }) {
            return "\(shown) holds home folders; choose a folder of its own, like 'output'"
        }
        if lessonsPath == target || OutputFolder.isInside(lessonsPath, target) {
            return "\(shown) holds the lessons folder; choose a folder of its own, like 'output'"
        }
        if OutputFolder.isInside(target, lessonsPath) {
            return "\(shown) is inside the lessons folder; choose a folder outside it, like 'output'"
        }
        return nil
    }
}

/// Paths of the output folder, compared as the file system sees them.
public enum OutputFolder {
    /// `url`'s absolute path with `.`, `..` and links resolved.
    static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.isEmpty ? "/" : path
    }

    /// Whether the folder at `path` lies strictly inside the folder at `folder`, comparing
    /// whole path components.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let inner = path.split(separator: "/"), outer = folder.split(separator: "/")
        return inner.count > outer.count && inner.starts(with: outer)
    }

    /// Every account's home folder (from the password database) and `$HOME`.
    public static func homeFolders() -> [String] {
        var homes = Set<String>()
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { homes.insert(home) }
        homes.insert(NSHomeDirectory())
        setpwent()
        while let account = getpwent() {
            if let directory = account.pointee.pw_dir { homes.insert(String(cString: directory)) }
        }
        endpwent()
        return homes.filter { $0.hasPrefix("/") && $0 != "/nonexistent" }.sorted()
    }
}
