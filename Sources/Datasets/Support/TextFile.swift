import Foundation

/// Reads a file a user wrote (a lesson, a CSV file) as UTF-8 text, with a message for each
/// way it can fail that says what is wrong and what to do, never a Foundation error code.
///
/// Only a regular file is read: it is opened without blocking and its type checked on the
/// open descriptor, so a FIFO, a device (`/dev/zero`) or a folder is refused, not waited on.
public enum TextFile {
    /// Why a file could not be read as text.
    public enum Problem: Error, Equatable, Sendable {
        /// Nothing is at the path.
        case missing
        /// The path is a symbolic link to nothing.
        case brokenLink
        /// The path is a link that leads back to itself.
        case linkLoop
        /// The file may not be read by this user.
        case permissionDenied
        /// The path is (a link to) something other than a regular file: `kind` is `a folder`,
        /// `a named pipe (FIFO)`, `a device` or `a special file`.
        case notAFile(kind: String, isLink: Bool)
        /// The system refused to read it: its own words (`input/output error`).
        case unreadable(reason: String)
        /// A byte that is not UTF-8, at a line and column (from 1) counted in characters.
        case notUTF8(line: Int, column: Int, byte: UInt8)

        /// What is wrong and what to do, for a file that should be `expected` (`a Markdown
        /// text file`); a byte that is not UTF-8 leaves its line and column to the caller.
        public func description(expected: String) -> String {
            switch self {
            case .missing: "there is no such file"
            case .brokenLink: "it is a link to a file that does not exist"
            case .linkLoop: "it is a link that leads back to itself"
            case .permissionDenied: "you do not have permission to read it; check its permissions (chmod u+r)"
            case let .notAFile(kind, isLink): "it is \(isLink ? "a link to " : "")\(kind), not a file; \(expected)"
            case let .unreadable(reason): reason
            case let .notUTF8(_, _, byte):
                "the file is not UTF-8 text: byte \(String(format: "0x%02X", byte)) does not belong here; save it as UTF-8"
            }
        }
    }

    /// The text of the regular file at `url`.
    public static func contents(of url: URL) throws(Problem) -> String {
        var link = stat()
        let isLink = lstat(url.path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case EACCES: throw .permissionDenied
            case ENOENT, ENOTDIR: throw isLink ? .brokenLink : .missing
            case ELOOP: throw .linkLoop
            case let number: throw .unreadable(reason: systemMessage(number))
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason: systemMessage(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notAFile(kind: "a folder", isLink: isLink)
        case S_IFIFO: throw .notAFile(kind: "a named pipe (FIFO)", isLink: isLink)
        case S_IFCHR, S_IFBLK: throw .notAFile(kind: "a device", isLink: isLink)
        default: throw .notAFile(kind: "a special file", isLink: isLink)
        }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: systemMessage(errno))
            }
            bytes += buffer[..<count]
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

    /// Whether `url`, with every symbolic link followed, lies outside `folder` (links followed
    /// too): lessons and their data files are shared and run on students' machines, so a
    /// link must not lead out of the folder they are kept in.
    public static func leadsOutside(_ url: URL, of folder: URL) -> Bool {
        !url.resolvingSymlinksInPath().path.hasPrefix(folder.resolvingSymlinksInPath().path + "/")
    }

    /// `strerror`'s text for `number`, starting lower-case: "no space left on device".
    public static func systemMessage(_ number: Int32) -> String {
        let text = String(cString: strerror(number))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
