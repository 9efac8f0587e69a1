/// One chapter of the report: a title and blocks, in reading order.
///
/// Both writers render from this one model, so the Markdown and the HTML of a chapter always
/// say the same thing.
public struct ReportDocument: Sendable, Equatable {
    /// The chapter title, as plain text.
    public var title: String
    /// The blocks, top to bottom.
    public var blocks: [ReportBlock]
    /// Facts printed at the foot of the chapter (`seed 7`, `engine 0.1.0`).
    public var footer: [String]
    /// The chapters before and after this one, for the links between them.
    public var neighbours: Neighbours
    /// The file name of the chapter's notebook beside the page (`06-circles.ipynb`), which the
    /// pages link to under the title; `nil` for none.
    public var notebook: String?

    /// Creates a document.
    public init(title: String, blocks: [ReportBlock] = [], footer: [String] = [], neighbours: Neighbours = Neighbours()) {
        self.title = title
        self.blocks = blocks
        self.footer = footer
        self.neighbours = neighbours
    }

    /// A chapter's place in the book: its number, and the chapters before and after it.
    public struct Neighbours: Sendable, Equatable {
        /// The previous chapter's title and folder, if any.
        public var previous: (title: String, folder: String)?
        /// The next chapter's title and folder, if any.
        public var next: (title: String, folder: String)?
        /// The chapter's own number (`4`, or `A` for an appendix), if it is in a book.
        public var number: String?
        /// The number of each chapter the prose refers to (`{chapter:NAME}`), by lesson name.
        public var chapters: [String: String]

        /// Creates the links.
        public init(
            previous: (title: String, folder: String)? = nil, next: (title: String, folder: String)? = nil, number: String? = nil,
            chapters: [String: String] = [:]
        ) {
            self.previous = previous
            self.next = next
            self.number = number
            self.chapters = chapters
        }

        public static func == (lhs: Neighbours, rhs: Neighbours) -> Bool {
            lhs.previous?.title == rhs.previous?.title && lhs.previous?.folder == rhs.previous?.folder
                && lhs.next?.title == rhs.next?.title && lhs.next?.folder == rhs.next?.folder && lhs.number == rhs.number
                && lhs.chapters == rhs.chapters
        }
    }
}

/// A block of a chapter.
public enum ReportBlock: Sendable, Equatable {
    /// A heading below the chapter title (level 2 or 3).
    case heading(level: Int, text: String)
    /// Markdown prose with `$…$` and `$$…$$` math.
    case prose(String)
    /// A typeset formula (LaTeX subset), displayed on its own line.
    case math(String)
    /// A displayed formula with its number in the chapter, which prose refers to: `(3)`.
    case numberedMath(String, number: Int)
    /// An equation and the same relation filled in with the engine's numbers, checked.
    case relation(RelationBlock)
    /// A table.
    case table(ReportTable)
    /// A figure file beside the page.
    case figure(ReportFigure)
    /// A remark set apart from the prose (Markdown).
    case note(String)
    /// What went wrong in a cell, where it stands.
    case error(ReportError)
    /// An exercise: its question shown, its hint and its answer folded.
    case exercise(ExerciseBlock)
}

/// An exercise for the reader: a question, an optional hint, and the answer the engine
/// computed, which the writers fold away (`<details>`) until the reader opens it.
public struct ExerciseBlock: Sendable, Equatable, Codable {
    /// The exercise's number in the chapter, from 1.
    public var number: Int
    /// The question (Markdown with math).
    public var question: String
    /// A hint (Markdown with math), if any.
    public var hint: String?
    /// The answer (Markdown with math): the value the engine computed, formatted with the
    /// chapter's digits.
    public var answer: String
    /// What the answer comes from or why it is so (Markdown with math), shown with it, if any.
    public var explanation: String?

    /// Creates an exercise.
    public init(number: Int, question: String, hint: String? = nil, answer: String, explanation: String? = nil) {
        self.number = number
        self.question = question
        self.hint = hint
        self.answer = answer
        self.explanation = explanation
    }
}

/// An equation, the same relations with every quantity replaced by its value, and the checks.
public struct RelationBlock: Sendable, Equatable {
    /// The relation as the lesson typesets it (LaTeX subset).
    public var symbolic: String
    /// Each relation with every quantity replaced by its value (LaTeX subset), one display
    /// each: filled in, a line of several relations is too wide to stay on one line.
    public var numericLines: [String]
    /// The filled-in relations on one line, separated by a wide space.
    public var numeric: String { numericLines.joined(separator: ", \\qquad ") }
    /// The same relations laid out for a narrow screen (fewer columns and digits, more lines),
    /// or `nil` when `numericLines` fit a phone as they are.
    public var narrowLines: [String]?
    /// Where in training the numbers come from (`epoch 1, sample 4`).
    public var step: String
    /// The outcome of each relation, in the order the cell lists them.
    public var checks: [RelationVerdict]
    /// The equation's number in the chapter, if it has one.
    public var number: Int?

