/// Where an axes draws its legend.
public enum LegendPlacement: Sendable {
    /// Inside the plot where it covers no data, else outside to the right: a legend never
    /// hides data. The default.
    case automatic
    /// Inside the plot, in the corner or edge where it covers the fewest data (matplotlib's "best").
    case best
    /// Inside the plot, upper right.
    case upperRight
    /// Inside the plot, upper left.
    case upperLeft
    /// Inside the plot, lower left.
    case lowerLeft
    /// Inside the plot, lower right.
    case lowerRight
    /// Outside the plot, to its right, so it never hides data; under the plot when the cell is
    /// too narrow to keep room for the data beside it.
    case outsideRight
    /// Outside the plot, under it (and under the x axis' label).
    case below
    /// No legend.
    case hidden
}
