/// The pixels of a rendered figure, read back from the image surface (for tests and checks).
public struct Bitmap: Sendable {
    /// The width in pixels.
    public let width: Int
    /// The height in pixels.
    public let height: Int
    /// Pixels per point.
    public let scale: Double
    /// Pixels as premultiplied native-endian `0xAARRGGBB`, row after row from the top.
    public let pixels: [UInt32]

    /// Creates a bitmap from pixels in Cairo's ARGB32 layout.
    public init(width: Int, height: Int, scale: Double, pixels: [UInt32]) {
        precondition(pixels.count == width * height, "Bitmap: \(pixels.count) pixels for \(width)×\(height)")
        self.width = width
        self.height = height
        self.scale = scale
        self.pixels = pixels
    }

    /// The colour of the pixel at a column and row (unpremultiplied).
    public func color(column: Int, row: Int) -> RGBA8 {
        precondition(
            column >= 0 && column < width && row >= 0 && row < height,
            "Bitmap: (\(column), \(row)) is outside \(width)×\(height)")
        let value = pixels[row * width + column]
        let alpha = UInt8(value >> 24)
        func channel(_ shift: UInt32) -> UInt8 {
            let v = (value >> shift) & 0xFF
            if alpha == 255 || alpha == 0 { return UInt8(v) }
            return UInt8(min(255, (v * 255 + UInt32(alpha) / 2) / UInt32(alpha)))
        }
        return RGBA8(red: channel(16), green: channel(8), blue: channel(0), alpha: alpha)
    }

    /// The colour of the pixel that covers a point given in figure points.
    public func color(at point: Point) -> RGBA8 {
        color(column: Int((point.x * scale).rounded(.down)), row: Int((point.y * scale).rounded(.down)))
    }
}
