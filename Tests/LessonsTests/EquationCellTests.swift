import Datasets
import Engine
import Foundation
import MathML
import Relations
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// What running a few cells produced: the chapter's blocks and the error that stopped it, if any.
struct CellsRun {
    var blocks: [ReportBlock]
    /// The error that stopped the run, if one did.
    var stoppingError: LessonError?
    var session: Session

    /// The first mistake: the one that stopped the run, or the first that failed the chapter
    /// and let the cells below run (a relation that does not hold or cannot be evaluated).
    var error: LessonError? { stoppingError ?? session.failures.first }

    /// The relation blocks, in order.
    var relations: [RelationBlock] {
        blocks.compactMap { if case let .relation(block) = $0 { block } else { nil } }
    }

    /// The tables, in order.
    var tables: [ReportTable] {
        blocks.compactMap { if case let .table(table) = $0 { table } else { nil } }
    }
}

/// Runs the cells of `text` (a whole lesson file) against a session that already holds `data`,
/// as `LessonRunner` does: each train cell records the steps the cells below it ask for, and a
/// failing cell becomes an error block that stops the run.
func runCellsWithData(_ text: String, data: SessionData) throws -> CellsRun {
    let lesson = try LessonParser.parse(text, path: "lessons/x.md")
    let session = Session(
        header: try LessonHeader(lesson), lesson: lesson, figureDirectory: FileManager.default.temporaryDirectory)
    session.data = data
    var runnables = [any RunnableCell]()
    for cell in lesson.cells { runnables.append(try cell.kind.read(cell)) }
    for (index, cell) in lesson.cells.enumerated() {
        if cell.kind == .train {
            let later = runnables[(index + 1)...].flatMap(\.requestedSteps)
            session.traceRequests = TraceSchedule(steps: Set(later))
        }
        do {
            try runnables[index].run(cell, in: session)
        } catch {
            session.append(.error(ReportError(error)))
            return CellsRun(blocks: session.blocks, stoppingError: error, session: session)
        }
    }
    return CellsRun(blocks: session.blocks, stoppingError: nil, session: session)
}

/// The AND gate, 0/1 encoded.
let andGateData = SessionData(title: "the AND gate", training: LogicGate.and.dataset(), classNames: ["0", "1"])

/// The one sample of seed 004's worked example: x = [1 1], y = 0.
let seed004Sample = SessionData(
    title: "the worked example",
    training: Dataset(name: "example", inputs: Matrix([[1, 1]]), labels: [0], classCount: 2), classNames: ["0", "1"])

/// A lesson whose front matter takes three lines and whose cells follow, one after the other.
func lessonSource(_ cells: [(kind: String, body: String)]) -> String {
    "---\ntitle: t\n---\n"
        + cells.map { "```{\($0.kind)}\n\($0.body)\n```\n" }.joined()
}

let perceptronCells: [(kind: String, body: String)] = [
    ("model", "layers: [2, 1]\nactivation: hardlimit\ninit: zeros"),
    ("train", "rule: perceptron\nlearning_rate: 0.1\nepochs: 10"),
]

/// Seed 004's 2-2-1 network (ReLU, then linear) and one step of gradient descent with η = 0.1.
let seed004Cells: [(kind: String, body: String)] = [
    ("model", "layers: [2, 2, 1]\nactivations: [relu, linear]\ninit: explicit\nW1: [[1, 1], [1, 1]]\nb1: [0, 0]\nW2: [[1], [1]]\nb2: 0"),
    ("train", "loss: squared-error\nlearning_rate: 0.1\nepochs: 1\nshuffle: false"),
]

