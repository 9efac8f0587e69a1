import Foundation
import LessonFormat
import LessonRuntime

extension LessonLibrary.Entry {
    /// The lesson file's text.
    ///
    /// - Throws: `LessonError.Kind.unreadable` (at line 1) when the file cannot be read: a link
    ///   to a file outside the lessons folder (the rule data files follow), a folder, a named
    ///   pipe or a device; or when it is not UTF-8, at the line and column of the first byte
    ///   that is not.
    public func text() throws(LessonError) -> String {
        let data = try contents()
        if let text = String(bytes: data, encoding: .utf8) { return text }
        throw Self.firstInvalidByte(in: Array(data), file: displayPath)
    }

    /// The lesson file's bytes, read only when it is a plain file inside the lessons folder.
    func contents() throws(LessonError) -> Data {
        func refuse(_ reason: String) -> LessonError {
            LessonError(.unreadable(reason: reason), at: SourcePosition(file: displayPath, line: 1))
        }
        let folder = url.deletingLastPathComponent()
        var link = stat()
        let isLink = lstat(url.path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
        // A lesson is shared like its data files, and read on students' machines: as with a
        // data file (CSVData), a symbolic link must not lead out of the folder.
        let real = url.resolvingSymlinksInPath().path
        if isLink, !real.hasPrefix(folder.resolvingSymlinksInPath().path + "/") {
            throw refuse("it is a link to \(real), outside the lessons folder; copy the lesson into \(folder.lastPathComponent)/ instead")
        }
        let what = isLink ? "a link to " : ""
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case EACCES: throw refuse("you do not have permission to read it; check its permissions (chmod u+r)")
            case ENOENT: throw refuse(isLink ? "it is a link to a file that does not exist" : "the file is gone")
            case ELOOP: throw refuse("it is a link that leads back to itself")
            case let number: throw refuse(FileErrorWording.systemMessage(number))
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw refuse(FileErrorWording.systemMessage(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw refuse("it is \(what)a folder, not a file; a lesson is a Markdown text file")
        case S_IFIFO: throw refuse("it is \(what)a named pipe (FIFO), not a file; a lesson is a Markdown text file")
        case S_IFCHR, S_IFBLK: throw refuse("it is \(what)a device, not a file; a lesson is a Markdown text file")
        default: throw refuse("it is \(what)a special file, not a file; a lesson is a Markdown text file")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw refuse(FileErrorWording.systemMessage(errno))
            }
            data.append(contentsOf: buffer[..<count])
        }
    }

    /// Where UTF-8 decoding of `bytes` first fails, as a lesson error.
    static func firstInvalidByte(in bytes: [UInt8], file: String) -> LessonError {
        var line = 1, column = 1, offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                let byte = String(format: "0x%02X", bytes[offset])
                return LessonError(
                    .unreadable(reason: "the file is not UTF-8 text: byte \(byte) does not belong here; save it as UTF-8"),
                    at: SourcePosition(file: file, line: line, column: column))
            case .emptyInput:
                return LessonError(
                    .unreadable(reason: "the file is not UTF-8 text; save it as UTF-8"),
                    at: SourcePosition(file: file, line: line, column: column))
            }
        }
    }
}
