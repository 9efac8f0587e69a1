import Foundation

/// Breaking a line of text that is too wide (a title in a narrow figure) into lines at spaces.
enum TextLines {
    /// The gap between broken lines, in points.
    static let gap = 3.0

    /// `text` as lines no wider than `width` where spaces allow; a single word wider than
    /// `width` stays whole. Text that fits is one line, unchanged.
    static func wrap(_ text: String, width: Double, style: TextStyle, renderer: any Renderer) -> [String] {
        guard renderer.measure(text, style: style).width > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if !current.isEmpty, renderer.measure(candidate, style: style).width > width {
                lines.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return trimmed.isEmpty ? [text] : trimmed
    }
}
