import Datasets
import Foundation
import LessonFormat
import LessonRuntime
import Report

/// Decides whether a published chapter can be kept instead of run again, like a notebook
/// build's "freeze": a chapter is kept only when everything its pages were made from is the
/// same as when it was last run cleanly.
///
/// The **key** of a chapter is a short text naming all of that:
/// - the cache format and the **program**: the `lessons` version and a fingerprint of its
///   executable (path, size, modification time, inode), so any rebuild, and with it any
///   change to the engine, runs every chapter again;
/// - the **lesson file**: its path as messages show it and the SHA-256 of its text;
/// - the **seed** given with `--seed`, if any;
/// - the **data files** its data cells read (`LessonRunner.inputs(of:)`): a CSV file by the
///   SHA-256 of its content; the MNIST files by path, size and modification time, since
///   hashing 55 MB would take longer than the rest of a no-op build, and the loader verifies
///   their published SHA-256 on every run that reads them. MNIST that would be downloaded
///   or replaced by the bundled subset has no key: that chapter always runs.
///
/// The key is kept in `output/.cache/NAME.json`, outside the chapter's folder, so the folder
/// stays byte-identical between machines; with it, the name, size and SHA-256 of each file
/// the run staged for the chapter, so the key vouches for those very bytes: a folder that lost
/// or changed a file, or holds another run's pages, is not kept. And the chapters before and
/// after it that its pages link to: a neighbour's new title changes those links
/// (`BookWriter` rewrites them), not what the chapter computed. It is removed before a
/// chapter runs and written only after a run without errors: an interrupted or failing run
/// leaves no key, and the next build runs that chapter again.
public struct ChapterCache: Sendable {
    /// Where the keys are: `output/.cache/`.
    public let folder: URL
    /// The running program's fingerprint; any change runs every chapter again.
    public var program: String
    /// How MNIST is found; `nil` for the way each lesson's session finds it.
    public var mnistLoader: MNISTLoader?

    /// The version of the key's format; changing what the key holds changes it.
    static let format = "lessons chapter cache 4"

    /// The folder that holds the keys of the chapters under `output`.
    public static func folder(in output: URL) -> URL {
        output.appendingPathComponent(".cache")
    }

    /// Creates the cache of the book in `output`.
    ///
    /// - Parameters:
    ///   - program: the fingerprint of the running program, usually
    ///     `ChapterCache.programFingerprint(version:)`; tests pass their own.
    ///   - mnistLoader: how MNIST is found; `nil` (the default) for the one the runner uses.
    public init(output: URL, program: String, mnistLoader: MNISTLoader? = nil) {
        folder = Self.folder(in: output)
        self.program = program
        self.mnistLoader = mnistLoader
    }

    /// The `lessons` program as it runs: `version` and its executable's fingerprint.
    public static func programFingerprint(version: String) -> String {
        #if os(Linux)
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #else
            let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        #endif
        return "lessons \(version) \(fileFingerprint(executable))"
    }