@Suite struct EquationCellReadingTests {
    @Test func readsEveryKey() throws {
        let cell = try EquationCell(try firstCell(
            "tex: a = b\nnumbers: W1_new = W1 - eta * x' * s1\nat: {epoch: 2, sample: 3}\ncaption: The update.\ndigits: 3",
            kind: "equation"))
        #expect(cell.tex == "a = b")
        #expect(cell.relations.map(\.description) == ["W1_new = W1 - eta * x' * s1"])
        #expect(cell.step == .step(TraceStep(epoch: 2, step: 3), unit: "sample"))
        #expect(cell.step.description == "epoch 2, sample 3")
        #expect(cell.caption == "The update.")
        #expect(cell.digits == 3)
        #expect(cell.requestedSteps == [TraceStep(epoch: 2, step: 3)])
    }

    @Test func defaultsToTheFirstStepAndAsksForNothingWithoutNumbers() throws {
        let plain = try EquationCell(try firstCell("tex: a = b", kind: "equation"))
        #expect(plain.relations.isEmpty)
        #expect(plain.requestedSteps.isEmpty)
        let checked = try EquationCell(try firstCell("tex: a = b\nnumbers: a = b", kind: "equation"))
        #expect(checked.step.description == "epoch 1, step 1")
        #expect(checked.requestedSteps == [TraceStep(epoch: 1, step: 1)])
        let iteration = try EquationCell(try firstCell("tex: a = b\nnumbers: a = b\nat: {iteration: 5}", kind: "equation"))
        #expect(iteration.step.description == "iteration 5")
        #expect(iteration.requestedSteps == [TraceStep(epoch: 5, step: 1)])
    }

    @Test func everyKeysMistakeIsPositioned() {
        expectLessonError("lessons/x.md:4:1: error: missing key 'tex' in equation cell") {
            _ = try EquationCell(try firstCell("numbers: a = b", kind: "equation"))
        }
        expectLessonError("lessons/x.md:6:1: error: unknown key 'number' in equation cell (did you mean 'numbers'?)") {
            _ = try EquationCell(try firstCell("tex: a\nnumber: a = b", kind: "equation"))
        }
        expectLessonError("lessons/x.md:5:10: error: 'tex' in equation cell does not typeset: unsupported command '\\foo'") {
            _ = try EquationCell(try firstCell("tex: a + \\foo", kind: "equation"))
        }
        // σ takes two UTF-8 bytes but one column.
        expectLessonError("lessons/x.md:5:12: error: 'tex' in equation cell does not typeset: unsupported command '\\foo'") {
            _ = try EquationCell(try firstCell("tex: σ + η \\foo", kind: "equation"))
        }
        expectLessonError("lessons/x.md:6:19: error: 'numbers' in equation cell does not parse: unknown function 'sigmod' (did you mean 'sigmoid'?)") {
            _ = try EquationCell(try firstCell("tex: a\nnumbers: a1 = σ + sigmod(n1)", kind: "equation"))
        }
        expectLessonError("lessons/x.md:7:5: error: 'at' in equation cell should be a mapping like {epoch: 1, sample: 4}, not the number 3") {
            _ = try EquationCell(try firstCell("tex: a\nnumbers: a = b\nat: 3", kind: "equation"))
        }
        expectLessonError("lessons/x.md:7:6: error: unknown key 'epoc' in 'at' of the equation cell (did you mean 'epoch'?)") {
            _ = try EquationCell(try firstCell("tex: a\nnumbers: a = b\nat: {epoc: 1}", kind: "equation"))
        }
        expectLessonError("lessons/x.md:7:24: error: 'sample' in 'at' of the equation cell must be between 1 and 1000000000, not 0") {
            _ = try EquationCell(try firstCell("tex: a\nnumbers: a = b\nat: {epoch: 1, sample: 0}", kind: "equation"))
        }
        expectLessonError("lessons/x.md:7:5: error: 'at' in equation cell gives both 'sample' and 'step'; they name the same thing, write one") {
            _ = try EquationCell(try firstCell("tex: a\nnumbers: a = b\nat: {sample: 1, step: 1}", kind: "equation"))
        }
        expectLessonError("lessons/x.md:7:5: error: 'at' in equation cell gives 'iteration' and 'epoch'; name one step: {epoch: E, sample: S}, {epoch: E, step: S}, {iteration: I} or {input: N}") {
            _ = try EquationCell(try firstCell("tex: a\nnumbers: a = b\nat: {epoch: 1, iteration: 1}", kind: "equation"))
        }
        expectLessonError("lessons/x.md:6:5: error: 'at' in equation cell is only read with 'numbers', the relation it fills in") {
            _ = try EquationCell(try firstCell("tex: a\nat: {epoch: 1}", kind: "equation"))
        }
        expectLessonError("lessons/x.md:6:17: error: 'caption' in equation cell has a formula that does not typeset: unsupported command '\\bad'") {
            _ = try EquationCell(try firstCell("tex: a\ncaption: See $x \\bad$.", kind: "equation"))
        }
        expectLessonError("lessons/x.md:6:9: error: 'digits' in equation cell must be between 1 and 17, not 0") {
            _ = try EquationCell(try firstCell("tex: a\ndigits: 0", kind: "equation"))
        }
    }
}

