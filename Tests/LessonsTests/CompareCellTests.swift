import Datasets
import Engine
import Foundation
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// The XOR truth table as session data (no held-out sets).
private func xorData() -> SessionData {
    SessionData(title: "the XOR gate", training: LogicGate.xor.dataset(), classNames: ["0", "1"])
}

/// Noisy circles split into training, validation and test sets.
private func circlesData() -> SessionData {
    var generator = SeededGenerator(seed: 3, stream: "test-data")
    let circles = Dataset.circles(count: 80, noise: 0.05, factor: 0.5, using: &generator)
    let split = circles.split(trainFraction: 0.5, validationFraction: 0.25, using: &generator)
    return SessionData(
        title: "two circles", training: split.train, validation: split.validation, test: split.test,
        classNames: ["outer", "inner"])
}

/// Runs every cell of a lesson made of `cells` against a session holding `data`.
private func runLesson(_ cells: String, data: SessionData, seed: UInt64 = 7) throws -> Session {
    let lesson = try LessonParser.parse("---\ntitle: t\nseed: \(seed)\n---\n" + cells, path: "lessons/x.md")
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("compare-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let session = Session(header: try LessonHeader(lesson), lesson: lesson, figureDirectory: directory)
    session.data = data
    for cell in lesson.cells { try cell.kind.read(cell).run(cell, in: session) }
    return session
}

private func figures(_ session: Session) -> [ReportFigure] {
    session.blocks.compactMap { if case let .figure(figure) = $0 { figure } else { nil } }
}

private let xorModel = "```{model}\nlayers: [2, 3, 1]\nactivations: [tanh, linear]\n```\n"
private let xorTrain = "```{train}\nloss: squared-error\nlearning_rate: 0.1\nepochs: 20\n```\n"
private let circlesModel = "```{model}\nlayers: [2, 4, 1]\nactivations: [tanh, sigmoid]\n```\n"
private let circlesTrain = "```{train}\nlearning_rate: 0.1\nepochs: 8\nbatch_size: 8\n```\n"

private func compare(_ body: String) -> String { "```{compare}\n\(body)\n```\n" }

/// The line of the compare cell's fence after a four-line front matter, a 4-line model and a 5-line train cell.
private let compareLine = 14

@Suite struct CompareCellRunTests {
    @Test func learningRatesRunInOrderAndADivergingOneEndsItsCurveInsteadOfTheChapter() throws {
        let session = try runLesson(
            xorModel + xorTrain + compare("vary: learning_rate\nvalues: [0.01, 0.1, 1e6]\nepochs: 30"), data: xorData())
        let table = try #require(tables(session).first)
        #expect(table.headers == ["learning rate $\\eta$", "final training loss", "training accuracy", "epochs", "outcome"])
        #expect(table.rows == [
            ["0.01", "0.3644", "25.0 %", "30", "finished"],
            ["0.1", "0.2555", "75.0 %", "30", "finished"],
            ["1e6", "—", "—", "2", "diverged in epoch 2"],
        ])
        #expect(table.numericColumns == [1, 2, 3])
        let figure = try #require(figures(session).first)
        #expect(figure.file == "fig-01-compare-learning-rate.png")
        #expect(figure.alternativeText.hasSuffix("one line per learning rate: η = 0.01, η = 0.1, η = 1e6 (diverged)."))
        #expect(figure.caption.hasSuffix("A curve that ends early belongs to a run that diverged."))
        let png = try Data(contentsOf: session.figureDirectory.appendingPathComponent(figure.file))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func twoRunsOfALessonGiveTheSameTableAndTheSameFigure() throws {
        let lesson = circlesModel + circlesTrain + compare("vary: optimizer\nvalues: [gradient-descent, adam]")
        let first = try runLesson(lesson, data: circlesData())
        let second = try runLesson(lesson, data: circlesData())
        #expect(tables(first) == tables(second))
        let file = try #require(figures(first).first).file
        #expect(
            try Data(contentsOf: first.figureDirectory.appendingPathComponent(file))
                == Data(contentsOf: second.figureDirectory.appendingPathComponent(file)))
    }

    @Test func everyRunStartsFromTheSameWeightsAndShuffles() throws {
        // On XOR's four samples a batch of 4 is the full batch: the two runs must agree to the bit.
        let session = try runLesson(xorModel + xorTrain + compare("vary: batch_size\nvalues: [full, 4]"), data: xorData())
        let rows = try #require(tables(session).first).rows
        #expect(rows.map(\.[0]) == ["full", "4"])
        #expect(rows[0].dropFirst() == rows[1].dropFirst())
    }

    @Test func heldOutSetsAddValidationAndTestColumns() throws {
        let session = try runLesson(
            circlesModel + circlesTrain + compare("vary: optimizer\nvalues: [gradient-descent, momentum, rmsprop, adam]"),
            data: circlesData())
        let table = try #require(tables(session).first)
        #expect(table.headers == [
            "optimizer", "final training loss", "training accuracy", "validation accuracy", "test accuracy", "epochs", "outcome",
        ])
        #expect(table.rows.map(\.[0]) == ["gradient-descent", "momentum", "rmsprop", "adam"])
        #expect(table.rows.allSatisfy { $0[5] == "8" && $0[6] == "finished" })
    }

    @Test func hiddenSizesInitializersAndBatchSizesNameTheirRows() throws {
        func firstColumn(_ body: String) throws -> [String] {
            try #require(tables(try runLesson(circlesModel + circlesTrain + compare(body), data: circlesData())).first).rows.map(\.[0])
        }
        #expect(try firstColumn("vary: hidden\nvalues: [[], [8], [8, 4]]") == ["2–1", "2–8–1", "2–8–4–1"])
        #expect(try firstColumn("vary: init\nvalues: [zeros, uniform, xavier, he]") == ["zeros", "uniform", "xavier", "he"])
        #expect(try firstColumn("vary: batch_size\nvalues: [1, 16, full]") == ["1", "16", "full"])
    }

    @Test func layerKindsInVariedLayersAreNamedWithTheirSettings() throws {
        let session = try runLesson(
            circlesModel + circlesTrain
                + compare("vary: layers\nvalues: [[2, 4, 1], [2, 4, dropout: 0.5, 1], [2, 4, dropout: 0.2, 1], [2, 4, dropout: {rate: 0.3}, 1]]"),
            data: circlesData())
        #expect(try #require(tables(session).first).rows.map(\.[0]) == [
            "2–4–1", "2–4–dropout 0.5–1", "2–4–dropout 0.2–1", "2–4–dropout {rate: 0.3}–1",
        ])
        let figure = try #require(figures(session).first)
        #expect(figure.alternativeText.hasSuffix("one line per network: 2–4–1, 2–4–dropout 0.5–1, 2–4–dropout 0.2–1, 2–4–dropout {rate: 0.3}–1."))
    }

    @Test func earlyStoppingShowsWhereEachRunStopped() throws {
        let train = "```{train}\nlearning_rate: 0.5\nepochs: 8\nbatch_size: 8\n```\n"
        let session = try runLesson(
            circlesModel + train + compare("vary: early_stopping\nvalues: [off, 2]\nepochs: 100"), data: circlesData())
        let rows = try #require(tables(session).first).rows
        #expect(rows.map { [$0[0], $0[5], $0[6]] } == [["off", "100", "finished"], ["patience 2", "7", "stopped early (best epoch 5)"]])
    }

    @Test func theSessionKeepsItsOwnNetworkUnlessAskedForTheBest() throws {
        let lesson = xorModel + xorTrain
        let trained = try runLesson(lesson, data: xorData())
        let untouched = try runLesson(lesson + compare("vary: learning_rate\nvalues: [0.5, 1e6]"), data: xorData())
        #expect(untouched.network == trained.network)
        #expect(untouched.lastTrain?.learningRate == 0.1)

        let kept = try runLesson(lesson + compare("vary: learning_rate\nvalues: [0.001, 0.5, 1e6]\nkeep: best"), data: xorData())
        #expect(kept.network != trained.network)
        #expect(kept.lastTrain?.learningRate == 0.5)
        #expect(kept.training?.epochsRun == 20)
        guard case let .note(note) = kept.blocks.last else {
            Issue.record("no note after the table")
            return
        }
        #expect(note.hasPrefix("The cells below continue with the run η = 0.5, which has the lowest final training loss ("))
    }
}

