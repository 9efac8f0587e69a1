import Datasets
import Engine
import Foundation
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// Seed 004's hand-designed XOR network: two hard-limit units and their OR-like combination.
let handDesignedXOR = cell("model", """
    layers: [2, 2, 1]
    activation: hardlimit
    init: explicit
    W1: [[1, -1], [-1, 1]]
    b1: [-0.5, -0.5]
    W2: [[1], [1]]
    b2: -0.5
    """)

@Suite struct EvaluateCellTests {
    @Test func aGatesTruthTableIsComputedByTheNetwork() throws {
        let session = try runLesson(cell("data", "dataset: xor"), handDesignedXOR, cell("evaluate", "on: training\nshow: predictions"))
        let found = tables(session)
        #expect(found.count == 2)
        #expect(found.first == ReportTable(
            headers: ["set", "samples", "accuracy", "misclassified"], rows: [["training", "4", "100.0 %", "0"]],
            caption: "The network measured on the training samples of the XOR gate.", numericColumns: [1, 2, 3]))
        #expect(found.last == ReportTable(
            headers: ["$x_{1}$", "$x_{2}$", "target", "output $a$", "predicted", "correct"],
            rows: [
                ["0", "0", "0", "0", "0", "✓"], ["0", "1", "1", "1", "1", "✓"],
                ["1", "0", "1", "1", "1", "✓"], ["1", "1", "0", "0", "0", "✓"],
            ],
            caption: "Every one of the 4 training samples of the XOR gate: inputs, target class, the network's output and the class it predicts.",
            numericColumns: [0, 1, 3]))
        #expect(session.headline == ["training accuracy 100.0 %"])
    }

    @Test func theLossIsTheLastTrainCellsAndMatchesTheEngine() throws {
        let session = try runLesson(
            cell("data", "dataset: circles\ncount: 100\ntest_count: 60\nfeatures: squares"),
            cell("model", "layers: [2, 1]\nactivation: sigmoid"),
            cell("train", "learning_rate: 1\nepochs: 200"),
            cell("evaluate", ""))
        let evaluation = try #require(session.evaluation)
        let test = try #require(session.data?.test)
        let network = try #require(session.network)
        let pass = network.forward(test.inputs)
        let expected = Loss.binaryCrossEntropy.value(output: pass.output, net: pass.nets[0], target: test.targets, activation: .sigmoid)
        #expect(evaluation.loss == .binaryCrossEntropy && evaluation.lossValue == expected)
        #expect(evaluation.accuracy == Accuracy.fraction(output: pass.output, target: test.targets))
        #expect(evaluation.accuracy > 0.9)
        let summary = try #require(tables(session).first)
        #expect(summary.headers == ["set", "samples", "loss (binary cross-entropy)", "accuracy", "misclassified"])
        #expect(summary.rows == [["test", "60", session.format(expected), NumberText.percent(evaluation.accuracy), String(60 - evaluation.correctCount)]])
        #expect(session.headline.last == "test accuracy \(NumberText.percent(evaluation.accuracy))")
    }

    @Test func aLossKeyGivesALossWhereNoTrainCellDid() throws {
        // XOR's network on AND's truth table: three rows wrong by 1.
        let session = try runLesson(cell("data", "dataset: and"), handDesignedXOR, cell("evaluate", "on: training\nloss: squared-error"))
        #expect(session.evaluation?.lossValue == 0.75)
        #expect(tables(session).first?.headers == ["set", "samples", "loss (squared error)", "accuracy", "misclassified"])
    }

    @Test func aLossKeyOverridesTheTrainCells() throws {
        let session = try runLesson(
            cell("data", "dataset: or"), cell("model", "layers: [2, 1]"), cell("train", "learning_rate: 1\nepochs: 3"),
            cell("evaluate", "on: training\nloss: half-squared-error"))
        let evaluation = try #require(session.evaluation)
        let output = try #require(session.network).predict(evaluation.samples.inputs)
        let expected = ((output - evaluation.samples.targets) * (output - evaluation.samples.targets)).mean() / 2
        #expect(evaluation.loss == .halfSquaredError)
        #expect(abs(try #require(evaluation.lossValue) - expected) < 1e-15)
    }

    @Test func misclassifiedSamplesAreListedUpToTheRowLimit() throws {
        // Zero weights put every sample at 0.5, class 1: every outer point is wrong.
        let session = try runLesson(
            cell("data", "dataset: circles\ncount: 20\ntest_count: 20"),
            cell("model", "layers: [2, 1]\nactivation: sigmoid\ninit: zeros"),
            cell("evaluate", "show: misclassified\nrows: 3\nconfusion: true"))
        let found = tables(session)
        let listing = found[1]
        #expect(listing.headers == ["sample", "$x_{1}$", "$x_{2}$", "target", "output $a$", "predicted", "correct"])
        #expect(listing.rows.count == 3)
        #expect(listing.rows.allSatisfy { $0[3] == "outer" && $0[4] == "0.5" && $0[5] == "inner" && $0[6] == "✗" })
        #expect(listing.caption == "The first 3 of the 10 misclassified test samples of two concentric circles: inputs, target class, the network's output and the class it predicts.")
        #expect(found[2] == ReportTable(
            headers: ["true ╲ predicted", "outer", "inner"], rows: [["outer", "0", "10"], ["inner", "0", "10"]],
            caption: "Confusion counts on the test samples of two concentric circles: one row per true class, one column per predicted class; the diagonal holds the correct ones.",
            numericColumns: [1, 2]))
        #expect(session.evaluation?.confusion == [[0, 10], [0, 10]])
    }

    @Test func noMisclassifiedSampleIsSaidInANote() throws {
        let session = try runLesson(cell("data", "dataset: xor"), handDesignedXOR, cell("evaluate", "on: training\nshow: misclassified"))
        #expect(session.blocks.last == .note("None of the 4 training samples of the XOR gate is misclassified."))
    }

    @Test func digitsAreListedByNumberWithTheirProbability() throws {
        let session = try runLesson(
            cell("data", "dataset: mnist\ntrain_count: 100\ntest_count: 50"),
            cell("model", "layers: [784, 10]\nactivation: softmax\ninit: zeros"),
            cell("evaluate", "show: predictions\nrows: 3"))
        let listing = try #require(tables(session).last)
        #expect(listing.headers == ["sample", "target", "probability", "predicted", "correct"])
        #expect(listing.rows == [["1", "7", "0.1", "0", "✗"], ["2", "2", "0.1", "0", "✗"], ["3", "1", "0.1", "0", "✗"]])
    }

    // MARK: - Mistakes

    @Test func evaluatingOnAMissingTestSetSaysHowToMakeOne() {
        expectLessonError("lessons/x.md:17:1: error: there are no test samples to evaluate on: the XOR gate has only its 4 rows; evaluate on them with 'on: training'") {
            _ = try runLesson(cell("data", "dataset: xor"), handDesignedXOR, cell("evaluate", ""))
        }
        expectLessonError("lessons/x.md:11:1: error: there are no test samples to evaluate on: give the data cell a 'test_count' (a test set of that many samples), or write 'on: training'") {
            _ = try runLesson(cell("data", "dataset: circles"), cell("model", "layers: [2, 1]"), cell("evaluate", "on: test"))
        }
        expectLessonError("lessons/x.md:11:1: error: there are no validation samples to evaluate on: give the data cell a 'validation' fraction, such as 'validation: 0.2'") {
            _ = try runLesson(cell("data", "dataset: circles"), cell("model", "layers: [2, 1]"), cell("evaluate", "on: validation"))
        }
    }

    @Test func readingMistakesArePositioned() {
        expectLessonError("lessons/x.md:5:5: error: 'on' in evaluate cell must be one of 'training', 'validation', 'test', not 'tset' (did you mean 'test'?)") {
            _ = try EvaluateCell(try firstCell("on: tset", kind: "evaluate"))
        }
        expectLessonError("lessons/x.md:5:7: error: 'rows' in evaluate cell is only read with 'show: predictions' or 'show: misclassified'") {
            _ = try EvaluateCell(try firstCell("rows: 5", kind: "evaluate"))
        }
        expectLessonError("lessons/x.md:5:7: error: 'show' in evaluate cell must be one of 'predictions', 'misclassified', not 'prediction' (did you mean 'predictions'?)") {
            _ = try EvaluateCell(try firstCell("show: prediction", kind: "evaluate"))
        }
    }

    @Test func runningMistakesArePositioned() {
        expectLessonError("lessons/x.md:19:7: error: binary-cross-entropy needs probabilities: the network ends with a hardlimit layer; choose another 'loss'") {
            _ = try runLesson(cell("data", "dataset: xor"), handDesignedXOR, cell("evaluate", "on: training\nloss: binary-cross-entropy"))
        }
        expectLessonError("lessons/x.md:11:1: error: the network takes 3 inputs, but the training samples have 2 features") {
            _ = try runLesson(cell("model", "layers: [3, 1]"), cell("data", "dataset: or"), cell("evaluate", "on: training"))
        }
        expectLessonError("lessons/x.md:5:1: error: the evaluate cell needs a data cell above it") {
            _ = try runLesson(cell("evaluate", ""))
        }
    }

    @Test func theRunnerShowsTheErrorWhereTheCellStands() throws {
        let text = "---\ntitle: t\n---\n" + cell("data", "dataset: xor") + "Some prose.\n" + cell("model", "layers: [2, 1]") + cell("evaluate", "")
        let result = LessonRunner().run(try LessonParser.parse(text, path: "lessons/x.md"), figureDirectory: FileManager.default.temporaryDirectory)
        let message = "there are no test samples to evaluate on: the XOR gate has only its 4 rows; evaluate on them with 'on: training'"
        #expect(result.errors.map(\.description) == ["lessons/x.md:11:1: error: \(message)"])
        #expect(result.document.blocks == [
            .prose("Some prose."), .error(ReportError(position: "lessons/x.md:11:1", message: message)),
        ])
    }

    // MARK: - What the session keeps

    @Test func anEvaluationOfAnOlderNetworkIsRefused() throws {
        let session = try runLesson(
            cell("data", "dataset: or"), cell("model", "layers: [2, 1]"), cell("evaluate", "on: training"),
            cell("train", "learning_rate: 1\nepochs: 5"))
        let plot = try firstCell("kind: confusion", kind: "plot")
        expectLessonError("lessons/x.md:4:1: error: the network has changed since the evaluate cell above measured it; add an evaluate cell after the last train or model cell") {
            _ = try session.requireEvaluation(for: plot)
        }
    }

    @Test func aDataCellClearsTheEvaluation() throws {
        let session = try runLesson(cell("data", "dataset: or"), cell("model", "layers: [2, 1]"), cell("evaluate", "on: training"), cell("data", "dataset: and"))
        #expect(session.evaluation == nil)
    }

    @Test func oneOutputIsSplitAtTheMiddleOfItsRange() {
        let bipolar = LogicGate.and.dataset(encoding: .bipolar)
        let outputs = Matrix(column: [-0.2, 0, 0.3, -1])
        #expect(Evaluation.predictedLabels(outputs: outputs, activation: .tanh, samples: bipolar) == [0, 1, 1, 0])
        #expect(Evaluation.predictedLabels(outputs: outputs, activation: .linear, samples: bipolar) == [0, 1, 1, 0])
        #expect(Evaluation.predictedLabels(outputs: outputs, activation: .linear, samples: LogicGate.and.dataset()) == [0, 0, 0, 0])
        #expect(Evaluation.predictedLabels(outputs: Matrix(column: [0.5, 0.49]), activation: .sigmoid, samples: bipolar) == [1, 0])
    }
}
