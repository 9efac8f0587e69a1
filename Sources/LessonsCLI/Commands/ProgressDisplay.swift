import Book
import Dispatch
import Foundation
import LessonFormat
import LessonRuntime

/// Shows training progress on standard error, for one chapter or several running at once,
/// and keeps it apart from the lines the commands print.
///
/// On a terminal, one status line is redrawn in place: the training chapter's epoch, loss,
/// accuracy and time left, or with several chapters training, each one's epoch and time
/// left, side by side. Elsewhere (a log file, CI), plain lines a few seconds apart per
/// chapter. Safe to call from several threads.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    /// The latest progress of each chapter that trains, in the order they started.
    private var training: [TrainingProgress] = []
    private var lastDrawn: UInt64 = 0
    private var lastLogged: [String: UInt64] = [:]
    private var lineIsOpen = false

    /// Takes `progress` in, and shows it if enough time has passed since the last line
    /// (always a run's last epoch).
    func show(_ progress: TrainingProgress) {
        lock.lock()
        defer { lock.unlock() }
        if let index = training.firstIndex(where: { $0.lesson == progress.lesson }) {
            training[index] = progress
        } else {
            training.append(progress)
        }
        let now = DispatchTime.now().uptimeNanoseconds
        let last = progress.epoch == progress.epochs
        if isTerminal {
            guard last || now - lastDrawn >= 100_000_000 else { return }
            lastDrawn = now
            draw()
        } else {
            guard last || now - lastLogged[progress.lesson, default: 0] >= 5_000_000_000 else { return }
            lastLogged[progress.lesson] = now
            FileHandle.standardError.write(Data((Self.line(progress) + "\n").utf8))
        }
    }

    /// Ends the progress of the chapter of the lesson at `lesson` (its path), then runs
    /// `output` (the lines to print about it) with the status line out of the way.
    func finish(_ lesson: String, then output: () -> Void = {}) {
        lock.lock()
        defer { lock.unlock() }
        training.removeAll { $0.lesson == lesson }
        lastLogged[lesson] = nil
        if lineIsOpen {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            lineIsOpen = false
        }
        output()
        fflush(nil)  // the lines printed to standard output come before the status line
        if isTerminal, !training.isEmpty { draw() }
    }

    /// Redraws the status line (the lock is held).
    private func draw() {
        guard !training.isEmpty else { return }
        var line: String
        if training.count == 1 {
            line = Self.line(training[0])
        } else {
            line = "  " + training.map(Self.shortLine).joined(separator: " · ")
        }
        let width = Self.terminalWidth()
        if line.count >= width { line = String(line.prefix(max(width - 2, 1))) + "…" }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        lineIsOpen = true
    }

    /// The full line of one chapter's progress.
    private static func line(_ progress: TrainingProgress) -> String {
        let accuracy = progress.accuracy.map { String(format: "  accuracy %.1f %%", $0 * 100) } ?? ""
        return String(
            format: "  %@: epoch %d/%d  loss %.4g%@  %@",
            progress.lesson, progress.epoch, progress.epochs, progress.loss, accuracy, time(progress))
    }

    /// One chapter's progress among several: its name, epoch and time left (or taken).
    private static func shortLine(_ progress: TrainingProgress) -> String {
        let name = URL(fileURLWithPath: progress.lesson).deletingPathExtension().lastPathComponent
        return String(format: "%@ %d/%d %@", name, progress.epoch, progress.epochs, time(progress))
    }

    /// The time a run took, after its last epoch, or the time it has left.
    private static func time(_ progress: TrainingProgress) -> String {
        progress.epoch == progress.epochs
            ? String(format: "%.1f s", progress.elapsed) : String(format: "~%.0f s left", progress.remaining)
    }

    /// The width of the terminal standard error shows on (80 when it cannot be told).
    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(FileHandle.standardError.fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