extension CompareCellRunTests {
    /// `include: above` shows the network the train cell trained as the first row, with its
    /// own numbers, and trains only the listed values; varied layers show their weights and
    /// multiply-adds.
    @Test func theRunAboveIsTheFirstRowAndArchitecturesShowTheirSizeAndCost() throws {
        let trained = try runLesson(circlesModel + circlesTrain, data: circlesData())
        let session = try runLesson(
            circlesModel + circlesTrain + compare("vary: layers\nvalues: [[2, 8, 8, 1]]\ninclude: above"), data: circlesData())
        let table = try #require(tables(session).first)
        #expect(table.headers == [
            "layers", "final training loss", "training accuracy", "validation accuracy", "test accuracy", "weights",
            "multiply-adds per sample", "epochs", "outcome",
        ])
        #expect(table.rows.map { [$0[0], $0[5], $0[6], $0[7]] } == [["2–4–1", "17", "12", "8"], ["2–8–8–1", "105", "88", "8"]])
        guard case let .gradientDescent(above) = trained.training else {
            Issue.record("no training above")
            return
        }
        #expect(table.rows[0][1] == session.format(try #require(above.result.history.epochs.last).trainingLoss))
        #expect(session.network == trained.network)
        #expect(table.caption?.hasPrefix("The network trained above (first row) and one other run, which differs from it only in the network, on two circles") == true)
    }

    /// Layers whose settings would make a label longer than 40 characters are named by their kinds.
    @Test func longLayerListsAreNamedByTheirKinds() throws {
        let session = try runLesson(
            circlesModel + circlesTrain
                + compare("vary: layers\nvalues: [[2, 4, dropout: {rate: 0.3}, 4, dropout: {rate: 0.3}, 1]]\ninclude: above"),
            data: circlesData())
        #expect(try #require(tables(session).first).rows.map(\.[0]) == ["2–4–1", "2–4–dropout–4–dropout–1"])
        // A kind's own hyphen stays a hyphen.
        let normalized = try runLesson(
            circlesModel + circlesTrain
                + compare("vary: layers\nvalues: [[2, 4, batch-norm, 4, batch-norm, 4, batch-norm, 4, batch-norm, 1]]\ninclude: above"),
            data: circlesData())
        #expect(try #require(tables(normalized).first).rows.map(\.[0]).last == "2–4–batch-norm–4–batch-norm–4–batch-norm–4–batch-norm–1")
    }

    /// A `layers` value with another number of layers than the model's `activations` lists
    /// gets the first activation for its hidden layers and the last for its output.
    @Test func variedLayersFitTheModelsActivationList() throws {
        let body = try firstCell("layers: [2, 4, 1]\nactivations: [relu, sigmoid]", kind: "model").body
        let layers = try #require(try firstCell("vary: layers\nvalues: [[2, 8, 8, 1]]", kind: "compare").body.entries?[1].value.items?.first)
        let fitted = CompareCell.fittingActivations(to: layers, in: body)
        #expect(fitted.entries?.first { $0.key == "activations" }?.value.items?.compactMap(\.text) == ["relu", "relu", "sigmoid"])
        let fits = try #require(try firstCell("vary: layers\nvalues: [[2, 3, 1]]", kind: "compare").body.entries?[1].value.items?.first)
        #expect(CompareCell.fittingActivations(to: fits, in: body) == body)
    }

    @Test func hiddenLayersTakeTheModelsHiddenActivationAndKeepItsOutput() throws {
        let session = try runLesson(
            circlesModel + circlesTrain + compare("vary: hidden\nvalues: [[3], [6, 2]]\nepochs: 2\nkeep: best"),
            data: circlesData())
        let model = try #require(session.model)
        #expect([[2, 3, 1], [2, 6, 2, 1]].contains(model.sizes))
        #expect(model.activations.last == .sigmoid)
        #expect(model.activations.dropLast().allSatisfy { $0 == .tanh })
        #expect(session.network?.sizes == model.sizes)
    }
}

