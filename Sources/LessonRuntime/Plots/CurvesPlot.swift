import Engine
import LessonFormat

/// `curves`: loss and accuracy side by side.
struct CurvesPlot: PlotKind {
    static let name = "curves"
    static let listOrder = 70
    static let keys = ["scale"]
    static let summary = "Loss and accuracy side by side."

    /// Whether the loss axis is logarithmic (`scale: log`).
    var logScale: Bool

    init(_ fields: FieldReader) throws(LessonError) {
        logScale = try PlotOptions.logScale(fields)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        try TrainingCurves.draw(.both, logScale: logScale, plot: plot, session: session)
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { CurvesPlot.registryRecord }