@Suite struct EquationCellRunningTests {
    @Test func withoutNumbersShowsTheFormulaAndCaption() throws {
        let run = try runCellsWithData(lessonSource([("equation", "tex: a = \\sigma(n)\ncaption: The output.")]), data: andGateData)
        #expect(run.error == nil)
        #expect(run.blocks == [.math("a = \\sigma(n)"), .prose("The output.")])
    }

    @Test func thePerceptronRuleHoldsAtTheFourthSample() throws {
        let run = try runCellsWithData(
            lessonSource(perceptronCells + [(
                "equation",
                "tex: \\theta \\leftarrow \\theta + \\eta\\,[1\\;\\mathbf{x}]^\\top (y - a)\nnumbers: theta_new = theta + eta * [1, x]' * (y - a)\nat: {epoch: 1, sample: 4}"
            )]),
            data: andGateData)
        #expect(run.error == nil)
        let block = try #require(run.relations.first)
        #expect(block.symbolic == "\\theta \\leftarrow \\theta + \\eta\\,[1\\;\\mathbf{x}]^\\top (y - a)")
        #expect(block.step == "epoch 1, sample 4")
        #expect(block.check == .holds(largestDeviation: 0, tolerance: 1e-9))
        #expect(
            block.numeric
                == "\\begin{bmatrix} 0 \\\\ 0.1 \\\\ 0.1 \\end{bmatrix} = \\begin{bmatrix} -0.1 \\\\ 0 \\\\ 0 \\end{bmatrix} + 0.1 \\times {\\begin{bmatrix} 1 & 1 & 1 \\end{bmatrix}}^{\\top} \\times (1 - 0)")
        _ = try MathML.convert(block.numeric, display: true)
    }

    @Test func seed004sForwardPassIsFilledInExactly() throws {
        let run = try runCellsWithData(
            lessonSource(seed004Cells + [
                ("equation", "tex: \\mathbf{n}^1 = \\mathbf{b}^1 + \\mathbf{a}^0 \\mathbf{W}^1\nnumbers: n1 = b1 + x * W1"),
                ("equation", "tex: \\mathbf{s}^2 = -2(\\mathbf{y} - \\mathbf{a}^2)\\dot{\\mathbf{f}}^2(\\mathbf{n}^2)\nnumbers: s2 = -2 * (y - a2) .* linear'(n2)"),
                ("equation", "tex: \\mathbf{s}^1 = \\mathbf{s}^2 (\\mathbf{W}^2)^\\top \\mathbf{F}^1\nnumbers: s1 = s2 * W2' .* relu'(n1)"),
                ("equation", "tex: \\mathbf{W}^1 \\leftarrow \\mathbf{W}^1 - \\eta (\\mathbf{a}^0)^\\top \\mathbf{s}^1\nnumbers: W1_new = W1 - eta * x' * s1"),
            ]),
            data: seed004Sample)
        #expect(run.error == nil)
        let numeric = run.relations.map(\.numeric)
        #expect(numeric == [
            "\\begin{bmatrix} 2 & 2 \\end{bmatrix} = \\begin{bmatrix} 0 & 0 \\end{bmatrix} + \\begin{bmatrix} 1 & 1 \\end{bmatrix} \\, \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix}",
            "8 = -2 \\times (0 - 4) \\odot \\operatorname{linear}'(4)",
            "\\begin{bmatrix} 8 & 8 \\end{bmatrix} = 8 \\times {\\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix}}^{\\top} \\odot \\mathrm{ReLU}'\\left(\\begin{bmatrix} 2 & 2 \\end{bmatrix}\\right)",
            "\\begin{bmatrix} 0.2 & 0.2 \\\\ 0.2 & 0.2 \\end{bmatrix} = \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\end{bmatrix} - 0.1 \\times {\\begin{bmatrix} 1 & 1 \\end{bmatrix}}^{\\top} \\, \\begin{bmatrix} 8 & 8 \\end{bmatrix}",
        ])
        #expect(run.relations.allSatisfy { if case .holds = $0.check { true } else { false } })
        for tex in numeric { _ = try MathML.convert(tex, display: true) }
    }

    static let wrongSign = "tex: \\theta\nnumbers: theta_new = theta - eta * [1, x]' * (y - a)\nat: {epoch: 1, sample: 4}"
    static let rightSign = "tex: \\theta\nnumbers: theta_new = theta + eta * [1, x]' * (y - a)\nat: {epoch: 1, sample: 4}"
    static let wrongSignReason = "theta_new = theta - eta * [1, x]' * (y - a): at row 1, column 1 the left-hand side is 0 but the right-hand side is -0.2: they differ by 0.2, more than 1e-09 of 0.2, the size of the terms that formed it"

    /// A failed relation stopped the chapter, so a lesson could not show a common mistake and go
    /// on; the session is still valid, so the cells below run and the chapter still fails.
    @Test func aRelationThatDoesNotHoldFailsTheChapterButTheCellsBelowStillRun() throws {
        let text = lessonSource(perceptronCells + [("equation", Self.wrongSign), ("equation", Self.rightSign)])
        let run = try runCellsWithData(text, data: andGateData)
        #expect(run.stoppingError == nil)
        #expect(run.relations.map(\.check).first == .fails(Self.wrongSignReason))
        #expect(run.relations.count == 2)
        if case .holds = run.relations.last?.check {} else { Issue.record("the cell below did not run: \(run.relations)") }
        #expect(run.session.failures.map(\.description) == [
            "lessons/x.md:16:10: error: the relation does not hold at epoch 1, sample 4: " + Self.wrongSignReason
        ])
    }

    /// `expect: fail` shows a deliberate mistake with its numbers without failing the chapter,
    /// and fails it when the relation holds after all.
    @Test func anExpectedFailureIsShownAndOnlyAHoldingOneFailsTheChapter() throws {
        let expected = try runCellsWithData(
            lessonSource(perceptronCells + [("equation", Self.wrongSign + "\nexpect: fail")]), data: andGateData)
        #expect(expected.relations.map(\.check) == [.failsAsExpected(Self.wrongSignReason)])
        #expect(expected.session.failures.isEmpty)
        let page = HTMLWriter().page(for: ReportDocument(title: "t", blocks: expected.blocks))
        #expect(page.contains("<figure class=\"relation fails expected\">"))
        #expect(page.contains(
            "✗ Fails at epoch 1, sample 4, as the lesson expects: theta_new = theta - eta"))

        let holding = try runCellsWithData(
            lessonSource(perceptronCells + [("equation", Self.rightSign + "\nexpect: fail")]), data: andGateData)
        #expect(holding.session.failures.map(\.description) == [
            "lessons/x.md:16:10: error: the relation holds at epoch 1, sample 4, but the cell says 'expect: fail'; "
                + "remove it, or make the mistake it shows"
        ])
        #expect(throws: LessonError.self) {
            try runCellsWithData(lessonSource(perceptronCells + [("equation", "tex: x\nexpect: fail")]), data: andGateData)
        }
    }

    /// A TeX line with two relations gets two, each checked and filled in on its own line.
    @Test func aListOfRelationsFillsInEachAndChecksEach() throws {
        let cell = "tex: \\Delta W = \\eta e x^\\top, \\qquad \\Delta b = \\eta e\nnumbers:\n  - delta_W = eta * error * x'\n  - delta_b = eta * error\nat: {epoch: 1, sample: 4}"
        let run = try runCellsWithData(lessonSource(perceptronCells + [("equation", cell)]), data: andGateData)
        #expect(run.error == nil)
        let block = try #require(run.relations.first)
        #expect(block.numericLines == [
            "\\begin{bmatrix} 0.1 \\\\ 0.1 \\end{bmatrix} = 0.1 \\times 1 \\times {\\begin{bmatrix} 1 & 1 \\end{bmatrix}}^{\\top}",
            "0.1 = 0.1 \\times 1",
        ])
        #expect(block.checks.count == 2)
        let page = MarkdownWriter().markdown(for: ReportDocument(title: "t", blocks: run.blocks))
        #expect(page.contains("```math\n0.1 = 0.1 \\times 1\n```"))

        let wrong = cell.replacingOccurrences(of: "delta_b = eta * error", with: "delta_b = 2 * eta * error")
        let failing = try runCellsWithData(lessonSource(perceptronCells + [("equation", wrong)]), data: andGateData)
        guard case let .fails(message) = failing.relations.first?.check else {
            Issue.record("the second relation did not fail: \(failing.relations)")
            return
        }
        #expect(message.hasPrefix("relation 2: delta_b = 2 * eta * error: the left-hand side is 0.1 but the right-hand side is 0.2"))
        #expect(failing.session.failures.map(\.position.line) == [18])
        #expect(failing.stoppingError == nil)
    }

    @Test func eachRelationOfAListIsReadWhereItIsWritten() {
        expectLessonError("lessons/x.md:8:12: error: 'numbers' in equation cell does not parse: expected an expression, found the end of the relation") {
            _ = try EquationCell(try firstCell("tex: a\nnumbers:\n  - a = b\n  - a = b +", kind: "equation"))
        }
        expectLessonError("lessons/x.md:6:10: error: 'numbers' in equation cell should be a relation like 'a1 = sigmoid(n1)', or a list of them, not an empty list") {
            _ = try EquationCell(try firstCell("tex: a\nnumbers: []", kind: "equation"))
        }
    }

    /// A chapter kept from an older run has a `results.json` without the new count.
    @Test func resultsWrittenBeforeExpectedFailuresStillRead() throws {
        let old = #"{"epochs": 3, "relationsHeld": 2, "relationsFailed": 1, "figures": 4}"#
        let metrics = try JSONDecoder().decode(ChapterMetrics.self, from: Data(old.utf8))
        #expect(metrics.epochs == 3 && metrics.relationsHeld == 2 && metrics.relationsFailed == 1 && metrics.figures == 4)
        #expect(metrics.relationsFailedAsExpected == 0)
    }

    @Test func anUnrecordedNameIsPositionedWithASuggestion() throws {
        let run = try runCellsWithData(
            lessonSource(perceptronCells + [("equation", "tex: \\theta\nnumbers: thetanew = theta\nat: {epoch: 1, sample: 4}")]),
            data: andGateData)
        #expect(run.error?.description == "lessons/x.md:16:10: error: cannot evaluate 'numbers' at epoch 1, sample 4: 'thetanew' was not recorded at this step (did you mean 'theta_new'?)")
        #expect(run.relations.isEmpty)
    }

    @Test func aStepTrainingNeverReachedNamesTheStepsItRan() throws {
        var cells = seed004Cells
        cells[1].body = "loss: squared-error\nlearning_rate: 0.1\nepochs: 6"
        let late = try runCellsWithData(lessonSource(cells + [("equation", "tex: n\nnumbers: n1 = b1 + x * W1\nat: {epoch: 7, step: 1}")]), data: seed004Sample)
        #expect(late.error?.description == "lessons/x.md:21:5: error: no quantities were recorded at epoch 7, step 1: training ran 6 epochs")
        let beyond = try runCellsWithData(lessonSource(perceptronCells + [("equation", "tex: n\nnumbers: n = theta\nat: {epoch: 1, sample: 5}")]), data: andGateData)
        #expect(beyond.error?.description == "lessons/x.md:17:5: error: no quantities were recorded at epoch 1, sample 5: an epoch has 4 samples")
        let iteration = try runCellsWithData(lessonSource(perceptronCells + [("equation", "tex: n\nnumbers: n = n\nat: {iteration: 500}")]), data: andGateData)
        #expect(iteration.error?.description.hasPrefix("lessons/x.md:17:5: error: no quantities were recorded at iteration 500: training ran ") == true)
    }

    @Test func anIterationOfFullBatchTrainingIsItsEpoch() throws {
        var cells = seed004Cells
        cells[1].body = "loss: squared-error\nlearning_rate: 0.1\nepochs: 3"
        let run = try runCellsWithData(lessonSource(cells + [("equation", "tex: n\nnumbers: W1_new = W1 - eta * x' * s1\nat: {iteration: 3}")]), data: seed004Sample)
        #expect(run.error == nil)
        #expect(run.relations.first?.step == "iteration 3")
    }

    @Test func anInputFillsInAHandDesignedNetworksForwardPass() throws {
        let xor = SessionData(title: "the XOR gate", training: LogicGate.xor.dataset(), classNames: ["0", "1"])
        let model = ("model", "layers: [2, 2, 1]\nactivation: hardlimit\ninit: explicit\nW1: [[1, -1], [-1, 1]]\nb1: [-0.5, -0.5]\nW2: [[1], [1]]\nb2: -0.5")
        let run = try runCellsWithData(
            lessonSource([
                model,
                ("equation", "tex: n\nnumbers: Z1 = b1 + X * W1\nat: {input: 2}"),
                ("equation", "tex: a\nnumbers: a2 = hardlim(b2 + a1 * W2)\nat: {input: 2}"),
            ]),
            data: xor)
        #expect(run.error == nil)
        #expect(run.relations.map(\.step) == ["sample 2 of the data", "sample 2 of the data"])
        #expect(run.relations.first?.numeric == "\\begin{bmatrix} -1.5 & 0.5 \\end{bmatrix} = \\begin{bmatrix} -0.5 & -0.5 \\end{bmatrix} + \\begin{bmatrix} 0 & 1 \\end{bmatrix} \\, \\begin{bmatrix} 1 & -1 \\\\ -1 & 1 \\end{bmatrix}")
        #expect(run.relations.last?.numeric == "1 = \\operatorname{hardlim}\\left(-0.5 + \\begin{bmatrix} 0 & 1 \\end{bmatrix} \\, \\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix}\\right)")
    }

    @Test func anInputNumbersEveryLayerAsTrainingDoes() throws {
        // The dropout is layer 2 (the identity in evaluation), the second dense layer layer 3.
        let model = ("model", "layers: [2, 3, dropout: 0.5, 2, 1]\nactivations: [relu, tanh, sigmoid]")
        let run = try runCellsWithData(
            lessonSource([
                model,
                ("equation", "tex: a\nnumbers: a2 = a1\nat: {input: 3}"),
                ("equation", "tex: n\nnumbers: n3 = a2 * W3 + b3\nat: {input: 3}"),
                ("equation", "tex: a\nnumbers: a4 = sigmoid(tanh(n3) * W4 + b4)\nat: {input: 3}"),
            ]),
            data: andGateData)
        #expect(run.error == nil)
        #expect(run.relations.count == 3)
        #expect(run.relations.allSatisfy { if case .holds = $0.check { true } else { false } })
    }

    @Test func aSingleLayerHasThePerceptronsNames() throws {
        let model = ("model", "layers: [2, 1]\nactivation: hardlimit\ninit: explicit\nW1: [[1], [1]]\nb1: -1.5")
        let run = try runCellsWithData(
            lessonSource([model, ("equation", "tex: a\nnumbers: a = hardlim([1, x] * theta)\nat: {input: 4}")]), data: andGateData)
        #expect(run.error == nil)
        #expect(run.relations.first?.check == .holds(largestDeviation: 0, tolerance: 1e-9))
        let missing = try runCellsWithData(
            lessonSource([model, ("equation", "tex: a\nnumbers: a = hardlim(n)\nat: {input: 5}")]), data: andGateData)
        #expect(missing.error?.description == "lessons/x.md:14:5: error: there is no sample 5: the data has 4 samples")
    }

    @Test func columnsShowsALongerVectorWhole() throws {
        let model = ("model", "layers: [2, 8, 1]\ninit: xavier")
        let elided = try runCellsWithData(
            lessonSource([model, ("equation", "tex: n\nnumbers: n1 = x * W1 + b1\nat: {input: 4}")]), data: andGateData)
        #expect(elided.error == nil)
        #expect(elided.relations.first?.numeric.contains("\\cdots") == true)
        #expect(elided.relations.first?.numeric.contains("(1 \\times 8)") == true)
        let whole = try runCellsWithData(
            lessonSource([model, ("equation", "tex: n\nnumbers: n1 = x * W1 + b1\nat: {input: 4}\ncolumns: 8")]), data: andGateData)
        #expect(whole.error == nil)
        #expect(whole.relations.first?.numeric.contains("\\cdots") == false)
        expectLessonError("lessons/x.md:6:10: error: 'columns' in equation cell must be between 3 and 30, not 2") {
            _ = try EquationCell(try firstCell("tex: a\ncolumns: 2", kind: "equation"))
        }
    }

    @Test func digitsRoundTheFilledInNumbers() throws {
        let cells = seed004Cells + [("equation", "tex: L\nnumbers: loss = sum((y - a2) .* (y - a2)) / m\ndigits: 1")]
        let run = try runCellsWithData(lessonSource(cells), data: seed004Sample)
        #expect(run.relations.first?.numeric == "16 = \\frac{\\sum_{i} {((0 - 4) \\odot (0 - 4))}_{i}}{1}")
    }
}