@Suite struct CompareCellErrorTests {
    @Test(arguments: [
        ("vary: learnig_rate\nvalues: [0.1]",
         "5:7: error: 'vary' in compare cell names no setting of the train or model cell, nor 'hidden': 'learnig_rate' (did you mean 'learning_rate'?)"),
        ("vary: activatoin\nvalues: [relu]",
         "5:7: error: 'vary' in compare cell names no setting of the train or model cell, nor 'hidden': 'activatoin' (did you mean 'activation'?)"),
        ("vary: hiden\nvalues: [[4]]",
         "5:7: error: 'vary' in compare cell names no setting of the train or model cell, nor 'hidden': 'hiden' (did you mean 'hidden'?)"),
        ("vary: epochs\nvalues: [1, 2]\nepochs: 3", "7:9: error: 'epochs' in compare cell is what this comparison varies; leave it out"),
        ("values: [0.1]", "4:1: error: missing key 'vary' in compare cell"),
        ("vary: init\nvalue: [zeros]", "6:1: error: unknown key 'value' in compare cell (did you mean 'values'?)"),
        ("vary: learning_rate\nvalues: 0.1",
         "6:9: error: 'values' in compare cell should be a list like [0.01, 0.1, 1], not the number 0.1"),
        ("vary: optimizer\nvalues: []",
         "6:9: error: 'values' in compare cell is empty; list the values to compare, like [gradient-descent, momentum, rmsprop, adam]"),
        ("vary: learning_rate\nvalues: [1, 2, 3, 4, 5, 6, 7, 8, 9]",
         "6:34: error: 'values' in compare cell lists 9 values; one comparison shows at most 8 runs"),
        ("vary: learning_rate\nvalues: [0.1, 0.10]", "6:15: error: 'values' in compare cell lists 0.1 twice"),
        ("vary: hidden\nvalues: [16, [8]]",
         "6:10: error: 'values' in compare cell items must be lists of hidden-layer sizes like [16] or [32, 16] for 'vary: hidden', not the number 16"),
        ("vary: hidden\nvalues: [[8, 0]]", "6:14: error: 'values' in compare cell items must be between 1 and 100000, not 0"),
        ("vary: hidden\nvalues: [[8]]\nepochs: 0", "7:9: error: 'epochs' in compare cell must be between 1 and 1000000, not 0"),
        ("vary: hidden\nvalues: [[8]]\nkeep: all",
         "7:7: error: 'keep' in compare cell must be one of 'none', 'best', not 'all'"),
        ("vary: hidden\nvalues: [[8]]\ninclude: below",
         "7:10: error: 'include' in compare cell must be one of 'above', 'none', not 'below'"),
        ("vary: hidden\nvalues: [[8]]\ninclude: above\nkeep: best",
         "8:7: error: 'keep' in compare cell cannot be 'best' with 'include: above': the run above is the session's already"),
        ("vary: learning_rate\nvalues: [1, 2, 3, 4, 5, 6, 7, 8]\ninclude: above",
         "6:31: error: 'values' in compare cell lists 8 values; one comparison shows at most 8 runs, the run above included"),
    ])
    func mistakesInTheCellArePositioned(body: String, expected: String) {
        expectLessonError("lessons/x.md:" + expected) { _ = try CompareCell(try firstCell(body, kind: "compare")) }
    }

