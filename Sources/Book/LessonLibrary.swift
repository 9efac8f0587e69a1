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

    /// Why a lesson could not be found or named.
    public enum LookupError: Error, Equatable, CustomStringConvertible {
        /// The lessons folder does not exist.
        case noFolder(String)
        /// No lesson has this name.
        case notFound(String, suggestion: String?)
        /// The name could reach outside the lessons folder or is not a plain file name.
        case invalidName(String)

        public var description: String {
            switch self {
            case let .noFolder(path): return "no lessons folder at \(path)"
            case let .notFound(name, suggestion):
                return "no lesson named '\(name)' in lessons/" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
            case let .invalidName(name):
                return "'\(name)' is not a lesson name: use letters, digits, '-', '_' and '.', without '/' or '..'"
            }
        }
    }

    /// Whether `name` is a plain file name that stays inside the lessons folder.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
            && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } && !name.contains("..")
    }

    /// Every lesson, sorted by file name.
    public func entries() throws(LookupError) -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw .noFolder(folder.path)
        }
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }
            .map { String($0.dropLast(3)) }
            .filter(Self.isValidName)
            .sorted()
            .map(entry(named:))
    }

    /// The lesson called `name` (with or without `.md`).
    public func entry(for name: String) throws(LookupError) -> Entry {
        let bare = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        guard Self.isValidName(bare) else { throw .invalidName(name) }
        let all = try entries()
        guard let found = all.first(where: { $0.name == bare }) else {
            throw .notFound(bare, suggestion: suggestion(for: bare, among: all.map(\.name)))
        }
        return found
    }

    private func entry(named name: String) -> Entry {
        Entry(
            name: name, url: folder.appendingPathComponent(name + ".md"),
            displayPath: "\(folder.lastPathComponent)/\(name).md")
    }
}
