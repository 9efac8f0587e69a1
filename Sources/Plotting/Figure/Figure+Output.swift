extension Figure {
    /// Renders the figure into a new Cairo image surface, in `appearance` and at its own size
    /// or in `layout`.
    ///
    /// - Throws: ``CairoError`` if Cairo cannot create the surface or drawing fails.
    public func render(appearance: Appearance = .light, layout: FigureLayout? = nil) throws(CairoError) -> CairoRenderer {
        let layout = layout ?? naturalLayout
        let renderer = try CairoRenderer(
            size: Size(width: layout.width, height: layout.height), scale: scale,
            background: appearance.color(background), appearance: appearance)
        draw(with: renderer, layout: layout)
        try renderer.checkStatus()
        return renderer
    }

    /// Renders the figure and writes it as a PNG file.
    ///
    /// - Throws: ``CairoError`` if rendering or writing fails.
    public func writePNG(to path: String, appearance: Appearance = .light, layout: FigureLayout? = nil) throws(CairoError) {
        try render(appearance: appearance, layout: layout).writePNG(to: path)
    }

    /// Renders the figure and returns the PNG bytes.
    ///
    /// The same figure always gives the same bytes.
    ///
    /// - Throws: ``CairoError`` if rendering or encoding fails.
    public func pngData(appearance: Appearance = .light, layout: FigureLayout? = nil) throws(CairoError) -> [UInt8] {
        try render(appearance: appearance, layout: layout).pngData()
    }

    /// Renders the figure and returns its pixels.
    ///
    /// - Throws: ``CairoError`` if rendering fails.
    public func bitmap(appearance: Appearance = .light, layout: FigureLayout? = nil) throws(CairoError) -> Bitmap {
        try render(appearance: appearance, layout: layout).bitmap()
    }
}
