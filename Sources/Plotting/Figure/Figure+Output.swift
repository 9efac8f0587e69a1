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

extension Figure {
    /// Renders `frames`, all in `layout` and `appearance`, and assembles them into an animated
    /// PNG (``AnimatedPNG``) that plays forever, frame `i` showing for `delays[i]`.
    ///
    /// The frames are figures of the same size and kind (the same axes, colours and scale, with
    /// what changes drawn differently); the first is the default image that viewers without
    /// animation show. The same frames always give the same bytes.
    ///
    /// - Throws: ``AnimatedPNG/Failure/tooLarge(limit:frame:frameCount:)`` as soon as the file
    ///   passes `byteLimit`, before the frames after it are rendered; ``AnimatedPNG/Failure/rendering(_:)``
    ///   if Cairo fails.
    public static func animatedPNGData(
        _ frames: [Figure], delays: [AnimatedPNG.Delay], appearance: Appearance = .light, layout: FigureLayout,
        byteLimit: Int? = nil
    ) throws(AnimatedPNG.Failure) -> [UInt8] {
        precondition(!frames.isEmpty && delays.count == frames.count, "Figure.animatedPNGData: \(frames.count) frames, \(delays.count) delays")
        var writer: AnimatedPNG?
        for (frame, delay) in zip(frames, delays) {
            let bitmap: Bitmap
            do {
                bitmap = try frame.render(appearance: appearance, layout: layout).bitmap()
            } catch {
                throw .rendering(error)
            }
            if writer == nil {
                writer = AnimatedPNG(
                    width: bitmap.width, height: bitmap.height, hasAlpha: appearance.color(frame.background).alpha < 1,
                    frameCount: frames.count, byteLimit: byteLimit)
            }
            try writer!.add(bitmap, delay: delay)
        }
        return writer!.finish()
    }
}
