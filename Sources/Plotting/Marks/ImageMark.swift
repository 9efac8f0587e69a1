/// A small image of values (a 28 × 28 digit, a unit's weights) drawn through a colour map.
///
/// Pixel `(row, column)` covers the data square `column...column+1 × row...row+1`; axes showing
/// images set `yInverted` so row 0 is on top.
public struct ImageMark: Mark {
    /// The values, top row first.
    public var pixels: [[Double]]
    /// The colour map.
    public var colormap: Colormap
    /// The values at the two ends of the map.
    public var range: ClosedRange<Double>

    /// Creates an image mark.
    public init(pixels: [[Double]], colormap: Colormap, range: ClosedRange<Double>) {
        precondition(!pixels.isEmpty && !pixels[0].isEmpty, "image: no pixels")
        for (index, row) in pixels.enumerated() {
            precondition(
                row.count == pixels[0].count,
                "image: row \(index) has \(row.count) pixels, row 0 has \(pixels[0].count)")
        }
        self.pixels = pixels
        self.colormap = colormap
        self.range = range
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? {
        DataBounds(x: 0...Double(pixels[0].count), y: 0...Double(pixels.count), isTight: true)
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        let rows = pixels.count
        let columns = pixels[0].count
        let colormap = renderer.appearance.colormap(colormap)
        var image = RasterImage(width: columns, height: rows)
        // Row 0 goes to the top when y grows downwards; otherwise the image is flipped.
        let rowZeroOnTop = frame.yScale.start < frame.yScale.end
        for row in 0..<rows {
            for column in 0..<columns {
                image.setPacked(
                    colormap.packedColor(for: pixels[row][column], in: range), column: column,
                    row: rowZeroOnTop ? row : rows - 1 - row)
            }
        }
        renderer.drawImage(
            image, in: frame.rect(x: 0...Double(columns), y: 0...Double(rows)), smooth: false, opacity: 1)
    }
}
