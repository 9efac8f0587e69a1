/// A piece of text at a data point.
public struct TextMark: Mark {
    /// The text.
    public var text: String
    /// The data x of the anchor.
    public var x: Double
    /// The data y of the anchor.
    public var y: Double
    /// Which point of the text sits at `(x, y)`.
    public var anchor: TextAnchor
    /// The font size and colour.
    public var style: TextStyle

    /// Creates a text mark.
    public init(text: String, x: Double, y: Double, anchor: TextAnchor, style: TextStyle = Theme.annotation) {
        self.text = text
        self.x = x
        self.y = y
        self.anchor = anchor
        self.style = style
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? { nil }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        renderer.drawText(text, at: frame.point(x: x, y: y), style: style, anchor: anchor)
    }
}