    /// Creates a relation block for one relation.
    public init(symbolic: String, numeric: String, step: String, check: RelationVerdict) {
        self.init(symbolic: symbolic, numericLines: [numeric], step: step, checks: [check])
    }

    /// Creates a relation block for several relations, each filled in on a line of its own.
    public init(
        symbolic: String, numericLines: [String], narrowLines: [String]? = nil, step: String, checks: [RelationVerdict]
    ) {
        self.symbolic = symbolic
        self.numericLines = numericLines
        self.narrowLines = narrowLines == numericLines ? nil : narrowLines
        self.step = step
        self.checks = checks
    }

    /// The verdict on the block as a whole: failed if any relation failed (its messages
    /// numbered when there are several), failing as expected if any did and none failed
    /// otherwise, holding with the largest difference of all when every relation holds.
    public var check: RelationVerdict {
        func numbered(_ messages: [(Int, String)]) -> String {
            checks.count == 1 ? messages[0].1 : messages.map { "relation \($0.0 + 1): \($0.1)" }.joined(separator: "; ")
        }
        let failed = checks.enumerated().compactMap { index, verdict -> (Int, String)? in
            if case let .fails(message) = verdict { return (index, message) } else { return nil }
        }
        if !failed.isEmpty { return .fails(numbered(failed)) }
        let expected = checks.enumerated().compactMap { index, verdict -> (Int, String)? in
            if case let .failsAsExpected(message) = verdict { return (index, message) } else { return nil }
        }
        if !expected.isEmpty { return .failsAsExpected(numbered(expected)) }
        var largest = 0.0, tolerance = 0.0
        for case let .holds(deviation, allowed) in checks {
            largest = max(largest, deviation)
            tolerance = max(tolerance, allowed)
        }
        return .holds(largestDeviation: largest, tolerance: tolerance)
    }
}

/// The verdict on a relation checked against the recorded numbers, as the report words it.
///
/// The check itself, with both sides' values, is `Relations.RelationCheck`; the runner turns
/// it into this (`EquationCell.outcome(of:)`), so the report needs no engine.
public enum RelationVerdict: Sendable, Equatable {
    /// Every entry agrees within the tolerance; `largestDeviation` is the largest difference
    /// between the sides as a fraction of the size of the terms that formed the entry.
    case holds(largestDeviation: Double, tolerance: Double)
    /// Some entry disagrees; the message says which and by how much.
    case fails(String)
    /// Some entry disagrees, as the lesson said it would (`expect: fail`): a deliberate
    /// mistake shown with its numbers.
    case failsAsExpected(String)
}

/// A table of text cells.
public struct ReportTable: Sendable, Equatable {
    /// The column headings (plain text; `$…$` math allowed).
    public var headers: [String]
    /// The rows, each with one cell per column.
    public var rows: [[String]]
    /// A caption under the table, if any.
    public var caption: String?
    /// Which columns hold numbers (right-aligned).
    public var numericColumns: Set<Int>

    /// Creates a table.
    public init(headers: [String], rows: [[String]], caption: String? = nil, numericColumns: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.caption = caption
        self.numericColumns = numericColumns
    }
}

/// A figure: an image file in the chapter's folder and its caption, with the same figure drawn
/// for a dark page and laid out for a narrow screen, when those were drawn.
public struct ReportFigure: Sendable, Equatable {
    /// The file name beside the page (`fig-01-decision-boundary.png`), drawn for a light page.
    public var file: String
    /// The caption (Markdown with math).
    public var caption: String
    /// The text that stands for the image where it cannot be seen.
    public var alternativeText: String
    /// The image's width in CSS pixels, if known.
    public var width: Int?
    /// The image's height in CSS pixels, if known.
    public var height: Int?
    /// The same figure drawn for a dark page (`fig-01-decision-boundary-dark.png`), if drawn.
    public var darkFile: String?
    /// The same figure laid out for a narrow screen (a phone), if drawn.
    public var narrow: Variant?

    /// One more drawing of the figure at another size: its light and dark files and its size.
    public struct Variant: Sendable, Equatable {
        /// The file drawn for a light page.
        public var file: String
        /// The file drawn for a dark page, if drawn.
        public var darkFile: String?
        /// The width in CSS pixels.
        public var width: Int
        /// The height in CSS pixels.
        public var height: Int

        /// Creates a variant.
        public init(file: String, darkFile: String? = nil, width: Int, height: Int) {
            self.file = file
            self.darkFile = darkFile
            self.width = width
            self.height = height
        }
    }

    /// Creates a figure.
    public init(
        file: String, caption: String, alternativeText: String, width: Int? = nil, height: Int? = nil,
        darkFile: String? = nil, narrow: Variant? = nil
    ) {
        self.file = file
        self.caption = caption
        self.alternativeText = alternativeText
        self.width = width
        self.height = height
        self.darkFile = darkFile
        self.narrow = narrow
    }
}

/// An error shown in place of a cell's output.
public struct ReportError: Sendable, Equatable {
    /// `file:line:column`.
    public var position: String
    /// What went wrong.
    public var message: String

    /// Creates an error block.
    public init(position: String, message: String) {
        self.position = position
        self.message = message
    }
}
