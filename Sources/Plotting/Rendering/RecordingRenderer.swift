/// A ``Renderer`` that draws nothing and records each call as a line of text.
///
/// It shows that marks and axes only talk to the `Renderer` protocol, and lets tests check
/// what a figure draws (which texts, how many paths) without Cairo or fonts. Text is measured
/// with a fixed advance of 0.6 em per character.
public final class RecordingRenderer: Renderer {
    /// One line per call, in order: `path`, `markers`, `text`, `image`, `clip`, `unclip`.
    public private(set) var commands: [String] = []

    /// The appearance whose colours are recorded.
    public private(set) var appearance: Appearance

    /// Creates an empty recording of colours in `appearance`.
    public init(appearance: Appearance = .light) {
        self.appearance = appearance
    }

    /// The texts drawn, in order.
    public var texts: [String] {
        commands.compactMap { $0.hasPrefix("text ") ? String($0.dropFirst(5).prefix { $0 != "@" }.dropLast()) : nil }
    }

    /// Records a path: its element count and whether it is filled and stroked.
    public func draw(_ path: Path, fill: Color?, stroke: StrokeStyle?) {
        let fillText = fill.map { " fill \(appearance.color($0).rgba8)" } ?? ""
        let strokeText = stroke.map { " stroke \(appearance.color($0.color).rgba8) \(format($0.width))" } ?? ""
        commands.append("path \(path.elements.count)\(fillText)\(strokeText)")
    }

    /// Records a text and where it goes.
    public func drawText(_ text: String, at position: Point, style: TextStyle, anchor: TextAnchor, angle: Double) {
        commands.append("text \(text) @ \(format(position.x)),\(format(position.y)) size \(format(style.size))")
    }

    /// Measures text as 0.6 em per character, with DejaVu-like ascent and descent.
    public func measure(_ text: String, style: TextStyle) -> TextExtents {
        TextExtents(
            width: 0.6 * style.size * Double(text.count), ascent: 0.93 * style.size, descent: 0.24 * style.size,
            capHeight: 0.729 * style.size)
    }

    /// Records an image's size and where it goes.
    public func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool, opacity: Double) {
        commands.append("image \(image.width)×\(image.height) in \(format(rect.width))×\(format(rect.height))")
    }

    /// Records a batch of markers.
    public func drawMarkers(_ marker: Path, at centers: [Point], fill: Color?, stroke: StrokeStyle?) {
        commands.append("markers \(centers.count)\(fill.map { " fill \(appearance.color($0).rgba8)" } ?? "")")
    }

    /// Runs `body` recording colours in `appearance` instead.
    public func withAppearance(_ appearance: Appearance, _ body: () -> Void) {
        let saved = self.appearance
        self.appearance = appearance
        body()
        self.appearance = saved
    }

    /// Records a clip.
    public func pushClip(_ rect: Rect) {
        commands.append("clip \(format(rect.x)),\(format(rect.y)) \(format(rect.width))×\(format(rect.height))")
    }

    /// Records the end of a clip.
    public func popClip() {
        commands.append("unclip")
    }

    private func format(_ value: Double) -> String {
        TickLocator.compact(value).replacingOccurrences(of: "\u{2212}", with: "-")
    }
}
