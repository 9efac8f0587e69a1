import Engine
import LessonFormat

/// A cell kind: how its body is read and checked, and what it does when it runs.
///
/// Reading happens for every cell before anything runs, so a mistake in any cell's keys is
/// found first; `lessons check` then rehearses the cells in order without training (the data
/// and model cells run, a train cell plans its run), so names, shapes and steps are checked
/// too. Running may still fail on what only training shows (a run that diverges).
protocol RunnableCell {
    /// Reads and checks the cell's keys.
    init(_ cell: Cell) throws(LessonError)
    /// Runs the cell against the session, adding its output to the chapter.
    func run(_ cell: Cell, in session: Session) throws(LessonError)
    /// The training steps whose quantities this cell shows; the train cell above records them.
    var requestedSteps: [TraceStep] { get }
    /// Whether this cell shows the layers' statistics per epoch (`LayerStatistics`), which
    /// the train cell above then measures.
    var showsLayerStatistics: Bool { get }
    /// The mistakes this cell would meet when the lesson runs, found without training
    /// (`lessons check`; see `RunnableCell+Rehearsal.swift`).
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError]
}

extension RunnableCell {
    var requestedSteps: [TraceStep] { [] }
    var showsLayerStatistics: Bool { false }
}

extension CellKind {
    /// Reads `cell` as its kind's runnable cell.
    func read(_ cell: Cell) throws(LessonError) -> any RunnableCell {
        switch self {
        case .data: try DataCell(cell)
        case .model: try ModelCell(cell)
        case .train: try TrainCell(cell)
        case .compare: try CompareCell(cell)
        case .evaluate: try EvaluateCell(cell)
        case .plot: try PlotCell(cell)
        case .equation: try EquationCell(cell)
        case .table: try TableCell(cell)
        case .exercise: try ExerciseCell(cell)
        }
    }
}
