import Foundation

/// Finds the file a checked request path names in the served folder, following symbolic
/// links only as far as they stay inside it.
enum ServedFile {
    /// What a request path names.
    enum Lookup: Equatable {
        /// A regular file inside the folder, by its real path (symbolic links resolved).
        case file(URL)
        /// A folder asked for without its closing `/`: its relative links need one.
        case folderWithoutSlash
        /// Nothing, a hidden file, or neither a file nor a folder.
        case missing
        /// A symbolic link that leads out of the folder.
        case outside
    }

    /// The file `path` names in `root`; a folder names its `index.html`.
    static func find(_ path: RequestPath, in root: URL) -> Lookup {
        guard let top = realPath(root.path) else { return .missing }
        var candidate = path.segments.reduce(root) { $0.appendingPathComponent($1) }
        guard let real = realPath(candidate.path) else { return .missing }
        guard let inside = relative(real, to: top) else { return .outside }
        guard !inside.contains(where: { $0.hasPrefix(".") }) else { return .missing }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else { return .missing }
        guard isFolder.boolValue else { return path.namesFolder ? .missing : .file(URL(fileURLWithPath: real)) }
        guard path.namesFolder || path.segments.isEmpty else { return .folderWithoutSlash }
        candidate = URL(fileURLWithPath: real).appendingPathComponent("index.html")
        guard let index = realPath(candidate.path) else { return .missing }
        guard relative(index, to: top) != nil else { return .outside }
        guard FileManager.default.fileExists(atPath: index, isDirectory: &isFolder), !isFolder.boolValue else { return .missing }
        return .file(URL(fileURLWithPath: index))
    }

    /// `path` with every symbolic link resolved, or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The segments of the real path `path` below the real folder `top`, or `nil` when it is
    /// not inside it.
    static func relative(_ path: String, to top: String) -> [Substring]? {
        if path == top { return [] }
        let prefix = top.hasSuffix("/") ? top : top + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return path.dropFirst(prefix.count).split(separator: "/")
    }
}
