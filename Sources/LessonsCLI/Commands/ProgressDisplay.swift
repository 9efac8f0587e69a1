import Dispatch
import Foundation
import Lessons

/// Shows training progress on standard error: one line redrawn in place on a terminal,
/// plain lines a few seconds apart otherwise (a log file or CI).
final class ProgressDisplay {
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var lastShown: UInt64 = 0
    private var lineIsOpen = false

    /// Shows `progress` if enough time has passed since the last line (always the last epoch).
    func show(_ progress: TrainingProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        let interval: UInt64 = isTerminal ? 100_000_000 : 5_000_000_000
        let last = progress.epoch == progress.epochs
        guard last || now - lastShown >= interval else { return }
        lastShown = now
        let line = String(
            format: "  %@: epoch %d/%d  loss %.4g  accuracy %.1f %%  %@",
            progress.lesson, progress.epoch, progress.epochs, progress.loss, progress.accuracy * 100,
            last ? String(format: "%.1f s", progress.elapsed) : String(format: "~%.0f s left", progress.remaining))
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            lineIsOpen = true
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Ends the line being redrawn, before other output.
    func finish() {
        if lineIsOpen { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        lineIsOpen = false
    }
}
