import Foundation
import LessonFormat
import LessonRuntime

/// The lesson files of a project: `lessons/*.md`, except the format reference `README.md`.
public struct LessonLibrary: Sendable {
    /// The folder the lessons are in.
    public let folder: URL

    /// Creates a library over `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// A lesson file and the name its chapter is published under.
    public struct Entry: Sendable, Equatable {
        /// The chapter's name: the file name without `.md` (`01-perceptron`).
        public var name: String
        /// The file.
        public var url: URL
        /// The path as messages show it, relative to the project (`lessons/01-perceptron.md`).
        public var displayPath: String
    }

    /// A `.md` file of the lessons folder that cannot be a chapter, and why: its name breaks
    /// the naming rule or is one the book keeps for its own files.
    public struct RefusedFile: Sendable, Equatable, CustomStringConvertible {
        /// The file as messages show it (`lessons/my lesson.md`).
        public var displayPath: String
        /// Why it is not in the book, and what to do.
        public var reason: String

        public var description: String { "\(displayPath): error: \(reason)" }
    }

    /// What the lessons folder holds: the lessons, and the `.md` files that cannot be lessons.
    /// Hidden files (`.draft.md`, an editor's `.#lesson.md`) are neither, as everywhere else.
    public struct Contents: Sendable {
        /// The lessons, sorted by file name.
        public var entries: [Entry]
        /// The files refused, sorted by file name.
        public var refused: [RefusedFile]
    }

    /// Why a lesson could not be found or named.
    public enum LookupError: Error, Equatable, CustomStringConvertible {
        /// The lessons folder does not exist.
        case noFolder(String)
        /// No lesson has this name in the folder (as given).
        case notFound(String, folder: String, suggestion: String?)
        /// The name could reach outside the lessons folder or is not a plain file name.
        case invalidName(String)
        /// The name is one the book keeps for its own files.
        case reservedName(String)

        public var description: String {
            switch self {
            case let .noFolder(path): return "no lessons folder at \(path)"
            case let .notFound(name, folder, suggestion):
                return "no lesson named '\(name)' in \(folder)/" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
            case let .invalidName(name):
                return "'\(name)' is not a lesson name: use letters, digits, '-', '_' and '.', without '/' or '..'"
            case let .reservedName(name):
                return LessonLibrary.reservedWording(name)
            }
        }
    }

    /// The names the book gives its own files and folders at the top of the output folder,
    /// beside the chapter folders: no chapter may take one (compared ignoring case, as some
    /// file systems do).
    public static let reservedNames =
        OutputManifest.bookFiles + [ChapterCache.folder(in: URL(fileURLWithPath: "/")).lastPathComponent, OutputLock.fileName, OutputManifest.fileName]

    /// The longest lesson name.
    public static let longestName = 100

    /// Whether `name` is a plain file name that stays inside the lessons folder.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= longestName && !name.hasPrefix(".")
            && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } && !name.contains("..")
    }

    /// Whether `name` is one the book keeps for its own files.
    public static func isReserved(_ name: String) -> Bool {
        reservedNames.contains { $0.lowercased() == name.lowercased() }
    }

    static func reservedWording(_ name: String) -> String {
        "a lesson cannot be named '\(name)': the book writes its own \(name) beside the chapter folders, "
            + "so the chapter would collide with it; rename the file"
    }

    /// Why a lesson file called `name` (without `.md`) cannot be a chapter, or `nil`.
    static func reasonAgainst(fileNamed name: String) -> String? {
        if isReserved(name) { return reservedWording(name) }
        if name.count > longestName {
            return "the name has \(name.count) characters and a lesson's name has at most \(longestName), "
                + "so this file is not in the book; rename it"
        }
        if !isValidName(name) {
            return "'\(name)' is not a lesson name (use letters, digits, '-', '_' and '.'), so this file is not in the book; rename it"
        }
        return nil
    }

    /// Every lesson, and every `.md` file that cannot be one.
    public func contents() throws(LookupError) -> Contents {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw .noFolder(folder.path)
        }
        var contents = Contents(entries: [], refused: [])
        for file in names.sorted() where file.hasSuffix(".md") && file != "README.md" && !file.hasPrefix(".") {
            let name = String(file.dropLast(3))
            if let reason = Self.reasonAgainst(fileNamed: name) {
                contents.refused.append(RefusedFile(displayPath: "\(folder.lastPathComponent)/\(file)", reason: reason))
            } else {
                contents.entries.append(entry(named: name))
            }
        }
        return contents
    }

    /// Every lesson, sorted by file name.
    public func entries() throws(LookupError) -> [Entry] {
        try contents().entries
    }

    /// The lesson called `name` (with or without `.md`).
    public func entry(for name: String) throws(LookupError) -> Entry {
        let bare = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        guard Self.isValidName(bare) else { throw .invalidName(name) }
        guard !Self.isReserved(bare) else { throw .reservedName(bare) }
        let all = try entries()
        guard let found = all.first(where: { $0.name == bare }) else {
            throw .notFound(bare, folder: folder.relativePath, suggestion: suggestion(for: bare, among: all.map(\.name)))
        }
        return found
    }

    private func entry(named name: String) -> Entry {
        Entry(
            name: name, url: folder.appendingPathComponent(name + ".md"),
            displayPath: "\(folder.lastPathComponent)/\(name).md")
    }
}
