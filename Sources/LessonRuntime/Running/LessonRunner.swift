import Engine
import Foundation
import LessonFormat
import Report

/// What running one lesson produced.
public struct ChapterResult: Sendable {
    /// The lesson's front matter.
    public var header: LessonHeader
    /// The chapter as a document, ready for the writers.
    public var document: ReportDocument
    /// Every mistake found, in order (empty when the chapter ran cleanly).
    public var errors: [LessonError]
    /// Headline numbers for the table of contents.
    public var headline: [String]
    /// The first figure's file, if any.
    public var thumbnail: String?
    /// The machine-readable numbers for `results.json`.
    public var metrics = ChapterMetrics()
    /// The code of the chapter's notebook, among its blocks (`NotebookWriter` writes it).
    public var notebook: NotebookPlan?
    /// The chapter's exercises with the answers the engine computed, in order, for the
    /// answer key (`exercises.json`).
    public var exercises: [ExerciseBlock] {
        document.blocks.compactMap { if case let .exercise(exercise) = $0 { exercise } else { nil } }
    }

    /// A chapter from its parts (a runner's, or the book's for a lesson that could not be read).
    package init(
        header: LessonHeader, document: ReportDocument, errors: [LessonError], headline: [String], thumbnail: String?,
        metrics: ChapterMetrics = ChapterMetrics()
    ) {
        self.header = header
        self.document = document
        self.errors = errors
        self.headline = headline
        self.thumbnail = thumbnail
        self.metrics = metrics
    }
}

/// Runs a lesson's cells top to bottom against one session and builds its chapter.
///
/// Every cell is read first, so all mistakes in the file's keys are reported together
/// before anything trains. A cell that fails at run time becomes an error block where it
/// stands and fails the chapter; the cells below still run, except those that need what the
/// failed cell should have made (its data, network or training run), which are skipped with
/// a note saying which cell they waited for.
public struct LessonRunner {
    /// The lessons of the book the chapter is in, by name, against which its references to
    /// other chapters (`{chapter:NAME}`) are checked; `nil` checks none.
    public var bookChapters: Set<String>?

    /// Creates a runner.
    public init(bookChapters: Set<String>? = nil) {
        self.bookChapters = bookChapters
    }

    /// Every mistake in `lesson` that can be found without training, in file order: the
    /// front matter, every cell's keys and formulas, and then, rehearsing the cells top to
    /// bottom (the data and model cells run, each train cell plans its run), every name,
    /// shape and step the equations and trace tables ask for, and relations that cannot fail.
    ///
    /// A cell that needs what an earlier cell failed to make is skipped (`Session.failed`),
    /// so each mistake is reported once, where it is.
    public func check(_ lesson: Lesson) -> [LessonError] {
        let (cells, errors, _) = read(lesson)
        let header = (try? LessonHeader(lesson)) ?? LessonHeader(title: lesson.path)
        let session = Session(
            header: header, lesson: lesson,
            figureDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("lessons-check-draws-nothing"))
        var rehearsed = [LessonError]()
        for (index, block) in lesson.blocks.enumerated() {
            guard case let .cell(cell) = block else { continue }
            guard let runnable = cells[index] else {
                // A cell that could not be read makes nothing: the cells that need it wait.
                session.failed(cell)
                continue
            }
            let all = runnable.rehearse(cell, in: session)
            let found = all.filter { !$0.isSkip }
            rehearsed += found
            if !found.isEmpty {
                session.failed(cell)
            } else if all.isEmpty {
                session.succeeded(cell)
            } else {
                session.skipped(cell)
            }
        }
        return (errors + rehearsed).inFileOrder
    }

    /// Every block's cell as read (`nil` for prose and for cells with mistakes), and every
    /// mistake in the front matter, the prose's formulas and the cells, in file order.
    private func read(_ lesson: Lesson) -> (cells: [(any RunnableCell)?], errors: [LessonError], numbers: EquationNumbers) {
        var errors = [LessonError]()
        do { _ = try LessonHeader(lesson) } catch { errors.append(error) }
        var cells = [(any RunnableCell)?]()
        for block in lesson.blocks {
            switch block {
            case let .prose(prose):
                if let error = mathError(in: prose) { errors.append(error) }
                cells.append(nil)
            case let .cell(cell):
                do {
                    cells.append(try cell.kind.read(cell))
                } catch {
                    errors.append(error)
                    cells.append(nil)
                }
            }
        }
        let numbers = EquationNumbers(lesson, cells: cells)
        errors += numbers.mistakes
        let chapters = bookChapters.map(ChapterReferenceCheck.init)
        for case let .prose(prose) in lesson.blocks {
            errors += numbers.unknownReferences(in: prose)
            errors += chapters?.unknownReferences(in: prose) ?? []
        }
        return (cells, errors.inFileOrder, numbers)
    }

