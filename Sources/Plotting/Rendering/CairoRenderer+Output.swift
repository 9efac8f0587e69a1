import CCairo
import Foundation

extension CairoRenderer {
    /// Checks that no drawing call has put the context into an error state.
    ///
    /// - Throws: ``CairoError`` with Cairo's status.
    public func checkStatus() throws(CairoError) {
        try CairoError.check(cairo_status(context), "drawing")
    }

    /// Writes the surface to a PNG file with Cairo's own writer.
    ///
    /// - Throws: ``CairoError`` if drawing failed or the file cannot be written.
    public func writePNG(to path: String) throws(CairoError) {
        try checkStatus()
        cairo_surface_flush(surface)
        try CairoError.check(cairo_surface_write_to_png(surface, path), "writing \(path)")
    }

    /// The surface encoded as PNG bytes.
    ///
    /// - Throws: ``CairoError`` if drawing or encoding failed.
    public func pngData() throws(CairoError) -> [UInt8] {
        try checkStatus()
        cairo_surface_flush(surface)
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(
            surface,
            { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            },
            Unmanaged.passUnretained(sink).toOpaque())
        try withExtendedLifetime(sink) { () throws(CairoError) in
            try CairoError.check(status, "encoding a PNG")
        }
        return sink.bytes
    }

    /// The surface's pixels.
    public func bitmap() -> Bitmap {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt32](repeating: 0, count: width * height)
        // RGB24 leaves the top byte undefined; such pixels are opaque.
        let opaque: UInt32 = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24 ? 0xFF00_0000 : 0
        if let data = cairo_image_surface_get_data(surface) {
            // Row by row (the stride may pad them), then the alpha byte set in one pass: an
            // animation reads back every frame of four drawings, and debug builds are slow per pixel.
            pixels.withUnsafeMutableBufferPointer { out in
                for row in 0..<height {
                    memcpy(out.baseAddress! + row * width, data + row * stride, width * 4)
                }
                if opaque != 0 {
                    for index in out.indices { out[index] |= opaque }
                }
            }
        }
        return Bitmap(width: width, height: height, scale: scale, pixels: pixels)
    }
}

/// Collects the bytes Cairo's PNG writer streams out.
private final class PNGSink {
    var bytes: [UInt8] = []
}
