import Engine
import LessonFormat

/// A cell kind: how its body is read and checked, and what it does when it runs.
///
/// Reading happens for every cell before anything runs (`lessons check` stops there), so a
/// mistake anywhere in a lesson is found without training; running may still fail on what
/// only the session knows (a model that does not fit the data).
protocol RunnableCell {
    /// Reads and checks the cell's keys.
    init(_ cell: Cell) throws(LessonError)
    /// Runs the cell against the session, adding its output to the chapter.
    func run(_ cell: Cell, in session: Session) throws(LessonError)
    /// The training steps whose quantities this cell shows; the train cell above records them.
    var requestedSteps: [TraceStep] { get }
}

extension RunnableCell {
    var requestedSteps: [TraceStep] { [] }
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
        }
    }
}
