import Foundation

/// A one-line text progress bar for downloads, redrawn in place with a carriage return.
///
/// ```
/// train-images-idx3-ubyte.gz [###########-------------------]  37%   3.6 of 9.9 MB
/// ```
public struct ProgressBar: Sendable {
    /// Where the bar's text goes.
    public typealias Output = @Sendable (String) -> Void

    /// Writes to standard error, so the bar never mixes with a command's output.
    public static let standardError: Output = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The text before the bar, usually the file name.
    public let label: String
    /// The number of characters between the brackets.
    public let width: Int

    /// Creates a bar for `label`.
    public init(label: String, width: Int = 30) {
        self.label = label
        self.width = width
    }

    /// The line for `received` of `expected` bytes (`expected` < 0 when unknown), starting
    /// with a carriage return.
    public func line(received: Int64, expected: Int64) -> String {
        let megabytes = { (bytes: Int64) in String(format: "%5.1f", Double(bytes) / 1_000_000) }
        guard expected > 0 else { return "\r\(label) \(megabytes(received)) MB" }
        let fraction = min(1, Double(received) / Double(expected))
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(format: "%3d%%", Int(fraction * 100))
        return "\r\(label) [\(bar)] \(percent) \(megabytes(received)) of \(megabytes(expected)) MB"
    }
}
