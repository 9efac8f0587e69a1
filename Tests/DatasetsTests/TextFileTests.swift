import Foundation
import Testing
@testable import Datasets

/// A data file that is not UTF-8 text, or not a file at all, gets a message that says what is
/// wrong and what to do: before, a CSV in Latin-1 read "isn't in the correct format" with no
/// row and no word of UTF-8, and a FIFO blocked the run or read "You don't have permission".
@Suite struct TextFileTests {
    func message(_ url: URL) -> String? {
        do {
            _ = try Dataset.csv(contentsOf: url, labelColumn: "label")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aCSVFileThatIsNotUTF8NamesTheRowColumnAndByte() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("points.csv")
        // "café" in Latin-1 on the third line: é is the single byte 0xE9.
        try Data("x1,label\n1,0\ncaf".utf8 + [0xE9] + Data(",1\n".utf8)).write(to: file)
        #expect(message(file) == "points.csv: line 3, column 4: the file is not UTF-8 text: byte 0xE9 does not belong here; save it as UTF-8")
        // A character before it on the line counts once, whatever its length in bytes.
        try Data("x1,label\nπ".utf8 + [0xFF]).write(to: file)
        #expect(message(file) == "points.csv: line 2, column 2: the file is not UTF-8 text: byte 0xFF does not belong here; save it as UTF-8")
    }

    @Test func aPathThatIsNotARegularFileIsRefusedBeforeItIsRead() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        #expect(message(fifo) == "fifo.csv: it is a named pipe (FIFO), not a file; a data file is CSV text")
        let zero = folder.appendingPathComponent("zero.csv")
        try FileManager.default.createSymbolicLink(atPath: zero.path, withDestinationPath: "/dev/zero")
        #expect(message(zero) == "zero.csv: it is a link to a device, not a file; a data file is CSV text")
        let inner = folder.appendingPathComponent("inner.csv")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: false)
        #expect(message(inner) == "inner.csv: it is a folder, not a file; a data file is CSV text")
        #expect(message(folder.appendingPathComponent("gone.csv")) == "gone.csv: there is no such file")
    }

    @Test func anUnreadableFileGivesTheSystemsReasonWithoutAnErrorCode() throws {
        guard getuid() != 0 else { return }  // root reads any file
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("locked.csv")
        try Data("x1,label\n1,0\n".utf8).write(to: file)
        #expect(chmod(file.path, 0) == 0)
        #expect(message(file) == "locked.csv: you do not have permission to read it; check its permissions (chmod u+r)")
    }
}
