/// A confusion matrix: cell `(true, predicted)` shaded by its count and labelled with it.
///
/// Row 0 is drawn on top when the axes' y grows downwards.
public struct ConfusionMatrixMark: Mark {
    /// `counts[true][predicted]`.
    public var counts: [[Int]]
    /// The shading.
    public var colormap: Colormap

    /// Creates a confusion-matrix mark.
    public init(counts: [[Int]], colormap: Colormap = .blues) {
        self.counts = counts
        self.colormap = colormap
    }

    /// The counts mapped onto the colour map: zero to the largest count.
    public var range: ClosedRange<Double> {
        0...Double(max(1, counts.flatMap { $0 }.max() ?? 1))
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? {
        DataBounds(x: 0...Double(counts.count), y: 0...Double(counts.count), isTight: true)
    }

    /// The fill colour of a cell.
    public func color(row: Int, column: Int) -> Color {
        colormap.color(for: Double(counts[row][column]), in: range)
    }

    /// Draws the mark inside the plot area.
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        let k = counts.count
        let values = counts.map { row in row.map(Double.init) }
        ImageMark(pixels: values, colormap: colormap, range: range).draw(in: frame, renderer: renderer)
        let cell = frame.rect(x: 0...1, y: 0...1)
        // As large as the tick labels, or as the cells allow: the widest count fits its cell.
        let widest = counts.joined().map { renderer.measure(String($0), style: TextStyle(size: 1)).width }.max() ?? 1
        let size = min(Theme.tickLabel.size, cell.height * 0.42, max(cell.width * 0.3, (cell.width - 4) / widest))
        for row in 0..<k {
            for column in 0..<k {
                let center = frame.point(x: Double(column) + 0.5, y: Double(row) + 0.5)
                // The count reads on the cell as drawn: light text on dark cells, dark on light.
                let background = renderer.appearance.colormap(colormap).color(
                    for: Double(counts[row][column]), in: range)
                let ink = renderer.appearance.textColor(on: background)
                renderer.drawText(
                    String(counts[row][column]), at: center, style: TextStyle(size: size, color: ink), anchor: .center)
            }
        }
    }
}
