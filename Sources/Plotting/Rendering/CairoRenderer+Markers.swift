import CCairo

extension CairoRenderer {
    /// Stamps a marker rasterized once per quarter-pixel offset, instead of filling and
    /// stroking one path per point: scatter plots of thousands of points stay fast.
    ///
    /// The stamp for a point is chosen by its position's fractional pixel in quarters, so a
    /// marker lands within ⅛ pixel of where a path would put it.
    public func drawMarkers(_ marker: Path, at centers: [Point], fill: Color?, stroke: StrokeStyle?) {
        guard !centers.isEmpty, fill != nil || stroke != nil else { return }
        let fill = fill.map(appearance.color)
        let stroke = stroke.map(appearance.stroke)
        let extent = marker.extentFromOrigin + (stroke?.width ?? 0) / 2
        let pad = Int((extent * scale).rounded(.up)) + 2
        let side = 2 * pad + 1
        var stamps: [Int: OpaquePointer] = [:]
        defer { for stamp in stamps.values { cairo_surface_destroy(stamp) } }

        func stamp(_ qx: Int, _ qy: Int) -> OpaquePointer? {
            let key = qx * 4 + qy
            if let existing = stamps[key] { return existing }
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(side), Int32(side)) else {
                return nil
            }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let stampContext = cairo_create(surface) else {
                cairo_surface_destroy(surface)
                return nil
            }
            let offset = Point(x: Double(pad) + (Double(qx) + 0.5) / 4, y: Double(pad) + (Double(qy) + 0.5) / 4)
            cairo_translate(stampContext, offset.x, offset.y)
            cairo_scale(stampContext, scale, scale)
            CairoRenderer.paint(marker, fill: fill, stroke: stroke, in: stampContext)
            cairo_destroy(stampContext)
            cairo_surface_flush(surface)
            stamps[key] = surface
            return surface
        }

        cairo_save(context)
        cairo_identity_matrix(context)
        for center in centers where center.x.isFinite && center.y.isFinite {
            let deviceX = center.x * scale
            let deviceY = center.y * scale
            let pixelX = deviceX.rounded(.down)
            let pixelY = deviceY.rounded(.down)
            let qx = min(3, Int((deviceX - pixelX) * 4))
            let qy = min(3, Int((deviceY - pixelY) * 4))
            guard let surface = stamp(qx, qy) else { continue }
            let left = pixelX - Double(pad)
            let top = pixelY - Double(pad)
            cairo_set_source_surface(context, surface, left, top)
            cairo_rectangle(context, left, top, Double(side), Double(side))
            cairo_fill(context)
        }
        cairo_restore(context)
    }
}
