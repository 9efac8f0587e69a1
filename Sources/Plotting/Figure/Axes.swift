/// One plot: a rectangle with two scaled axes, ticks, labels, a title, a legend, and the
/// ``Mark``s drawn inside it (matplotlib's Axes).
///
/// Create axes with ``Figure/addAxes()`` or ``Figure/addAxesGrid(rows:columns:)``, add marks
/// with the methods in `Axes+Marks` (`scatter`, `line`, `heatmap`, `contour`, …), and set the
/// properties below. Limits are chosen from the marks unless you set them.
public final class Axes {
    /// The title above the plot.
    public var title: String?
    /// The label under the x axis.
    public var xLabel: String?
    /// The label left of the y axis.
    public var yLabel: String?
    /// Linear or logarithmic x axis.
    public var xScale: ScaleKind = .linear
    /// Linear or logarithmic y axis (use `.log` for losses).
    public var yScale: ScaleKind = .linear
    /// Fixed x limits; `nil` chooses them from the marks with a 5 % margin.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y limits; `nil` chooses them from the marks with a 5 % margin.
    public var yLimits: ClosedRange<Double>?
    /// Whether one data unit has the same length on both axes (for 2-D data and images).
    public var equalAspect = false
    /// Whether light grid lines are drawn at the ticks.
    public var showsGrid = true
    /// Whether the frame (the four spines) is drawn.
    public var showsFrame = true
    /// The x ticks.
    public var xTicks: TickPlacement = .automatic
    /// The y ticks.
    public var yTicks: TickPlacement = .automatic
    /// Whether automatic x ticks fall on whole numbers only (epochs); set by `line(y:)`.
    public var xTicksAreIntegers = false
    /// Whether y grows downwards (matrices and images, row 0 on top).
    public var yInverted = false
    /// Where the legend goes; it is drawn only if some mark has a label.
    public var legendPlacement: LegendPlacement = .automatic
    /// The title's font and colour.
    public var titleStyle: TextStyle = Theme.title
    /// The frame's line style.
    public var frameStyle: StrokeStyle = Theme.spine
    /// A colour drawn behind the plot area, if any.
    public var background: Color?

    /// The marks, in drawing order.
    public private(set) var marks: [any Mark] = []
    /// Where the data went in the last rendering (`nil` before the figure is rendered).
    public internal(set) var frame: PlotFrame?

    let cell: GridCell
    /// The height the plot left unused in its cell in the last rendering (equal aspect).
    var spareHeight = 0.0
    var colorbar: Colorbar?
    var nextColorIndex = 0
    var lastGrid: ValueGrid?

    init(cell: GridCell) {
        self.cell = cell
    }

    /// Adds a mark on top of the existing ones.
    public func add(_ mark: any Mark) {
        marks.append(mark)
    }

    /// Shows a colour scale for `colormap` over `range` to the right of the plot.
    public func showColorbar(_ colormap: Colormap, range: ClosedRange<Double>, label: String? = nil) {
        colorbar = Colorbar(colormap: colormap, range: range, label: label)
    }

    /// Hides ticks, grid and frame, leaving only marks, title and labels (images, diagrams).
    public func hideAxes() {
        xTicks = .hidden
        yTicks = .hidden
        showsGrid = false
        showsFrame = false
    }

    /// The next colour of the categorical cycle, for marks that were given none.
    public func nextColor() -> Color {
        defer { nextColorIndex += 1 }
        return Palette.color(nextColorIndex)
    }

    /// The figure point of a data point in the last rendering (`nil` before rendering).
    public func figurePoint(x: Double, y: Double) -> Point? {
        frame?.point(x: x, y: y)
    }
}

/// The position of an axes in the figure's grid of panels.
struct GridCell {
    var row: Int
    var column: Int
    var rows: Int
    var columns: Int
    var rowSpan = 1
    var columnSpan = 1
}
