import CCairo
import Foundation
import Testing

/// Calls through the `CCairo` system-library target: a filled rectangle on an image surface,
/// read back pixel by pixel and written as a PNG by Cairo's own writer.
@Suite struct CairoLinkTests {
    @Test func fillsARectangleAndWritesAPNG() throws {
        let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 20, 10))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let context = try #require(cairo_create(surface))
        defer { cairo_destroy(context) }

        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_set_source_rgb(context, 1, 0, 0)
        cairo_rectangle(context, 10, 0, 10, 10)
        cairo_fill(context)
        cairo_surface_flush(surface)

        let data = try #require(cairo_image_surface_get_data(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        func pixel(_ x: Int, _ y: Int) -> UInt32 {
            UnsafeRawPointer(data + y * stride + x * 4).loadUnaligned(as: UInt32.self)
        }
        #expect(pixel(2, 5) == 0xFFFF_FFFF)  // white, opaque (native-endian ARGB)
        #expect(pixel(15, 5) == 0xFFFF_0000)  // red, opaque

        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cairo-link-\(getpid()).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }
}
