/// Something drawn inside an ``Axes`` from data: points, lines, a heatmap, a contour.
///
/// A mark reports the data rectangle it needs (for automatic limits) and the legend entries
/// it contributes, and draws itself through a ``Renderer`` once the axes know where the data
/// goes (the ``PlotFrame``). Marks know nothing about Cairo.
public protocol Mark {
    /// The data rectangle the mark covers; `nil` if it should not influence the axis limits
    /// (a decision line, which is clipped to whatever the limits are).
    var bounds: DataBounds? { get }

    /// The entries the mark adds to the legend (none if it is unlabelled).
    var legendEntries: [LegendEntry] { get }

    /// Draws the mark. The renderer is clipped to the plot area.
    func draw(in frame: PlotFrame, renderer: any Renderer)

    /// Points in figure coordinates that a legend should not cover.
    func occupiedPoints(in frame: PlotFrame) -> [Point]
}

extension Mark {
    /// The legend rows this mark adds.
    public var legendEntries: [LegendEntry] { [] }
    /// Figure points a legend should not cover.
    public func occupiedPoints(in frame: PlotFrame) -> [Point] { [] }
}

/// One row of a legend: a sample of the mark's look and a label.
public struct LegendEntry: Sendable {
    /// The text.
    public var label: String
    /// The colour of the sample.
    public var color: Color
    /// A marker drawn in the sample, if the mark has markers.
    public var marker: MarkerShape?
    /// A line drawn across the sample, if the mark is a line.
    public var line: StrokeStyle?

    /// Creates a legend entry.
    public init(label: String, color: Color, marker: MarkerShape? = nil, line: StrokeStyle? = nil) {
        self.label = label
        self.color = color
        self.marker = marker
        self.line = line
    }
}