@Suite struct FilledRelationTeXTests {
    let bindings = Bindings([
        "a": Matrix(scalar: 2), "b": Matrix(scalar: -0.5), "x": Matrix([[1, 2]]), "W": Matrix([[1, 0], [0, 1]]),
        "N": Matrix(rows: 10, columns: 10, entry: { Double($0 * 10 + $1) }), "c": Matrix(column: [1, 2]),
    ])

    func tex(_ text: String, digits: Int = 4) throws -> String {
        try Relation(parsing: text).evaluate(with: bindings).tex(format: NumberFormat(significantDigits: digits))
    }

    @Test(arguments: [
        "a = a + b", "a = a - b", "a = -b", "a = a * b", "x = x * W", "x = x .* x", "a = a / 2", "x = x ./ x",
        "c = x'", "c = xᵀ", "x = sigmoid(x)", "x = σ'(x)", "x = tanh(x)", "x = tanh'(x)", "x = relu(x)",
        "x = relu'(x)", "x = hardlim(x)", "x = hardlim'(x)", "x = linear(x)", "x = linear'(x)", "x = softmax(x)",
        "x = exp(x)", "x = log(x)", "a = sum(x, 2)", "x = sum(W)", "x = mean(W)", "x = [a, b] + x",
        "W = [x; x]", "x = [1 -b]", "x = (x + a) * W", "a = 1e-5 + 0.25 * a", "N = N'", "N = N * N",
    ])
    func everyConstructTypesets(_ relation: String) throws {
        _ = try MathML.convert(try tex(relation), display: true)
    }