    /// Every registered optimizer, quoted, in the course's order: what the message lists.
    static var registeredOptimizers: String { CompareCell.optimizerNames.map { "'\($0)'" }.joined(separator: ", ") }

    /// The list starts with the four optimizers of the course, in its order (others, such as
    /// Nesterov momentum, come in where their files put them).
    @Test func optimizersAreListedInTheCoursesOrder() {
        let names = CompareCell.optimizerNames
        let course = ["gradient-descent", "momentum", "rmsprop", "adam"]
        #expect(names.filter(course.contains) == course)
        #expect(names.first == "gradient-descent")
    }

    @Test func theRunnerReadsCompareCells() throws {
        let lesson = try LessonParser.parse("---\ntitle: t\n---\n```{compare}\nvary: speed\nvalues: [1]\n```\n", path: "lessons/x.md")
        #expect(LessonRunner().check(lesson).map(\.description) == [
            "lessons/x.md:5:7: error: 'vary' in compare cell names no setting of the train or model cell, nor 'hidden': 'speed'",
        ])
    }

    @Test func aCompareCellNeedsAModelAndATrainCellAbove() {
        expectLessonError("lessons/x.md:5:1: error: the compare cell needs a model cell above it") {
            _ = try runLesson(compare("vary: init\nvalues: [he]"), data: xorData())
        }
        expectLessonError("lessons/x.md:9:1: error: the compare cell needs a train cell above it") {
            _ = try runLesson(xorModel + compare("vary: init\nvalues: [he]"), data: xorData())
        }
        let perceptron = "```{model}\nlayers: [2, 1]\nactivation: hardlimit\ninit: zeros\n```\n```{train}\nrule: perceptron\nlearning_rate: 1\nepochs: 3\n```\n"
        expectLessonError("lessons/x.md:15:1: error: the compare cell trains with gradient descent; the train cell above uses the perceptron rule") {
            _ = try runLesson(perceptron + compare("vary: learning_rate\nvalues: [0.1, 1]"), data: xorData())
        }
    }

    @Test func runTimeMistakesPointAtTheValue() {
        expectLessonError("lessons/x.md:\(compareLine + 2):15: error: early stopping needs a validation set: give the data cell a 'validation' fraction") {
            _ = try runLesson(xorModel + xorTrain + compare("vary: early_stopping\nvalues: [off, 3]"), data: xorData())
        }
        let explicit = "```{model}\nlayers: [2, 1]\nactivation: linear\ninit: explicit\nW1: [[1], [1]]\nb1: 0\n```\n"
        expectLessonError("lessons/x.md:19:10: error: the model cell gives explicit weights, which fix the layer sizes; give it an 'init' to vary 'hidden'") {
            _ = try runLesson(explicit + xorTrain + compare("vary: hidden\nvalues: [[4]]"), data: xorData())
        }
        expectLessonError("lessons/x.md:\(compareLine + 2):15: error: '0.1' is the setting of the run above, which 'include: above' already shows") {
            _ = try runLesson(xorModel + xorTrain + compare("vary: learning_rate\nvalues: [0.5, 0.1]\ninclude: above"), data: xorData())
        }
    }
}