    /// Runs `lesson`, writing its figures into `figureDirectory`.
    public func run(
        _ lesson: Lesson, figureDirectory: URL, seed: UInt64? = nil, progress: ((TrainingProgress) -> Void)? = nil
    ) -> ChapterResult {
        var header: LessonHeader
        do {
            header = try LessonHeader(lesson)
        } catch {
            let title = lesson.path
            return ChapterResult(
                header: LessonHeader(title: title), document: ReportDocument(title: title, blocks: [.error(ReportError(error))]),
                errors: [error], headline: [], thumbnail: nil)
        }
        if let seed { header.seed = seed }
        let (cells, mistakes, numbers) = read(lesson)
        let session = Session(header: header, lesson: lesson, figureDirectory: figureDirectory)
        session.progress = progress
        session.equationNumbers = numbers
        for (index, cell) in lesson.cells.filter({ $0.kind == .exercise }).enumerated() {
            session.exerciseNumbers[cell.position.line] = index + 1
        }
        if !mistakes.isEmpty {
            for error in mistakes { session.append(.error(ReportError(error))) }
            return result(session, errors: mistakes)
        }

        var errors = [LessonError]()
        for (index, block) in lesson.blocks.enumerated() {
            switch block {
            case let .prose(prose):
                session.append(.prose(numbers.resolving(prose.text)))
            case let .cell(cell):
                guard let runnable = cells[index] else { continue }
                if cell.kind == .train {
                    session.traceRequests = TraceSchedule(steps: Set(stepsRequested(after: index, in: lesson, cells: cells)))
                    session.measuresLayers = cellsShowing(after: index, in: lesson, cells: cells).contains { $0.showsLayerStatistics }
                }
                let blocksBefore = session.blocks.count
                do {
                    try runnable.run(cell, in: session)
                    session.succeeded(cell)
                    session.notebook.record(runnable, cell, blocksBefore: blocksBefore, in: session)
                } catch where error.isSkip {
                    session.append(.note(error.message))
                    session.skipped(cell)
                    session.notebook.recordFailure(cell, blocksBefore: blocksBefore, in: session)
                } catch {
                    session.notebook.recordFailure(cell, blocksBefore: blocksBefore, in: session)
                    // The session is still valid without what this cell would have made: the
                    // cells below that need it say so, and the others run.
                    session.append(.error(ReportError(error)))
                    errors.append(error)
                    session.failed(cell)
                }
            }
        }
        if let wanted = header.thumbnail, !(session.thumbnail ?? "").hasSuffix("-\(wanted).png") {
            let error = LessonError(
                .failed("the front matter's thumbnail '\(wanted)' names no figure of this chapter (a plot cell's 'name' or kind)"),
                at: SourcePosition(file: lesson.path, line: 1))
            session.append(.error(ReportError(error)))
            return result(session, errors: errors + [error])
        }
        return result(session, errors: errors)
    }

    private func result(_ session: Session, errors failed: [LessonError]) -> ChapterResult {
        let errors = (session.failures + failed).inFileOrder
        var footer = ["seed \(session.header.seed)", "lesson \(session.path)"]
        if !errors.isEmpty { footer.append("\(errors.count) error\(errors.count == 1 ? "" : "s")") }
        var metrics = session.metrics
        for block in session.blocks {
            switch block {
            case let .relation(relation):
                for check in relation.checks {
                    switch check {
                    case .holds: metrics.relationsHeld += 1
                    case .fails: metrics.relationsFailed += 1
                    case .failsAsExpected: metrics.relationsFailedAsExpected += 1
                    }
                }
            case .figure: metrics.figures += 1
            default: break
            }
        }
        var result = ChapterResult(
            header: session.header,
            document: ReportDocument(title: session.header.title, blocks: session.blocks, footer: footer),
            errors: errors, headline: chosenHeadline(session), thumbnail: session.thumbnail, metrics: metrics)
        result.notebook = session.notebook.plan()
        return result
    }

    /// The headline numbers the front matter's `headline` keeps, in its order (all without it).
    private func chosenHeadline(_ session: Session) -> [String] {
        guard let labels = session.header.headlineLabels else { return session.headline }
        return labels.compactMap { label in session.headline.first { $0.hasPrefix(label + " ") } }
    }

    /// The steps the cells after a train cell show, up to the next cell that trains or rebuilds.
    private func stepsRequested(after index: Int, in lesson: Lesson, cells: [(any RunnableCell)?]) -> [TraceStep] {
        cellsShowing(after: index, in: lesson, cells: cells).flatMap(\.requestedSteps)
    }

    /// The cells after a train cell that show its run, up to the next cell that trains or rebuilds.
    private func cellsShowing(after index: Int, in lesson: Lesson, cells: [(any RunnableCell)?]) -> [any RunnableCell] {
        var showing = [any RunnableCell]()
        for later in (index + 1)..<lesson.blocks.count {
            guard case let .cell(cell) = lesson.blocks[later] else { continue }
            if [.train, .model, .data].contains(cell.kind) { break }
            if let runnable = cells[later] { showing.append(runnable) }
        }
        return showing
    }

    /// The first formula in `prose` that does not convert, as a positioned error.
    func mathError(in prose: Prose) -> LessonError? {
        switch ProseMath.firstMistake(in: prose.text) {
        case nil:
            return nil
        case let .unclosed(offset):
            return LessonError(
                .failed("a '$' opens math that is never closed (write \\$ for a dollar sign)"), at: prose.position(ofCharacter: offset))
        case let .formula(tex, error, offset):
            return LessonError(.failed("in the formula '\(tex)': \(error.message)"), at: prose.position(ofCharacter: offset))
        }
    }
}

extension LessonHeader {
    /// A header for a lesson whose front matter could not be read.
    package init(title: String) {
        self.title = title
        order = Int.max
        seed = 0
        digits = 4
        summary = nil
        headlineLabels = nil
        thumbnail = nil
    }
}
