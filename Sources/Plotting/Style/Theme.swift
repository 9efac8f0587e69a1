/// The sizes and colours shared by every figure (matplotlib's rcParams, fixed for the book).
///
/// Sizes are in points; figures render at 2 pixels per point.
public enum Theme {
    /// Tick labels.
    public static let tickLabel = TextStyle(size: 11, color: Palette.ink)
    /// Axis labels.
    public static let axisLabel = TextStyle(size: 12, color: Palette.ink)
    /// Axes titles.
    public static let title = TextStyle(size: 13, color: Palette.ink)
    /// The figure title above all panels.
    public static let figureTitle = TextStyle(size: 14, weight: .bold, color: Palette.ink)
    /// Legend labels.
    public static let legend = TextStyle(size: 11, color: Palette.ink)
    /// Labels on points, contour levels and diagram annotations.
    public static let annotation = TextStyle(size: 10, color: Palette.ink)

    /// The axes frame.
    public static let spine = StrokeStyle(color: Palette.ink, width: 1)
    /// Tick marks.
    public static let tick = StrokeStyle(color: Palette.ink, width: 1)
    /// Grid lines.
    public static let gridLine = StrokeStyle(color: Palette.grid, width: 0.8)
    /// The length of tick marks, outside the frame.
    public static let tickLength = 4.5
    /// The gap between a tick mark and its label.
    public static let tickPad = 3.5
    /// The gap between tick labels and the axis label.
    public static let labelPad = 6.0
    /// The gap between the plot and its title.
    public static let titlePad = 8.0

    /// The width of data lines (curves, functions).
    public static let lineWidth = 2.0
    /// The diameter of scatter markers.
    public static let markerSize = 8.0
    /// The thin white edge around markers, which keeps overlapping markers apart.
    public static let markerEdge = StrokeStyle(color: .white, width: 0.8)
    /// Contour lines (the decision boundary).
    public static let contour = StrokeStyle(color: Palette.ink, width: 2, cap: .round, join: .round)
}
