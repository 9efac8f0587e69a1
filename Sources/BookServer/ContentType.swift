/// The `Content-Type` of each kind of file the book writes, by extension.
public enum ContentType {
    /// The types by lower-case extension; text is UTF-8 throughout the book.
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "json": "application/json",
        "ipynb": "application/x-ipynb+json",
        "png": "image/png",
        "apng": "image/apng",
        "svg": "image/svg+xml",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
    ]

    /// The type of a file called `name`; `application/octet-stream` for an unknown kind.
    public static func of(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
