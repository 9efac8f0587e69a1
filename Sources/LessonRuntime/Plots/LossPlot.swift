import Engine
import LessonFormat

/// `loss`: training (and validation) loss per epoch.
struct LossPlot: PlotKind {
    static let name = "loss"
    static let listOrder = 50
    static let keys = ["scale"]
    static let summary = "Training (and validation) loss per epoch."

    /// Whether the loss axis is logarithmic (`scale: log`).
    var logScale: Bool

    init(_ fields: FieldReader) throws(LessonError) {
        logScale = try PlotOptions.logScale(fields)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        try TrainingCurves.draw(.loss, logScale: logScale, plot: plot, session: session)
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { LossPlot.registryRecord }
