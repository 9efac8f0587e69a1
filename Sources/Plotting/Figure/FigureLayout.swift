/// The size a figure is drawn at, and how its panels are arranged: the figure's own size and
/// grid, or the same panels flowed row by row into another number of columns (small multiples
/// that fit a narrow column grow in height instead of width).
///
/// ```swift
/// let figure = Figure(width: 930, height: 500)   // 4 panels per row
/// let wide = figure.layout(fittingWidth: 740)     // 3 per row, 690 points wide
/// let narrow = figure.layout(fittingWidth: 340)   // 1 per row, taller
/// try figure.writePNG(to: "fig-narrow.png", layout: narrow)
/// ```
public struct FigureLayout: Hashable, Sendable {
    /// The width in points.
    public var width: Double
    /// The height in points.
    public var height: Double
    /// Panels per row when the axes flow in the order they were added; `nil` keeps the grid
    /// cells they were added in.
    public var columns: Int?

    /// Creates a layout.
    public init(width: Double, height: Double, columns: Int? = nil) {
        precondition(width > 0 && height > 0, "FigureLayout: empty size \(width)×\(height)")
        precondition(columns.map { $0 > 0 } ?? true, "FigureLayout: no columns")
        self.width = width
        self.height = height
        self.columns = columns
    }
}

extension Figure {
    /// The figure's own size and grid.
    public var naturalLayout: FigureLayout { FigureLayout(width: width, height: height) }

    /// The panels per row and rows of the figure's own grid, if its axes fill a grid row by
    /// row without spans (so they can flow into another number of columns); `nil` otherwise.
    public var panelGrid: (rows: Int, columns: Int)? {
        guard let first = axes.first else { return nil }
        let rows = first.cell.rows
        let columns = first.cell.columns
        for (index, axes) in axes.enumerated() {
            let cell = axes.cell
            guard cell.rows == rows, cell.columns == columns, cell.rowSpan == 1, cell.columnSpan == 1,
                cell.row == index / columns, cell.column == index % columns
            else { return nil }
        }
        return (rows, columns)
    }

    /// The layout that fits the figure into `maximumWidth` points: its own if it fits;
    /// otherwise its panels flow into as many columns as fit, none narrower than
    /// `minimumPanelWidth` (or its own panel width, if smaller), and share the width.
    ///
    /// A panel keeps its proportions when it grows; when it shrinks, its height shrinks at most
    /// to `shortestHeightFraction` of its own, so a narrow plot keeps room for its data. A figure
    /// whose panels cannot flow (spanning cells) keeps its grid and is only resized.
    public func layout(
        fittingWidth maximumWidth: Double, minimumPanelWidth: Double = 220, shortestHeightFraction: Double = 0.75
    ) -> FigureLayout {
        guard width > maximumWidth else { return naturalLayout }
        let margin = 8.0
        let titleSpace = title == nil ? 0 : Self.titleSpace
        let grid = panelGrid
        let rows = grid?.rows ?? 1
        let columns = grid?.columns ?? 1
        let panelWidth = (width - margin) / Double(columns)
        let panelHeight = (height - margin - titleSpace) / Double(rows)
        var flowColumns = columns
        if grid != nil {
            let narrowest = min(minimumPanelWidth, panelWidth)
            flowColumns = max(1, min(columns, Int(((maximumWidth - margin) / narrowest).rounded(.down))))
        }
        let newPanelWidth = (maximumWidth - margin) / Double(flowColumns)
        let ratio = newPanelWidth / panelWidth
        let newPanelHeight = panelHeight * (ratio >= 1 ? ratio : max(ratio, shortestHeightFraction))
        let flowRows = grid == nil ? rows : (axes.count + flowColumns - 1) / flowColumns
        return FigureLayout(
            width: maximumWidth, height: (Double(flowRows) * newPanelHeight + margin + titleSpace).rounded(),
            columns: grid == nil ? nil : flowColumns)
    }

    /// `layout` made shorter by the height its equal-aspect plots leave empty: a square plot in
    /// a narrow, tall figure leaves bands above and below it, which a phone reader scrolls past.
    /// Each row of panels loses the least any of its panels leaves; a figure whose plots fill
    /// their cells keeps its layout.
    ///
    /// The figure is laid out once, through a Cairo renderer one point in size, to measure. (It
    /// renders at the figure's own scale: text set at another scale first would change how
    /// Cairo's shared font caches draw it later, and with it the PNGs' bytes.)
    public func trimmed(_ layout: FigureLayout) -> FigureLayout {
        guard let measuring = try? CairoRenderer(size: Size(width: 1, height: 1), scale: scale) else { return layout }
        draw(with: measuring, layout: layout)
        let rows: [Int]
        if let columns = layout.columns {
            rows = axes.indices.map { $0 / columns }
        } else {
            rows = axes.map(\.cell.row)
        }
        var spareByRow: [Int: Double] = [:]
        for (row, axes) in zip(rows, axes) { spareByRow[row] = min(spareByRow[row] ?? .infinity, axes.spareHeight) }
        let rowCount = layout.columns.map { (axes.count + $0 - 1) / $0 } ?? (axes.first?.cell.rows ?? 1)
        // Cells share the height equally, so every row shrinks by the least spare of any row.
        let spare = (spareByRow.values.min() ?? 0).rounded(.down)
        guard spare >= 2, rowCount == Set(rows).count else { return layout }
        var result = layout
        result.height = layout.height - Double(rowCount) * spare
        return result
    }

    /// The height a one-line figure title takes (14-point bold DejaVu Sans, with its gaps).
    static var titleSpace: Double { 4 + (0.729 + 0.236) * Theme.figureTitle.size + 6 }

    /// The cell of the `index`-th axes when the panels flow into `columns` per row.
    func flowedCell(_ index: Int, columns: Int) -> GridCell {
        let rows = (axes.count + columns - 1) / columns
        return GridCell(row: index / columns, column: index % columns, rows: rows, columns: columns)
    }
}
