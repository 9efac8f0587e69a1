/// How a path's outline is drawn.
public struct StrokeStyle: Hashable, Sendable {
    /// How the ends of open lines look.
    public enum Cap: Sendable { case butt, round, square }
    /// How corners between segments look.
    public enum Join: Sendable { case miter, round, bevel }

    /// The line colour.
    public var color: Color
    /// The line width in points.
    public var width: Double
    /// Lengths of alternating dashes and gaps in points; empty for a solid line.
    public var dash: [Double]
    /// The end caps.
    public var cap: Cap
    /// The corner joins.
    public var join: Join

    /// Creates a stroke style.
    public init(
        color: Color, width: Double = 1, dash: [Double] = [], cap: Cap = .butt, join: Join = .round
    ) {
        self.color = color
        self.width = width
        self.dash = dash
        self.cap = cap
        self.join = join
    }
}

/// How text is set: DejaVu Sans at a size in points.
public struct TextStyle: Hashable, Sendable {
    /// The font weight.
    public enum Weight: Sendable { case regular, bold }

    /// The font size in points.
    public var size: Double
    /// The font weight.
    public var weight: Weight
    /// The text colour.
    public var color: Color

    /// Creates a text style.
    public init(size: Double, weight: Weight = .regular, color: Color = .black) {
        self.size = size
        self.weight = weight
        self.color = color
    }
}

/// Which point of a text's box is placed at the anchor point.
public struct TextAnchor: Hashable, Sendable {
    /// Horizontal placement of the text relative to the anchor.
    public enum Horizontal: Sendable { case left, center, right }
    /// Vertical placement of the text relative to the anchor: `top` puts the cap height's top
    /// at the anchor, `center` the middle of the cap height, `baseline` the baseline, and
    /// `bottom` the lowest descender.
    public enum Vertical: Sendable { case top, center, baseline, bottom }

    /// The horizontal placement.
    public var horizontal: Horizontal
    /// The vertical placement.
    public var vertical: Vertical

    /// Creates an anchor.
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// The text is centred on the anchor point.
    public static let center = TextAnchor(.center, .center)
}

/// The measured size of a line of text.
public struct TextExtents: Hashable, Sendable {
    /// The advance width in points.
    public var width: Double
    /// The font's ascent above the baseline, in points.
    public var ascent: Double
    /// The font's descent below the baseline, in points (positive).
    public var descent: Double
    /// The height of capital letters and digits above the baseline, in points.
    public var capHeight: Double

    /// Creates text extents.
    public init(width: Double, ascent: Double, descent: Double, capHeight: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
    }

    /// The line height (ascent plus descent).
    public var height: Double { ascent + descent }
}
