import Engine
import LessonFormat
import Plotting

/// One kind of figure a plot cell can draw (`kind: decision-boundary`): the keys it reads
/// with their defaults and checks, and how it draws from what the session holds.
///
/// A kind is one file in `Plots/` that conforms to `PlotKind` and registers itself in the
/// section `lessons_plot_kinds` (see `Registrable`):
/// ```swift
/// @used @section("lessons_plot_kinds")
/// private let registration: RegistryRecord = { LossPlot.registryRecord }
/// ```
/// The plot cell, its messages and did-you-mean suggestions, its key checks and its run all
/// read the registry (`PlotCell.kinds`). Options several kinds read are parsed by
/// `PlotOptions`; what drawing needs from the session (`requireData`, `misfit`, `makeFigure`…)
/// is on `PlotCell`, and numbers and phrases captions share are in `PlotSupport`. Its line in
/// `lessons/README.md` (the table of plot kinds) is its documentation; a test checks that every
/// kind has one, with each of its keys.
protocol PlotKind: Registrable, Sendable {
    /// The keys it reads besides those every plot reads (`PlotCell.commonKeys`).
    static var keys: [String] { get }
    /// Whether it takes `height`: a grid of images has the height its `width` and rows make.
    static var takesHeight: Bool { get }
    /// What it draws, in one line.
    static var summary: String { get }
    /// Whether it draws the layers' statistics, which the train cell above then measures.
    static var showsLayerStatistics: Bool { get }
    /// The training steps whose records it draws (the epochs of an animation), which the
    /// train cell above then records.
    var requestedSteps: [TraceStep] { get }

    /// Reads its keys from the cell (keys of other kinds were refused before).
    init(_ fields: FieldReader) throws(LessonError)

    /// The figure with its default caption and alternative text, drawn with `plot`'s common
    /// settings (title, size) from what `session` holds.
    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput
}

extension PlotKind {
    public static var keys: [String] { [] }
    public static var takesHeight: Bool { true }
    public static var showsLayerStatistics: Bool { false }
    var requestedSteps: [TraceStep] { [] }
}

/// A drawn figure with the caption and the alternative text its kind writes for it.
struct PlotOutput {
    /// The figure.
    public var figure: Figure
    /// The default caption, with the figure's numbers.
    public var caption: String
    /// What the figure shows, for readers who cannot see it.
    public var alternativeText: String
    /// The frames after the first of an animated figure (`PlotFrames`), each drawn like
    /// `figure` and at its size; none for a still.
    public var frames: [Figure]

    public init(figure: Figure, caption: String, alternativeText: String, frames: [Figure] = []) {
        self.figure = figure
        self.caption = caption
        self.alternativeText = alternativeText
        self.frames = frames
    }
}
