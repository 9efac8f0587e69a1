/// A whole picture: one or more ``Axes`` side by side, an optional title, and a size in
/// points (rendered at 2 pixels per point).
///
/// ```swift
/// let figure = Figure(width: 640, height: 400)
/// let axes = figure.addAxes()
/// axes.scatter(points: [(0, 0), (1, 1)], classes: [0, 1])
/// axes.decisionLine(weights: [1, 1], bias: -1.5)
/// try figure.writePNG(to: "fig-01-and.png")
/// ```
public final class Figure {
    /// The width in points.
    public let width: Double
    /// The height in points.
    public let height: Double
    /// Pixels per point in the PNG.
    public var scale: Double = 2
    /// A title above all panels.
    public var title: String?
    /// The figure's background.
    public var background: Color = .white
    /// The axes, in the order they were added.
    public private(set) var axes: [Axes] = []

    /// Creates an empty figure of `width × height` points.
    public init(width: Double = 640, height: Double = 400) {
        precondition(width > 0 && height > 0, "Figure: empty size \(width)×\(height)")
        self.width = width
        self.height = height
    }

    /// Adds axes that fill the figure.
    @discardableResult
    public func addAxes() -> Axes {
        addAxes(row: 0, column: 0, rows: 1, columns: 1)
    }

    /// Adds axes in one cell of a `rows × columns` grid of panels (row 0 on top), optionally
    /// spanning several cells.
    @discardableResult
    public func addAxes(
        row: Int, column: Int, rows: Int, columns: Int, rowSpan: Int = 1, columnSpan: Int = 1
    ) -> Axes {
        precondition(
            row >= 0 && column >= 0 && row + rowSpan <= rows && column + columnSpan <= columns,
            "Figure: cell (\(row), \(column)) spanning \(rowSpan)×\(columnSpan) is outside a \(rows)×\(columns) grid")
        let axes = Axes(
            cell: GridCell(
                row: row, column: column, rows: rows, columns: columns, rowSpan: rowSpan, columnSpan: columnSpan))
        self.axes.append(axes)
        return axes
    }

    /// Adds a `rows × columns` grid of axes and returns them row by row.
    public func addAxesGrid(rows: Int, columns: Int) -> [Axes] {
        (0..<rows).flatMap { row in
            (0..<columns).map { column in addAxes(row: row, column: column, rows: rows, columns: columns) }
        }
    }

    /// Draws the figure through any renderer, at its own size and grid or in `layout`.
    public func draw(with renderer: any Renderer, layout: FigureLayout? = nil) {
        let layout = layout ?? naturalLayout
        var area = Rect(x: 0, y: 0, width: layout.width, height: layout.height).inset(by: 4)
        if let title {
            // A title wider than the figure is broken into lines.
            let lines = TextLines.wrap(title, width: area.width, style: Theme.figureTitle, renderer: renderer)
            let extents = renderer.measure(title, style: Theme.figureTitle)
            let lineStep = extents.capHeight + extents.descent + TextLines.gap
            for (index, line) in lines.enumerated() {
                renderer.drawText(
                    line, at: Point(x: layout.width / 2, y: area.minY + 4 + Double(index) * lineStep),
                    style: Theme.figureTitle, anchor: TextAnchor(.center, .top))
            }
            area = area.inset(top: 4 + extents.capHeight + extents.descent + 6 + Double(lines.count - 1) * lineStep)
        }
        for (index, axes) in axes.enumerated() {
            let cell = layout.columns.map { flowedCell(index, columns: $0) } ?? axes.cell
            axes.draw(in: cellRect(cell, in: area), renderer: renderer)
        }
    }

    private func cellRect(_ cell: GridCell, in area: Rect) -> Rect {
        let cellWidth = area.width / Double(cell.columns)
        let cellHeight = area.height / Double(cell.rows)
        return Rect(
            x: area.minX + Double(cell.column) * cellWidth, y: area.minY + Double(cell.row) * cellHeight,
            width: cellWidth * Double(cell.columnSpan), height: cellHeight * Double(cell.rowSpan))
    }
}
