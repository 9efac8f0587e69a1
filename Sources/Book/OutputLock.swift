import Datasets
import Foundation

/// The output folder's lock: one `lessons` run writes into a folder at a time.
///
/// The lock is `flock` on `output/.lessons-lock`, which the system releases when the process
/// ends however it ends, so a killed run never leaves the folder locked. The holder writes
/// its process id and command into the file, so a second run can say who holds it; it empties
/// the file when it lets go, so the folder's bytes do not depend on who wrote it last.
public final class OutputLock: @unchecked Sendable {
    /// The lock file's name.
    public static let fileName = ".lessons-lock"

    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock of `output` (which must exist) for the run of `command` (as the user
    /// typed it, like `lessons all`).
    ///
    /// - Throws: when another run holds it, naming that run's process id and command.
    public static func acquire(_ output: URL, command: String) throws(BookWriter.WriteError) -> OutputLock {
        let path = output.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BookWriter.WriteError(
                description: "cannot lock \(path): \(TextFile.systemMessage(errno)); check that you may write into \(output.relativePath)")
        }
        // An empty file under a held lock means its holder has just taken it and not yet said
        // who it is, or is letting go: both pass within milliseconds, so try again a while.
        var attempt = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.holder(descriptor)
            attempt += 1
            guard holder == nil && attempt < 50 else {
                close(descriptor)
                let shown = output.relativePath.hasSuffix("/") ? output.relativePath : output.relativePath + "/"
                throw BookWriter.WriteError(
                    description: "\(shown) is being written by another lessons run "
                        + "(\(holder ?? "its process id could not be read")); wait for it or stop it")
            }
            usleep(10_000)
        }
        let line = Data("\(ProcessInfo.processInfo.processIdentifier)\n\(command)\n".utf8)
        ftruncate(descriptor, 0)
        _ = line.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return OutputLock(descriptor: descriptor)
    }

    /// Lets go of the lock (also when the lock is dropped).
    public func release() {
        guard descriptor >= 0 else { return }
        ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// "pid 1234, `lessons watch`", read from the lock file, or `nil` while it is empty.
    private static func holder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        let lines = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).split(separator: "\n")
        return lines.count >= 2 ? "pid \(lines[0]), `\(lines[1])`" : nil
    }
}