    @Test func operatorsFunctionsAndBrackets() throws {
        #expect(try tex("a = a + b") == "2 = 2 + (-0.5)")
        #expect(try tex("a = b * a - b * b") == "2 = -0.5 \\times 2 - (-0.5) \\times (-0.5)")
        #expect(try tex("a = -b") == "2 = -(-0.5)")
        #expect(try tex("x = x .* x") == "\\begin{bmatrix} 1 & 2 \\end{bmatrix} = \\begin{bmatrix} 1 & 2 \\end{bmatrix} \\odot \\begin{bmatrix} 1 & 2 \\end{bmatrix}")
        #expect(try tex("a = a / 2") == "2 = \\frac{2}{2}")
        #expect(try tex("c = x'") == "\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix} = {\\begin{bmatrix} 1 & 2 \\end{bmatrix}}^{\\top}")
        #expect(try tex("a = σ'(a)", digits: 3) == "2 = \\sigma'(2)")
        #expect(try tex("x = [a, b] + x") == "\\begin{bmatrix} 1 & 2 \\end{bmatrix} = \\begin{bmatrix} 2 & -0.5 \\end{bmatrix} + \\begin{bmatrix} 1 & 2 \\end{bmatrix}")
        #expect(try tex("a = 1e-5 + 0.25 * a") == "2 = 1 \\times 10^{-5} + 0.25 \\times 2")
    }

