import Foundation

/// The server's own address, beside the book's files: `GET /.lessons-serve/status` answers
/// `{"version": "…", "problems": ["…"]}`; with `?since=VERSION` it waits until the version is
/// another one, or `BookStatus.longPollSeconds` pass.
///
/// The address starts with a hidden segment, which `RequestPath` never maps to a file, so no
/// chapter or file of the book can take it.
public enum StatusEndpoint {
    /// The path the script polls.
    public static let path = "/.lessons-serve/status"

    /// The JSON body for `status`.
    static func body(_ status: BookStatus.Snapshot) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(status)) ?? Data("{}".utf8)
    }
}
