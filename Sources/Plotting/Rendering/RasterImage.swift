/// A small image of colours, row after row from the top, drawn by a ``Renderer`` scaled into a
/// rectangle (heatmaps, digits, weight images).
public struct RasterImage: Sendable {
    /// The number of columns.
    public let width: Int
    /// The number of rows.
    public let height: Int
    /// Pixels in Cairo's native layout: premultiplied `0xAARRGGBB` in a `UInt32`, row after row
    /// from the top.
    public var pixels: [UInt32]

    /// Creates an image of one colour.
    public init(width: Int, height: Int, fill: Color = .clear) {
        precondition(width > 0 && height > 0, "RasterImage: empty size \(width)×\(height)")
        self.width = width
        self.height = height
        self.pixels = Array(repeating: RasterImage.packed(fill), count: width * height)
    }

    /// Sets the pixel at a column and row (row 0 is the top).
    public mutating func setColor(_ color: Color, column: Int, row: Int) {
        pixels[row * width + column] = RasterImage.packed(color)
    }

    /// Sets the pixel at a column and row from an already packed value.
    mutating func setPacked(_ value: UInt32, column: Int, row: Int) {
        pixels[row * width + column] = value
    }

    /// A colour packed as premultiplied native-endian ARGB, the layout of Cairo's image surfaces.
    static func packed(_ color: Color) -> UInt32 {
        let c = color.rgba8
        let a = UInt32(c.alpha)
        func premultiplied(_ v: UInt8) -> UInt32 { a == 255 ? UInt32(v) : (UInt32(v) * a + 127) / 255 }
        return a << 24 | premultiplied(c.red) << 16 | premultiplied(c.green) << 8 | premultiplied(c.blue)
    }
}