    @Test func largeMatricesAreElidedWithTheirShape() throws {
        let tex = FilledExpression(
            .quantity(name: "N"), value: Matrix(rows: 10, columns: 10, entry: { Double($0 * 10 + $1) }), range: 0..<1
        ).tex()
        #expect(tex == "\\begin{bmatrix} 0 & 1 & 2 & \\cdots & 8 & 9 \\\\ 10 & 11 & 12 & \\cdots & 18 & 19 \\\\ 20 & 21 & 22 & \\cdots & 28 & 29 \\\\ \\vdots & \\vdots & \\vdots & \\ddots & \\vdots & \\vdots \\\\ 80 & 81 & 82 & \\cdots & 88 & 89 \\\\ 90 & 91 & 92 & \\cdots & 98 & 99 \\end{bmatrix}_{(10 \\times 10)}")
    }
}

@Suite struct EquationCellInTheRunnerTests {
    @Test func checkFindsEveryFormulaMistakeBeforeRunning() throws {
        let text = lessonSource([
            ("equation", "tex: a + \\foo"),
            ("table", "of: updatse"),
            ("equation", "tex: a\nnumbers: a = (b"),
        ])
        let errors = LessonRunner().check(try LessonParser.parse(text, path: "lessons/x.md")).map(\.description)
        #expect(errors == [
            "lessons/x.md:5:10: error: 'tex' in equation cell does not typeset: unsupported command '\\foo'",
            "lessons/x.md:8:5: error: 'of' in table cell must be one of 'updates', 'truth-table', 'trace', 'history', 'gradient-check', 'gradient-descent', not 'updatse' (did you mean 'updates'?)",
            "lessons/x.md:12:16: error: 'numbers' in equation cell does not parse: expected ')' to close '(' at offset 4, found the end of the relation",
        ])
    }

    @Test func theRunnerShowsAFormulaAndStopsAtARelationWithoutTraining() throws {
        let text = lessonSource([
            ("model", "layers: [2, 1]"),
            ("equation", "tex: a = \\sigma(n)"),
            ("equation", "tex: a\nnumbers: a = sigmoid(n)"),
        ])
        let result = LessonRunner().run(
            try LessonParser.parse(text, path: "lessons/x.md"), figureDirectory: FileManager.default.temporaryDirectory)
        #expect(result.errors.map(\.description) == ["lessons/x.md:10:1: error: the equation cell needs a train cell above it"])
        #expect(result.document.blocks.first == .numberedMath("a = \\sigma(n)", number: 1))
    }
}
