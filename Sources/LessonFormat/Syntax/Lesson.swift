import Foundation

/// A parsed lesson file: its front matter and its blocks of prose and cells, in order.
public struct Lesson: Sendable {
    /// The path the lesson was read from, as messages show it.
    public var path: String
    /// The folder the lesson file really is in (links resolved): the lesson's data paths are
    /// relative to it, whatever the current folder.
    public var folder: URL
    /// The front matter's keys and values.
    public var frontMatter: LessonValue
    /// The prose and the cells, top to bottom.
    public var blocks: [Block]

    /// A block of a lesson.
    public enum Block: Sendable {
        /// Markdown prose (with `$…$` and `$$…$$` math).
        case prose(Prose)
        /// A fenced cell that the runner executes.
        case cell(Cell)
    }

    /// The cells, in order.
    public var cells: [Cell] {
        blocks.compactMap { if case let .cell(cell) = $0 { cell } else { nil } }
    }
}

/// Markdown text between cells.
public struct Prose: Sendable {
    /// The text, lines joined with newlines.
    public var text: String
    /// The position of its first line.
    public var position: SourcePosition
}

/// A fenced cell: ```` ```{kind} ````, a YAML body, and a closing fence.
public struct Cell: Sendable {
    /// The cell kind.
    public var kind: CellKind
    /// The position of the opening fence.
    public var position: SourcePosition
    /// The body's keys and values (an empty mapping for an empty body).
    public var body: LessonValue
    /// The body as written.
    public var source: String
}

/// The kinds of cell a lesson can hold.
public enum CellKind: String, Sendable, CaseIterable {
    /// Chooses the dataset.
    case data
    /// Builds the network.
    case model
    /// Trains it.
    case train
    /// Measures it on a dataset.
    case evaluate
    /// Shows a typeset equation and the same relation with the engine's numbers, checked.
    case equation
    /// Shows a table: a truth table, predictions, a per-step trace.
    case table
    /// Draws a figure.
    case plot
    /// Trains several configurations side by side.
    case compare
    /// Sets an exercise whose answer the engine computes.
    case exercise
}
