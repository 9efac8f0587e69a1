extension Figure {
    /// Renders the figure into a new Cairo image surface.
    ///
    /// - Throws: ``CairoError`` if Cairo cannot create the surface or drawing fails.
    public func render() throws(CairoError) -> CairoRenderer {
        let renderer = try CairoRenderer(size: Size(width: width, height: height), scale: scale, background: background)
        draw(with: renderer)
        try renderer.checkStatus()
        return renderer
    }

    /// Renders the figure and writes it as a PNG file.
    ///
    /// - Throws: ``CairoError`` if rendering or writing fails.
    public func writePNG(to path: String) throws(CairoError) {
        try render().writePNG(to: path)
    }

    /// Renders the figure and returns the PNG bytes.
    ///
    /// The same figure always gives the same bytes.
    ///
    /// - Throws: ``CairoError`` if rendering or encoding fails.
    public func pngData() throws(CairoError) -> [UInt8] {
        try render().pngData()
    }

    /// Renders the figure and returns its pixels.
    ///
    /// - Throws: ``CairoError`` if rendering fails.
    public func bitmap() throws(CairoError) -> Bitmap {
        try render().bitmap()
    }
}
