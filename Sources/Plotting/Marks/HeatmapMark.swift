/// A grid of values drawn as coloured cells (decision regions, a function over the plane).
public struct HeatmapMark: Mark {
    /// The values and the rectangle they cover.
    public var grid: ValueGrid
    /// The colour map.
    public var colormap: Colormap
    /// The values mapped onto the ends of the colour map.
    public var range: ClosedRange<Double>
    /// The heatmap's opacity over the background.
    public var opacity: Double
    /// Whether to interpolate between cells rather than draw sharp-edged blocks.
    public var smooth: Bool

    /// Creates a heatmap; `range` defaults to the grid's smallest and largest values.
    public init(
        grid: ValueGrid, colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil, opacity: Double = 1,
        smooth: Bool = false
    ) {
        self.grid = grid
        self.colormap = colormap
        self.range = range ?? grid.valueRange
        self.opacity = opacity
        self.smooth = smooth
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? { DataBounds(x: grid.x, y: grid.y, isTight: true) }

    /// The grid as an image in `appearance`, top row first for a y axis that grows upwards.
    func image(flipped: Bool, appearance: Appearance = .light) -> RasterImage {
        let colormap = appearance.colormap(colormap)
        var image = RasterImage(width: grid.columns, height: grid.rows)
        for row in 0..<grid.rows {
            let imageRow = flipped ? grid.rows - 1 - row : row
            let values = grid.values[row]
            for column in 0..<grid.columns {
                image.setPacked(colormap.packedColor(for: values[column], in: range), column: column, row: imageRow)
            }
        }
        return image
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        let rect = frame.rect(x: grid.x, y: grid.y)
        let yUp = frame.yScale.start > frame.yScale.end
        renderer.drawImage(image(flipped: yUp, appearance: renderer.appearance), in: rect, smooth: smooth, opacity: opacity)
    }
}
