/// The few drawing primitives every figure is made of; a backend implements them.
///
/// As in matplotlib's backend interface, artists (``Mark``s, axes, legends) know nothing about
/// the backend: they build ``Path``s and text in figure points (origin top-left, `y` down) and
/// hand them to a renderer. ``CairoRenderer`` draws them into an image surface.
public protocol Renderer: AnyObject {
    /// The appearance the renderer draws in: it maps the colours of paths, text and markers
    /// itself; marks that make images from a ``Colormap`` ask it for the colour map
    /// (``Appearance/colormap(_:)``). Images are drawn as given.
    var appearance: Appearance { get }

    /// Runs `body` drawing in `appearance` instead (marks whose colours must not change, like
    /// lines over a colour map that is the same in every appearance).
    func withAppearance(_ appearance: Appearance, _ body: () -> Void)

    /// Fills and/or strokes a path. Pass `nil` for the part that should not be drawn.
    func draw(_ path: Path, fill: Color?, stroke: StrokeStyle?)

    /// Draws one line of text so that the `anchor` point of its box lies at `position`,
    /// rotated by `angle` radians about that point (negative turns it anticlockwise on screen).
    func drawText(_ text: String, at position: Point, style: TextStyle, anchor: TextAnchor, angle: Double)

    /// Measures one line of text.
    func measure(_ text: String, style: TextStyle) -> TextExtents

    /// Draws an image scaled into `rect`; `smooth` interpolates between pixels, otherwise each
    /// image pixel becomes a sharp-edged block.
    func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool, opacity: Double)

    /// Draws the same marker (a path around the origin) centred at each point, like
    /// matplotlib's `draw_markers`; a backend may rasterize the marker once and stamp it.
    func drawMarkers(_ marker: Path, at centers: [Point], fill: Color?, stroke: StrokeStyle?)

    /// Restricts drawing to `rect` until the matching ``popClip()``.
    func pushClip(_ rect: Rect)

    /// Removes the clip set by the latest ``pushClip(_:)``.
    func popClip()
}

extension Renderer {
    /// The light appearance, for renderers that do not draw in another.
    public var appearance: Appearance { .light }

    /// Runs `body`: a renderer that maps no colours has nothing to change.
    public func withAppearance(_ appearance: Appearance, _ body: () -> Void) { body() }

    /// Fills a path.
    public func fill(_ path: Path, color: Color) { draw(path, fill: color, stroke: nil) }

    /// Strokes a path.
    public func stroke(_ path: Path, style: StrokeStyle) { draw(path, fill: nil, stroke: style) }

    /// Draws unrotated text.
    public func drawText(_ text: String, at position: Point, style: TextStyle, anchor: TextAnchor) {
        drawText(text, at: position, style: style, anchor: anchor, angle: 0)
    }

    /// Draws the marker at each point as a separate path.
    public func drawMarkers(_ marker: Path, at centers: [Point], fill: Color?, stroke: StrokeStyle?) {
        for center in centers { draw(marker.translated(by: center), fill: fill, stroke: stroke) }
    }

    /// Runs `body` with drawing clipped to `rect`.
    public func withClip(_ rect: Rect, _ body: () -> Void) {
        pushClip(rect)
        body()
        popClip()
    }
}
