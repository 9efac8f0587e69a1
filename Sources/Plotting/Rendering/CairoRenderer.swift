import CCairo

/// A ``Renderer`` that draws into a Cairo image surface (RGB24 on an opaque background,
/// ARGB32 otherwise), with sizes in points and a
/// pixel scale (2 by default) so text and lines stay sharp.
///
/// The surface and context are created in `init` and destroyed in `deinit`, so repeated
/// rendering does not leak. Text uses "DejaVu Sans" through Cairo's toy font API (fontconfig).
public final class CairoRenderer: Renderer {
    /// The drawing area in points.
    public let size: Size
    /// Pixels per point.
    public let scale: Double
    /// The appearance every colour is mapped through (the background is drawn as given).
    public private(set) var appearance: Appearance
    let surface: OpaquePointer
    let context: OpaquePointer
    private var clipDepth = 0

    /// Creates an image surface of `size` points filled with `background`, drawing the colours
    /// it is given in `appearance`.
    ///
    /// - Throws: ``CairoError`` if Cairo cannot create the surface or the context.
    public init(
        size: Size, scale: Double = 2, background: Color = .white, appearance: Appearance = .light
    ) throws(CairoError) {
        precondition(size.width > 0 && size.height > 0 && scale > 0, "CairoRenderer: empty size \(size)")
        self.size = size
        self.scale = scale
        self.appearance = appearance
        let pixelWidth = Int32((size.width * scale).rounded(.up))
        let pixelHeight = Int32((size.height * scale).rounded(.up))
        // An opaque background needs no alpha channel: RGB24 surfaces are written as RGB PNGs,
        // a quarter less data for the encoder than RGBA.
        let format = background.alpha >= 1 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32
        guard let surface = cairo_image_surface_create(format, pixelWidth, pixelHeight) else {
            throw CairoError(CAIRO_STATUS_NO_MEMORY, operation: "creating a \(pixelWidth)×\(pixelHeight) surface")
        }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw CairoError(surfaceStatus, operation: "creating a \(pixelWidth)×\(pixelHeight) surface")
        }
        let contextStatus = cairo_status(context)
        guard contextStatus == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
            throw CairoError(contextStatus, operation: "creating a drawing context")
        }
        self.surface = surface
        self.context = context
        cairo_scale(context, scale, scale)
        Self.configureFonts(context)
        cairo_set_source_rgba(context, background.red, background.green, background.blue, background.alpha)
        cairo_set_operator(context, CAIRO_OPERATOR_SOURCE)
        cairo_paint(context)
        cairo_set_operator(context, CAIRO_OPERATOR_OVER)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    // Unhinted metrics keep text widths proportional to the font size, so layout does not
    // jump between sizes; grey antialiasing avoids colour fringes in PNGs.
    private static func configureFonts(_ context: OpaquePointer) {
        guard let options = cairo_font_options_create() else { return }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    // MARK: - Renderer

    /// Fills and/or strokes a path.
    public func draw(_ path: Path, fill: Color?, stroke: StrokeStyle?) {
        Self.paint(path, fill: fill.map(appearance.color), stroke: stroke.map(appearance.stroke), in: context)
    }

    /// Fills and strokes a path in any Cairo context (the figure's, or a marker stamp's).
    static func paint(_ path: Path, fill: Color?, stroke: StrokeStyle?, in context: OpaquePointer) {
        guard fill != nil || stroke != nil else { return }
        appendPath(path, to: context)
        if let fill {
            cairo_set_source_rgba(context, fill.red, fill.green, fill.blue, fill.alpha)
            if stroke != nil { cairo_fill_preserve(context) } else { cairo_fill(context) }
        }
        if let stroke {
            let color = stroke.color
            cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
            cairo_set_line_width(context, stroke.width)
            cairo_set_line_cap(context, cairoCap(stroke.cap))
            cairo_set_line_join(context, cairoJoin(stroke.join))
            stroke.dash.withUnsafeBufferPointer { dashes in
                cairo_set_dash(context, dashes.baseAddress, Int32(dashes.count), 0)
            }
            cairo_stroke(context)
        }
    }

    /// Draws one line of text anchored at `position`, rotated by `angle`.
    public func drawText(_ text: String, at position: Point, style: TextStyle, anchor: TextAnchor, angle: Double) {
        guard !text.isEmpty else { return }
        let extents = measure(text, style: style)
        let dx: Double
        switch anchor.horizontal {
        case .left: dx = 0
        case .center: dx = -extents.width / 2
        case .right: dx = -extents.width
        }
        let dy: Double
        switch anchor.vertical {
        case .top: dy = extents.capHeight
        case .center: dy = extents.capHeight / 2
        case .baseline: dy = 0
        case .bottom: dy = -extents.descent
        }
        cairo_save(context)
        cairo_translate(context, position.x, position.y)
        if angle != 0 { cairo_rotate(context, angle) }
        cairo_move_to(context, dx, dy)
        setSource(appearance.color(style.color))
        cairo_show_text(context, text)
        cairo_new_path(context)
        cairo_restore(context)
    }

    /// Measures one line of text with Cairo's toy font API.
    public func measure(_ text: String, style: TextStyle) -> TextExtents {
        selectFont(style)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)
        var textExtents = cairo_text_extents_t()
        cairo_text_extents(context, text, &textExtents)
        // DejaVu Sans's capital height is 0.729 em.
        return TextExtents(
            width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent,
            capHeight: 0.729 * style.size)
    }

    /// Draws an image scaled into `rect`, with nearest-neighbour or bilinear filtering.
    public func drawImage(_ image: RasterImage, in rect: Rect, smooth: Bool, opacity: Double) {
        var pixels = image.pixels
        let stride = Int32(image.width * 4)
        pixels.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
                let source = cairo_image_surface_create_for_data(
                    base, CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height), stride)
            else { return }
            defer { cairo_surface_destroy(source) }
            cairo_save(context)
            cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
            cairo_clip(context)
            cairo_translate(context, rect.x, rect.y)
            cairo_scale(context, rect.width / Double(image.width), rect.height / Double(image.height))
            cairo_set_source_surface(context, source, 0, 0)
            if let pattern = cairo_get_source(context) {
                cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
                cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
            }
            if opacity >= 1 { cairo_paint(context) } else { cairo_paint_with_alpha(context, opacity) }
            cairo_restore(context)
        }
    }

    /// Runs `body` with colours mapped through `appearance` instead.
    public func withAppearance(_ appearance: Appearance, _ body: () -> Void) {
        let saved = self.appearance
        self.appearance = appearance
        body()
        self.appearance = saved
    }

    /// Restricts drawing to `rect` until the matching ``popClip()``.
    public func pushClip(_ rect: Rect) {
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        clipDepth += 1
    }

    /// Removes the latest clip.
    public func popClip() {
        precondition(clipDepth > 0, "CairoRenderer: popClip() without pushClip(_:)")
        clipDepth -= 1
        cairo_restore(context)
    }

    // MARK: - Helpers

    private static func appendPath(_ path: Path, to context: OpaquePointer) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(context, p.x, p.y)
            case .line(let p): cairo_line_to(context, p.x, p.y)
            case .arc(let center, let radius, let from, let to):
                cairo_arc(context, center.x, center.y, radius, from, to)
            case .close: cairo_close_path(context)
            }
        }
    }

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func selectFont(_ style: TextStyle) {
        let weight = style.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL
        cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, weight)
        cairo_set_font_size(context, style.size)
    }

    private static func cairoCap(_ cap: StrokeStyle.Cap) -> cairo_line_cap_t {
        switch cap {
        case .butt: CAIRO_LINE_CAP_BUTT
        case .round: CAIRO_LINE_CAP_ROUND
        case .square: CAIRO_LINE_CAP_SQUARE
        }
    }

    private static func cairoJoin(_ join: StrokeStyle.Join) -> cairo_line_join_t {
        switch join {
        case .miter: CAIRO_LINE_JOIN_MITER
        case .round: CAIRO_LINE_JOIN_ROUND
        case .bevel: CAIRO_LINE_JOIN_BEVEL
        }
    }
}
