import Foundation

/// The files the book wrote at the top of its output folder, listed one per line in
/// `output/.lessons-manifest`: the book replaces only those, never a `README.md` or
/// `index.html` someone else put there. (Chapter folders are protected by their own mark,
/// `results.json`: see `BookWriter`.)
///
/// A name is listed before its file first appears, so a run killed in between leaves a name
/// without a file, never a file of the book's that the next run would refuse. An output folder
/// written before the manifest existed is recognized by its `.cache/` folder, which only the
/// book makes, and its files are adopted.
public struct OutputManifest: Sendable {
    /// The manifest's file name.
    public static let fileName = ".lessons-manifest"
    /// The files the book writes at the top of the output folder.
    public static let bookFiles = ["index.html", "README.md", "style.css", "timings.json", "answers.html", "answers.md"]

    /// The files the book wrote before it kept a manifest (the answer key came later): a folder
    /// from then, with the chapter cache, owns these.
    static let filesBeforeManifests = ["index.html", "README.md", "style.css", "timings.json"]

    /// The output folder.
    public let output: URL

    public init(output: URL) {
        self.output = output
    }

    private var file: URL { output.appendingPathComponent(Self.fileName) }

    /// The names the manifest lists; `nil` when there is no manifest.
    func listed() -> Set<String>? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return Set(text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty })
    }

    /// The names the book may replace: the manifest's, or in a folder the book wrote before
    /// manifests existed, its own files.
    func owned() -> Set<String> {
        if let listed = listed() { return listed }
        var isFolder: ObjCBool = false
        let cache = ChapterCache.folder(in: output).path
        return FileManager.default.fileExists(atPath: cache, isDirectory: &isFolder) && isFolder.boolValue ? Set(Self.filesBeforeManifests) : []
    }

    /// Why the book must not write its files into `output`, or `nil` when it may: one of
    /// them is there but was not written by the book, or is not a plain file.
    public func reasonAgainstWriting() -> String? {
        let owned = owned()
        let shown = output.relativePath.hasSuffix("/") ? output.relativePath : output.relativePath + "/"
        for name in Self.bookFiles {
            var status = stat()
            guard lstat(output.appendingPathComponent(name).path, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            if kind != S_IFREG {
                let what = kind == S_IFDIR ? "a folder" : kind == S_IFLNK ? "a link" : "not a plain file"
                return "\(shown)\(name) is \(what), where the book writes its own \(name); move it away or choose another --output"
            }
            if !owned.contains(name) {
                return "\(shown)\(name) was not written by lessons (\(shown)\(Self.fileName) does not list it) "
                    + "and the book would replace it; move it away or choose another --output"
            }
        }
        return nil
    }

    /// Adds `names` to the manifest (before their files are written).
    func record(_ names: [String]) throws {
        // A folder adopted from before manifests: its own files are listed with the new ones.
        let all = owned().union(names)
        guard all != listed() else { return }
        let text = "# Files the lessons book wrote here; it replaces only these.\n" + all.sorted().map { $0 + "\n" }.joined()
        try AtomicFile.write(text, to: file)
    }
}
