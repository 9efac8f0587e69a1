import Foundation

/// The path of a request, checked: the folders and file it names inside the served folder.
///
/// Only an origin-form target (`/02-small/index.html`) is read. Each segment is
/// percent-decoded on its own, and the path is refused when a segment is `.` or `..`
/// (`/../`, `/%2e%2e/`), holds a slash, a backslash or a NUL once decoded (`..%2f`), or is
/// empty (`//etc/passwd`, which a URL parser takes for a host); an absolute-form target
/// (`http://host/x`) or `*` is refused too. Hidden names (`.cache`, `.lessons-lock`) are
/// the book's bookkeeping, never served.
public struct RequestPath: Equatable, Sendable {
    /// The decoded segments, from the served folder down; empty for the folder itself.
    public var segments: [String]
    /// Whether the path ended in `/` (a folder, served by its `index.html`).
    public var namesFolder: Bool

    /// Why a path is refused.
    public enum Refusal: Error, Equatable, Sendable {
        /// Not a path inside the served folder: dot segments, encoded separators, empty
        /// segments, bad percent-encoding, or a target that is not `/…`.
        case malformed
        /// A hidden file or folder.
        case hidden
    }

    /// Reads the raw, still percent-encoded path of a request target (without its query).
    public init(target: String) throws(Refusal) {
        guard target.hasPrefix("/") else { throw .malformed }
        var raw = target.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        namesFolder = raw.last == ""
        if namesFolder { raw.removeLast() }
        segments = []
        for encoded in raw {
            guard let segment = encoded.removingPercentEncoding, !segment.isEmpty else { throw .malformed }
            guard segment != ".", segment != "..", !segment.contains(where: { "/\\\0".contains($0) }) else { throw .malformed }
            segments.append(segment)
        }
        if segments.contains(where: { $0.hasPrefix(".") }) { throw .hidden }
    }
}