    /// A file's path, size, modification time and inode: a cheap fingerprint that changes
    /// whenever the file is rewritten or replaced.
    static func fileFingerprint(_ url: URL) -> String {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return "\(url.path) missing" }
        #if os(Linux)
            let modified = "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        #else
            let modified = "\(status.st_mtimespec.tv_sec).\(status.st_mtimespec.tv_nsec)"
        #endif
        return "\(url.path) size=\(status.st_size) mtime=\(modified) inode=\(status.st_dev):\(status.st_ino)"
    }

    /// The key of the chapter `entry` would publish from `text`, or `nil` when the chapter
    /// must run whatever happened before (it does not parse, or `$MNIST_DIR` names a folder
    /// without MNIST).
    public func key(for entry: LessonLibrary.Entry, text: String, seed: UInt64?) -> Key? {
        guard let lesson = try? LessonParser.parse(text, path: entry.displayPath, file: entry.url) else { return nil }
        var lines = [
            Self.format,
            "program \(program)",
            "lesson \(entry.displayPath) sha256=\(SHA256.hexDigest(of: Array(text.utf8)))",
            "seed \(seed.map(String.init) ?? "from the lesson")",
        ]
        for input in LessonRunner().inputs(of: lesson, mnistLoader: mnistLoader) {
            switch input {
            case let .file(url):
                if let data = try? Data(contentsOf: url) {
                    lines.append("file \(url.path) sha256=\(SHA256.hexDigest(of: data))")
                } else {
                    lines.append("file \(url.path) unreadable")
                }
            case let .mnist(files):
                lines += files.map { "mnist \(Self.fileFingerprint($0))" }
            case let .bundledMNISTSubset(files):
                lines.append("mnist not on disk: downloaded, or else the bundled subset")
                lines += files.map { "mnist subset \(Self.fileFingerprint($0))" }
            case .unresolved:
                return nil
            }
        }
        return Key(lines: lines)
    }

    /// What a chapter was made from, one line per thing.
    public struct Key: Codable, Sendable, Equatable {
        /// The lines, in a fixed order.
        public var lines: [String]
    }

    /// A chapter that links to another: its title and folder.
    private struct Link: Codable, Equatable {
        var title: String
        var folder: String
    }

    /// A file of a chapter as its run wrote it: its size, and the SHA-256 of its bytes.
    public struct FileStamp: Codable, Sendable, Equatable {
        var size: Int
        var sha256: String
    }

    /// The stamp of every file in `folder` (a chapter's, or its staging folder).
    static func stamps(of folder: URL) throws -> [String: FileStamp] {
        var stamps = [String: FileStamp]()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            stamps[file] = FileStamp(size: data.count, sha256: SHA256.hexDigest(of: data))
        }
        return stamps
    }

    /// A key as stored, with the files of the chapter it was stored for and its neighbours.
    private struct Stored: Codable {
        var key: Key
        /// Each file of the chapter's folder, as the run that the key describes wrote it.
        var files: [String: FileStamp]
        /// The chapters its pages link to.
        var previous: Link?
        var next: Link?
        /// The chapter's number in the book.
        var number: String?
        /// The numbers of the chapters its prose refers to.
        var chapters: [String: String]?

        var neighbours: ReportDocument.Neighbours {
            .init(
                previous: previous.map { (title: $0.title, folder: $0.folder) },
                next: next.map { (title: $0.title, folder: $0.folder) }, number: number, chapters: chapters ?? [:])
        }
    }

    /// A chapter that can be kept: its `results.json`, and the neighbours its pages link to.
    public struct Kept: Sendable {
        public var summary: ChapterSummary
        public var neighbours: ReportDocument.Neighbours
    }

    /// The chapter `name` in `output`, when it was published by a clean run with this `key`
    /// and its folder still holds every file that run wrote, byte for byte.
    public func keptChapter(_ name: String, key: Key, in output: URL) -> Kept? {
        guard let data = try? Data(contentsOf: file(for: name)),
            let stored = try? JSONDecoder().decode(Stored.self, from: data),
            stored.key == key
        else { return nil }
        let chapter = output.appendingPathComponent(name)
        for (file, stamp) in stored.files {
            guard let data = try? Data(contentsOf: chapter.appendingPathComponent(file)), data.count == stamp.size,
                SHA256.hexDigest(of: data) == stamp.sha256
            else { return nil }
        }
        guard let summaryData = try? Data(contentsOf: chapter.appendingPathComponent(ChapterSummary.fileName)),
            let summary = try? JSONDecoder().decode(ChapterSummary.self, from: summaryData),
            summary.errorCount == 0, summary.name == name
        else { return nil }
        return Kept(summary: summary, neighbours: stored.neighbours)
    }

    /// Records that the chapter `name`, just published by a clean run (or just relinked) with
    /// `files`, was made from `key` and links to `neighbours`.
    func store(_ key: Key, neighbours: ReportDocument.Neighbours, files: [String: FileStamp], for name: String) throws {
        let stored = Stored(
            key: key, files: files,
            previous: neighbours.previous.map { Link(title: $0.title, folder: $0.folder) },
            next: neighbours.next.map { Link(title: $0.title, folder: $0.folder) }, number: neighbours.number,
            chapters: neighbours.chapters.isEmpty ? nil : neighbours.chapters)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicFile.write(try encoder.encode(stored), to: file(for: name))
    }

    /// Forgets the chapter `name`'s key, before it runs again.
    func forget(_ name: String) {
        try? FileManager.default.removeItem(at: file(for: name))
    }

    private func file(for name: String) -> URL {
        folder.appendingPathComponent(name + ".json")
    }
}
