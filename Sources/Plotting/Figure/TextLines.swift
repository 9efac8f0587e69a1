import Foundation

/// Breaking a line of text that is too wide (a title in a narrow figure) into lines at spaces.
enum TextLines {
    /// The gap between broken lines, in points.
    static let gap = 3.0

    /// `text` as lines no wider than `width` where spaces allow, as even in length as the
    /// fewest lines allow (no lone last word); a single word wider than `width` stays whole.
    /// Text that fits is one line, unchanged.
    static func wrap(_ text: String, width: Double, style: TextStyle, renderer: any Renderer) -> [String] {
        let full = renderer.measure(text, style: style).width
        guard full > width else { return [text] }
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1 else { return [text] }
        let widths = words.map { renderer.measure($0, style: style).width }
        let space = renderer.measure(" ", style: style).width
        func greedy(_ limit: Double) -> [String] {
            var lines: [[Int]] = [[]]
            var current = 0.0
            for (index, w) in widths.enumerated() {
                if !lines[lines.count - 1].isEmpty, current + space + w > limit {
                    lines.append([index])
                    current = w
                } else {
                    current += (lines[lines.count - 1].isEmpty ? 0 : space) + w
                    lines[lines.count - 1].append(index)
                }
            }
            return lines.map { $0.map { words[$0] }.joined(separator: " ") }
        }
        let count = greedy(width).count
        // The narrowest limit that still needs no more lines gives the most even lines.
        var low = widths.max() ?? 0
        var high = width
        for _ in 0..<24 where high - low > 0.5 {
            let middle = (low + high) / 2
            if greedy(middle).count <= count { high = middle } else { low = middle }
        }
        return greedy(high)
    }
}
