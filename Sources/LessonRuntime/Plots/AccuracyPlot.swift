import Engine
import LessonFormat

/// `accuracy`: training (and validation) accuracy per epoch.
struct AccuracyPlot: PlotKind {
    static let name = "accuracy"
    static let listOrder = 60
    static let summary = "Training (and validation) accuracy per epoch."

    init(_ fields: FieldReader) throws(LessonError) {}

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        try TrainingCurves.draw(.accuracy, logScale: false, plot: plot, session: session)
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { AccuracyPlot.registryRecord }
