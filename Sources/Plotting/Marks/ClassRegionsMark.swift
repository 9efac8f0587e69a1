/// The regions where a classifier decides each class: every cell of a grid of class indices in
/// its class's flat pale tint (``Palette/regionTint(_:)``), with one legend patch per class.
///
/// For a hard decision (a hard-limit output, an arg-max over several outputs) there are only
/// classes, no values in between, so a continuous colour scale would show shades that never
/// occur; flat colours and a legend say what the plot means.
public struct ClassRegionsMark: Mark {
    /// The class index at each cell (a whole number; other values are drawn as the nearest class).
    public var grid: ValueGrid
    /// The fill of each class.
    public var colors: [Color]
    /// The legend label of each class's patch.
    public var labels: [String]

    /// Creates a class-regions mark; `colors` default to the classes' pale tints.
    public init(grid: ValueGrid, labels: [String], colors: [Color]? = nil) {
        precondition(!labels.isEmpty, "classRegions: no classes")
        let colors = colors ?? labels.indices.map(Palette.regionTint)
        precondition(colors.count == labels.count, "classRegions: \(colors.count) colours for \(labels.count) classes")
        self.grid = grid
        self.colors = colors
        self.labels = labels
    }

    /// The class drawn for a grid value: the nearest index, clamped to the classes.
    func classIndex(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        return min(max(Int(value.rounded()), 0), colors.count - 1)
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? { DataBounds(x: grid.x, y: grid.y, isTight: true) }

    /// One patch per class.
    public var legendEntries: [LegendEntry] {
        zip(labels, colors).map { LegendEntry(label: $0, color: $1) }
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        // The patches in the legend go through the renderer's colour mapping; so do the cells.
        let packed = colors.map { RasterImage.packed(renderer.appearance.color($0)) }
        var image = RasterImage(width: grid.columns, height: grid.rows)
        let yUp = frame.yScale.start > frame.yScale.end
        for row in 0..<grid.rows {
            let imageRow = yUp ? grid.rows - 1 - row : row
            for column in 0..<grid.columns {
                image.setPacked(packed[classIndex(grid.values[row][column])], column: column, row: imageRow)
            }
        }
        renderer.drawImage(image, in: frame.rect(x: grid.x, y: grid.y), smooth: false, opacity: 1)
    }
}
