import Engine
import Foundation
import MathML
import Report
import Testing
@testable import LessonFormat
@testable import LessonRuntime

/// The exercises of a run, in order.
private func exercises(_ run: CellsRun) -> [ExerciseBlock] {
    run.blocks.compactMap { if case let .exercise(exercise) = $0 { exercise } else { nil } }
}

@Suite struct ExerciseCellTests {
    @Test func readsAnAnswerAtAStepOrANamedResult() throws {
        let cell = try ExerciseCell(try firstCell("question: Q?\nanswer: sum(dW1)\nat: {epoch: 2, step: 1}\ntex: s\nhint: H\nexplanation: E\ndigits: 3", kind: "exercise"))
        guard case let .expression(expression, _, step, _, tex) = cell.source else { Issue.record("not an expression"); return }
        #expect(expression.description == "sum(dW1)")
        #expect(step == .step(TraceStep(epoch: 2, step: 1), unit: "step"))
        #expect(tex == "s")
        #expect(cell.requestedSteps == [TraceStep(epoch: 2, step: 1)])
        let result = try ExerciseCell(try firstCell("question: Q?\nresult: test R2", kind: "exercise"))
        guard case let .result(named, _) = result.source else { Issue.record("not a result"); return }
        #expect(named == .testRSquared)
        #expect(result.requestedSteps.isEmpty)
    }

    @Test func everyKeysMistakeIsPositioned() {
        expectLessonError("lessons/x.md:4:1: error: missing key 'answer' in exercise cell (or 'result': a number the chapter measured, such as 'test accuracy')") {
            _ = try ExerciseCell(try firstCell("question: Q?", kind: "exercise"))
        }
        expectLessonError("lessons/x.md:7:9: error: 'result' in exercise cell and 'answer' are both given; the answer is one or the other") {
            _ = try ExerciseCell(try firstCell("question: Q?\nanswer: a\nresult: epochs", kind: "exercise"))
        }
        expectLessonError("lessons/x.md:6:9: error: 'result' in exercise cell names no result: 'test acuracy' (did you mean 'test accuracy'?)") {
            _ = try ExerciseCell(try firstCell("question: Q?\nresult: test acuracy", kind: "exercise"))
        }
        expectLessonError("lessons/x.md:7:5: error: 'at' in exercise cell is only read with 'answer', the expression it fills in") {
            _ = try ExerciseCell(try firstCell("question: Q?\nresult: epochs\nat: {epoch: 1}", kind: "exercise"))
        }
        expectLessonError("lessons/x.md:6:13: error: 'answer' in exercise cell does not parse: expected an expression, found the end of the relation") {
            _ = try ExerciseCell(try firstCell("question: Q?\nanswer: W1 * ", kind: "exercise"))
        }
        expectLessonError("lessons/x.md:4:1: error: missing key 'question' in exercise cell") {
            _ = try ExerciseCell(try firstCell("answer: W1", kind: "exercise"))
        }
    }

    @Test func anAnswerFromTheTraceIsTheEnginesNumber() throws {
        let run = try runCellsWithData(
            lessonSource(seed004Cells + [
                ("exercise", "question: What is W1 after the step?\nanswer: W1_new\ntex: \\mathbf{W}^1\ndigits: 17"),
                ("exercise", "question: And the sum of dW1?\nanswer: sum(sum(dW1, 2))"),
            ]),
            data: seed004Sample)
        #expect(run.error == nil)
        guard case let .gradientDescent(training) = try #require(run.session.training) else { Issue.record("no run"); return }
        let record = try #require(training.result.trace.record(at: TraceStep(epoch: 1, step: 1)))
        let weights = try #require(record["W1_new"])
        let shown = exercises(run)
        #expect(shown.map(\.number) == [1, 2])
        #expect(
            shown[0].answer
                == "$$\\mathbf{W}^1 = " + TeX.matrix(weights.rowArrays, format: NumberFormat(significantDigits: 17)) + "$$")
        #expect(shown[0].answer.contains("0.19999999999999996"))
        // dW1 = x' * s1 = [[8, 8], [8, 8]] in seed 004's worked example.
        #expect(try #require(record["dW1"]).values.reduce(0, +) == 32)
        #expect(shown[1].answer == "$$32$$")
    }

    @Test func aWrongNameIsPositionedWithASuggestionWhenRunningAndWhenChecking() throws {
        let text = lessonSource(seed004Cells + [("exercise", "question: Q?\nanswer: W1_nw\nat: {epoch: 1, step: 1}")])
        let expected = "lessons/x.md:21:9: error: cannot evaluate 'answer' at epoch 1, step 1: 'W1_nw' was not recorded at this step (did you mean 'W1_new'?)"
        let run = try runCellsWithData(text, data: seed004Sample)
        #expect(run.error?.description == expected)
        #expect(exercises(run).isEmpty)
        let checked = LessonRunner().check(try LessonParser.parse(cell("data", "dataset: and").withFrontMatter + text.dropFrontMatter, path: "lessons/x.md"))
        #expect(checked.map(\.description) == [expected.replacingOccurrences(of: ":21:", with: ":24:")])
    }

    @Test func aNamedResultIsTheChaptersMeasurementWithItsDigits() throws {
        let run = try runCellsWithData(
            lessonSource(perceptronCells + [
                ("evaluate", "on: training"),
                ("exercise", "question: Q?\nresult: training accuracy"),
                ("exercise", "question: Q?\nresult: converged"),
                ("exercise", "question: Q?\nresult: epochs\ndigits: 2"),
            ]),
            data: andGateData)
        #expect(run.error == nil)
        #expect(run.session.metrics.trainingAccuracy == 1)
        let epochs = try #require(run.session.metrics.epochs)
        #expect(exercises(run).map(\.answer) == ["Training accuracy: **100 %**", "Converged: **yes**", "Epochs: **\(epochs)**"])
    }

    @Test func aResultNoCellAboveMeasuresIsAnErrorWhenCheckingAndRunning() throws {
        let text = "---\ntitle: t\n---\n" + cell("data", "dataset: and") + perceptronCells.map { cell($0.kind, $0.body) }.joined()
            + cell("exercise", "question: Q?\nresult: test accuracy") + cell("exercise", "question: Q?\nresult: final loss")
            + cell("exercise", "question: Q?\nresult: converged")
        let checked = LessonRunner().check(try LessonParser.parse(text, path: "lessons/x.md")).map(\.description)
        #expect(
            checked == [
                "lessons/x.md:19:9: error: 'result' in exercise cell names the test accuracy, which no cell above measures: an evaluate cell with 'on: test' measures it",
                "lessons/x.md:23:9: error: 'result' in exercise cell names the final loss, which no cell above measures: a train cell with 'rule: gradient-descent' measures it",
            ])
    }
}

extension String {
    /// A lesson's cells without its three-line front matter.
    fileprivate var dropFrontMatter: String { String(split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)[3]) }
    /// The cell after a three-line front matter.
    fileprivate var withFrontMatter: String { "---\ntitle: t\n---\n" + self }
}
