import Foundation

/// Reads a file a user wrote (a lesson, a CSV file) as UTF-8 text, with a message for each
/// way it can fail that says what is wrong and what to do, never a Foundation error code.
///
/// Only a regular file is read: a FIFO or a device (`/dev/zero`) would block or never end,
/// and a folder has no text.
public enum TextFile {
    /// Why a file could not be read as text.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Nothing is at the path (or a link leads nowhere).
        case missing
        /// The path is a folder.
        case folder
        /// The path is something other than a regular file (a FIFO, a device, a socket).
        case notARegularFile(kind: String)
        /// The system refused to read it (permissions, an I/O error): its own words.
        case unreadable(reason: String)
        /// A byte that is not UTF-8, at a line and column (from 1) counted in characters.
        case notUTF8(line: Int, column: Int, byte: UInt8)

        public var description: String {
            switch self {
            case .missing: "there is no such file"
            case .folder: "it is a folder, not a file"
            case let .notARegularFile(kind): "it is \(kind), not a regular file; name a file that holds text"
            case let .unreadable(reason): "it cannot be read (\(reason))"
            case let .notUTF8(line, column, byte):
                "line \(line), column \(column): byte \(String(format: "0x%02X", byte)) is not UTF-8; save the file as UTF-8 text"
            }
        }
    }

    /// The text of the regular file at `url`.
    public static func contents(of url: URL) throws(Problem) -> String {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(reason: String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .folder
        case S_IFIFO: throw .notARegularFile(kind: "a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: throw .notARegularFile(kind: "a device")
        case S_IFSOCK: throw .notARegularFile(kind: "a socket")
        default: throw .notARegularFile(kind: "not a file")
        }
        let handle = open(url.path, O_RDONLY | O_CLOEXEC)
        guard handle >= 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        defer { close(handle) }
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(handle, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return try text(of: bytes)
    }

    /// `bytes` as UTF-8 text, or where the first byte that is not UTF-8 is.
    public static func text(of bytes: [UInt8]) throws(Problem) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1, column = 1, offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while case let .valid(encoded) = parser.parseScalar(from: &iterator) {
            offset += encoded.count
            if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        throw .notUTF8(line: line, column: column, byte: bytes[min(offset, bytes.count - 1)])
    }
}