/// Any setting of the train and model cells can vary: each run is the cell above with the value
/// written into it and read again by that cell's own reader.
@Suite struct CompareAnySettingTests {
    private func finalLosses(_ model: String, _ train: String, _ body: String) throws -> [String] {
        let session = try runLesson(model + train + compare(body), data: circlesData())
        let rows = try #require(tables(session).first).rows
        return rows.map(\.[1])
    }

    @Test(arguments: [
        ("vary: weight_decay\nvalues: [0, 0.1, 1]", circlesTrain),
        ("vary: l1\nvalues: [0, 0.05]", circlesTrain),
        ("vary: activation\nvalues: [sigmoid, tanh, relu]", circlesTrain),
        ("vary: momentum\nvalues: [0, 0.5, 0.9]", "```{train}\noptimizer: momentum\nlearning_rate: 0.1\nepochs: 8\nbatch_size: 8\n```\n"),
        ("vary: batch_size\nvalues: [1, 8, full]", circlesTrain),
        ("vary: schedule\nvalues: [constant, cosine, exponential]", "```{train}\nlearning_rate: 0.5\nepochs: 8\nbatch_size: 8\nschedule: step\nstep_every: 2\n```\n"),
        ("vary: optimizer\nvalues: [gradient-descent, adam]", "```{train}\noptimizer: momentum\nmomentum: 0.5\nlearning_rate: 0.1\nepochs: 8\nbatch_size: 8\n```\n"),
    ])
    func everyValueRunsAndGivesItsOwnCurve(body: String, train: String) throws {
        let model = "```{model}\nlayers: [2, 4, 1]\nactivation: sigmoid\n```\n"
        let losses = try finalLosses(model, train, body)
        #expect(Set(losses).count == losses.count, "\(losses)")
    }

    @Test func legendsAndHeadingsNameTheSetting() throws {
        let session = try runLesson(circlesModel + circlesTrain + compare("vary: weight_decay\nvalues: [0, 0.01]"), data: circlesData())
        let table = try #require(tables(session).first)
        #expect(table.headers[0] == "weight decay $\\lambda$")
        #expect(table.rows.map(\.[0]) == ["0", "0.01"])
        let figure = try #require(figures(session).first)
        #expect(figure.file == "fig-01-compare-weight-decay.png")
        #expect(figure.alternativeText.hasSuffix("one line per weight decay: λ = 0, λ = 0.01."))
    }

