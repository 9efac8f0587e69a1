/// What a chapter's notebook holds besides the chapter's own blocks: the cells that open it,
/// the code cells that stand among the blocks where the lesson's cells stood, and the cells
/// that close it. `NotebookWriter` writes it with the chapter's document as a `.ipynb` file.
public struct NotebookPlan: Sendable, Equatable {
    /// The cells after the title: what the notebook is, and the code every later cell calls.
    public var opening: [NotebookCell]
    /// Code placed among the document's blocks.
    public var anchored: [AnchoredCell]
    /// The cells after the last block: the chapter's numbers as the notebook computed them.
    public var closing: [NotebookCell]

    /// A plan.
    public init(opening: [NotebookCell] = [], anchored: [AnchoredCell] = [], closing: [NotebookCell] = []) {
        self.opening = opening
        self.anchored = anchored
        self.closing = closing
    }

    /// A cell that stands before the block with index `position` of the document (after the
    /// last block when `position` is the number of blocks).
    public struct AnchoredCell: Sendable, Equatable {
        /// The index of the block the cell comes before.
        public var position: Int
        /// The cell.
        public var cell: NotebookCell

        /// A cell before block `position`.
        public init(position: Int, cell: NotebookCell) {
            self.position = position
            self.cell = cell
        }
    }
}

/// One cell of a notebook.
public enum NotebookCell: Sendable, Equatable {
    /// Markdown with `$…$` math, as Jupyter renders it.
    case markdown(String)
    /// Python source.
    case code(String)
}