    @Test func aRunThatDivergesFromAHugeFirstLossDoesNotSquashTheOthers() throws {
        // Ten ReLU layers from weights of spread 1: the first loss is already enormous.
        let ceiling = try #require(CompareCell.lossCeiling(low: 0.1, highest: 3e6, firstLosses: [(0.69, false), (8e4, true), (0.7, false)]))
        #expect(abs(ceiling - 70) < 1e-9)
        // When every run diverged, their first losses set the ceiling.
        #expect(CompareCell.lossCeiling(low: 0.1, highest: 3e9, firstLosses: [(8e4, true), (.nan, true)]) == 8e6)
        #expect(CompareCell.lossCeiling(low: 0.1, highest: 0.9, firstLosses: [(0.69, false)]) == 0.9)
    }

    @Test func activationListsAreNamedOnceAndCountedInTheLegend() throws {
        let model = "```{model}\nlayers: [2, 4, 4, 1]\nactivations: [sigmoid, sigmoid, sigmoid]\n```\n"
        let session = try runLesson(
            model + circlesTrain + compare("vary: activations\nvalues: [[sigmoid, sigmoid, sigmoid], [relu, relu, sigmoid]]"),
            data: circlesData())
        let table = try #require(tables(session).first)
        #expect(table.headers[0] == "activations")
        let figure = try #require(figures(session).first)
        #expect(figure.caption.contains("for each activation list"))
        #expect(figure.alternativeText.hasSuffix("one line per activation list: sigmoid ×3, relu ×2, sigmoid."))
        #expect(CompareCell.repeatsCounted(["tanh", "relu", "relu", "tanh"]) == "tanh, relu ×2, tanh")
    }

    @Test(arguments: [
        ("vary: learning_rate\nvalues: [0.1, fast]", 15,
         "with 'learning_rate: fast', the train cell at line 9 is refused: 'learning_rate' in train cell should be a number, not the text 'fast'"),
        ("vary: learning_rate\nvalues: [-1]", 10,
         "with 'learning_rate: -1', the train cell at line 9 is refused: 'learning_rate' in train cell must be between 0 and 1000000000000, not -1"),
        ("vary: optimizer\nvalues: [adam, adamw]", 16,
         "with 'optimizer: adamw', the train cell at line 9 is refused: 'optimizer' in train cell must be one of \(CompareCellErrorTests.registeredOptimizers), not 'adamw' (did you mean 'adam'?)"),
        ("vary: momentum\nvalues: [0.5, 0.9]", 10,
         "with 'momentum: 0.5', the train cell at line 9 is refused: 'momentum' in train cell does not apply to the optimizer 'gradient-descent', which takes no settings"),
        ("vary: init\nvalues: [he, xavir]", 14,
         "with 'init: xavir', the model cell at line 5 is refused: 'init' in model cell must be one of 'he', 'he-uniform', 'xavier', 'xavier-normal', 'zeros', 'uniform', 'normal', 'explicit', not 'xavir' (did you mean 'xavier'?)"),
        ("vary: activation\nvalues: [relu, tanh]", 16,
         "'tanh' gives the same run as 'relu': the cells above do not use 'activation' as written (a model cell with 'activations' gives each layer's)"),
    ])
    func aValueTheCellsRefuseIsAnErrorAtTheValue(body: String, column: Int, message: String) {
        expectLessonError("lessons/x.md:\(compareLine + 2):\(column): error: " + message) {
            _ = try runLesson(circlesModel + circlesTrain + compare(body), data: circlesData())
        }
    }

    @Test func lessonsCheckFindsARefusedValueWithoutTraining() throws {
        let text = "---\ntitle: t\n---\n```{data}\ndataset: circles\ncount: 40\n```\n" + circlesModel + circlesTrain
            + compare("vary: weight_decay\nvalues: [0, -0.1]")
        let lesson = try LessonParser.parse(text, path: "lessons/x.md")
        #expect(LessonRunner().check(lesson).map(\.description) == [
            "lessons/x.md:19:13: error: with 'weight_decay: -0.1', the train cell at line 12 is refused: 'weight_decay' in train cell must be between 0 and 1000000, not -0.1",
        ])
    }
}
