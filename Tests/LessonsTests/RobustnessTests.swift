import Datasets
import Engine
import Foundation
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// Runs a whole lesson the way the book does: every cell in order, errors as blocks.
private func chapter(_ text: String, path: String = "lessons/x.md") throws -> ChapterResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("robustness-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return LessonRunner().run(try LessonParser.parse(text, path: path), figureDirectory: folder)
}

/// A huge learning rate: the run stops at the first infinity, and the chapter says where.
@Suite struct DivergenceTests {
    static func lesson(activation: String, learningRate: String = "1e6") -> String {
        """
        ---
        title: Too fast
        seed: 1
        ---
        Before the run.

        ```{data}
        dataset: circles
        count: 100
        ```

        ```{model}
        layers: [2, 3, 1]
        activation: \(activation)
        ```

        ```{train}
        learning_rate: \(learningRate)
        epochs: 50
        ```

        ```{plot}
        kind: loss
        ```
        """
    }

    /// Its loss reaches 3·10²³ in epoch 2 and +infinity in epoch 4; the run stops at the first,
    /// more than a thousand times the first epoch's loss.
    @Test func aLinearNetworkAtALearningRateOfAMillionStopsWhenItsLossExplodes() throws {
        let result = try chapter(Self.lesson(activation: "linear"))
        let message = "training diverged in epoch 2: the training loss grew from 0.7627 in epoch 1 to 3.125e+23, "
            + "more than 1000 times as much; try a smaller learning rate than 1000000"
        #expect(result.errors.map(\.description) == ["lessons/x.md:17:1: error: \(message)"])
        // The prose and cells above the train cell stand; the error stands where the cell does,
        // and the loss plot below, which needs the run, says why it was not drawn.
        guard result.document.blocks.count == 3,
            case let .prose(prose) = result.document.blocks[0],
            case let .error(error) = result.document.blocks[1],
            case let .note(note) = result.document.blocks[2]
        else {
            Issue.record("unexpected blocks \(result.document.blocks)")
            return
        }
        #expect(prose.hasPrefix("Before the run."))
        #expect(error.position == "lessons/x.md:17:1" && error.message == message)
        #expect(note == "Not run: this cell needs what the train cell at line 17 should have made, and that cell failed.")
        #expect(HTMLWriter().page(for: result.document).contains(
            "<div class=\"error\" role=\"alert\"><strong>Error</strong> <code>lessons/x.md:17:1</code> \(message)</div>"))
        #expect(result.metrics.figures == 0)
    }

    /// Sigmoid and binary cross-entropy: the loss grows like |n| but stays finite, and the
    /// gradient a − y stays within ±1, so it never turns NaN. It was reported as a finished run
    /// with a loss above 1000; it has diverged, and says so.
    /// A failed cell no longer stops the chapter: the cells that need its run say why they
    /// were skipped, and the others (a figure of the data, a new model trained well) run.
    @Test func afterAFailedRunTheCellsThatDoNotNeedItStillRun() throws {
        let text = Self.lesson(activation: "linear") + """

            ```{plot}
            kind: data
            ```

            ```{model}
            layers: [2, 3, 1]
            ```

            ```{train}
            learning_rate: 0.5
            epochs: 5
            ```

            ```{plot}
            kind: loss
            ```
            """
        let result = try chapter(text)
        #expect(result.errors.map(\.position.line) == [17])
        #expect(result.metrics.figures == 2)
        let notes = result.document.blocks.compactMap { if case let .note(note) = $0 { note } else { nil } }
        #expect(notes == ["Not run: this cell needs what the train cell at line 17 should have made, and that cell failed."])
        #expect(result.metrics.epochs == 5)
    }

    @Test func aSaturatedSigmoidThatStaysFiniteStillCountsAsDiverged() throws {
        let result = try chapter(Self.lesson(activation: "sigmoid"))
        #expect(result.errors.map(\.description) == [
            "lessons/x.md:17:1: error: training diverged in epoch 2: the training loss grew from 0.7177 in epoch 1 to "
                + "78620, more than 1000 times as much; try a smaller learning rate than 1000000"
        ])
        #expect(result.metrics.figures == 0)
    }

    @Test func aCompareCellKeepsADivergingRunsCurveAndTheChapterRunsOn() throws {
        let lesson = Self.lesson(activation: "linear", learningRate: "0.01") + """


            ```{compare}
            vary: learning_rate
            values: [0.01, 1e6]
            epochs: 10
            ```
            """
        let result = try chapter(lesson)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let table = result.document.blocks.compactMap { if case let .table(table) = $0 { table } else { nil } }.last
        #expect(table?.rows.last?.last?.hasPrefix("diverged in epoch") == true)
    }
}

/// Sizes that would exhaust memory are refused before anything is allocated.
@Suite struct ResourceBoundTests {
    @Test func aSmallModelOnTooManySamplesAtOnceIsRefusedBeforeTraining() throws {
        // 400,001 weights pass the model cell's limit, but one full batch of 2,000 samples
        // through 100,000 units is a matrix of 200 million values (1.6 GB), several times over.
        let data = cell("data", "dataset: circles\ncount: 2000")
        let model = cell("model", "layers: [2, 100000, 1]")
        let message = { (what: String) in
            "\(what) passes 2,000 samples at once through a layer of 100,000 units: 200,000,000 values, more than the limit of 100,000,000"
        }
        expectLessonError(
            "lessons/x.md:12:1: error: \(message("training on full batches")); set a smaller 'batch_size', or use fewer samples or units"
        ) {
            _ = try runLesson(data, model, cell("train", "learning_rate: 0.1\nepochs: 1"))
        }
        expectLessonError("lessons/x.md:12:1: error: \(message("evaluating the training samples")); use fewer samples or units") {
            _ = try runLesson(data, model, cell("evaluate", "on: training"))
        }
        expectLessonError(
            "lessons/x.md:18:15: error: \(message("training on full batches")); set a smaller 'batch_size', or use fewer samples or units"
        ) {
            _ = try runLesson(
                data, cell("model", "layers: [2, 4, 1]"), cell("train", "learning_rate: 0.1\nepochs: 1"),
                cell("compare", "vary: hidden\nvalues: [[8], [100000]]"))
        }
        expectLessonError(
            "lessons/x.md:13:1: error: measuring the validation loss after each epoch passes 1,001 samples at once through a layer of 100,000 units: 100,100,000 values, more than the limit of 100,000,000; use a smaller 'validation' fraction, or fewer samples or units"
        ) {
            _ = try runLesson(
                cell("data", "dataset: circles\ncount: 2002\nvalidation: 0.5"), cell("model", "layers: [2, 100000, 1]"),
                cell("train", "learning_rate: 0.1\nepochs: 1\nbatch_size: 10"))
        }
    }

    @Test func aPerceptronRunThatWouldRecordMillionsOfUpdatesIsRefused() {
        // Each update is recorded for the tables and figures: a million took 2.5 GB.
        expectLessonError(
            "lessons/x.md:14:1: error: the perceptron rule records every update, and 20,000 samples × 11 epochs could make 220,000 of them, more than the limit of 200,000; use fewer samples or epochs"
        ) {
            _ = try runLesson(
                cell("data", "dataset: circles\ncount: 20000"), cell("model", "layers: [2, 1]\nactivation: hardlimit\ninit: zeros"),
                cell("train", "rule: perceptron\nlearning_rate: 1\nepochs: 11"))
        }
    }

    @Test func recordingEveryUpdateOfALongRunIsRefused() {
        // 2,000 samples in batches of 10 for 200 epochs: 40,000 updates of 2-100-1, each
        // recording 3 × 401 weights and 10 × (2 + 3 × 101) values, 170 million values in all.
        let cells = [cell("data", "dataset: circles\ncount: 2000"), cell("model", "layers: [2, 100, 1]")]
        expectLessonError(
            "lessons/x.md:12:1: error: 'trace_every: 1' records 40,000 of the 40,000 updates, about 4,253 values each: more than the limit of 100,000,000 in all; record fewer updates with a larger 'trace_every', or name the steps the cells below show"
        ) {
            _ = try runLesson(cells[0], cells[1], cell("train", "learning_rate: 0.1\nepochs: 200\nbatch_size: 10\ntrace_every: 1"))
        }
    }

    @Test func theBooksPassesAreWellWithinTheLimit() throws {
        let position = SourcePosition(file: "lessons/x.md", line: 1)
        // MNIST's whole training set through the 784-512-10 network, and a mini-batch of a huge one.
        try ForwardPassLimit.check(rows: 60_000, through: [784, 512, 10], what: "", advice: "", at: position)
        try ForwardPassLimit.check(rows: 1000, through: [2, 100_000, 1], what: "", advice: "", at: position)
        expectLessonError("lessons/x.md:1:1: error: a pass passes 9,223,372,036,854,775,807 samples at once through a layer of 2 units: more than 9,223,372,036,854,775,807 values, more than the limit of 100,000,000; advice") {
            try ForwardPassLimit.check(rows: Int.max, through: [1, 2], what: "a pass", advice: "advice", at: position)
        }
    }

    @Test func theModelLimitIsPositionedAtTheLayers() {
        expectLessonError("lessons/x.md:6:9: error: 'layers' in model cell asks for 10,000,100,000 weights; the limit is 50,000,000") {
            _ = try runLesson(cell("model", "layers: [100000, 100000]"))
        }
    }

    @Test func aDataCellCannotAskForAbsurdCounts() {
        expectLessonError("lessons/x.md:7:8: error: 'count' in data cell must be between 1 and 1000000, not 1000000000000") {
            _ = try runLesson(cell("data", "dataset: circles\ncount: 1000000000000"))
        }
        expectLessonError("lessons/x.md:7:14: error: 'train_count' in data cell must be between 1 and 60000, not 1000000000") {
            _ = try runLesson(cell("data", "dataset: mnist\ntrain_count: 1000000000"))
        }
    }
}

/// A lesson can read data only inside its own folder, and can name figures only by plot name.
@Suite struct PathSafetyTests {
    let points = "x1,x2,label\n0.1,0.9,1\n0.8,0.2,0\n"

    @Test(arguments: [
        ("../../etc/passwd", "'path' in data cell '../../etc/passwd' leaves the lesson's folder; keep data files beside the lesson or in a folder below it"),
        ("./data/./../../x.csv", "'path' in data cell './data/./../../x.csv' leaves the lesson's folder; keep data files beside the lesson or in a folder below it"),
        ("//etc/passwd", "'path' in data cell must be relative to the lesson's folder, like 'data/points.csv', not the absolute path '//etc/passwd'"),
        ("data/..", "'path' in data cell 'data/..' names a folder, not a file"),
    ])
    func pathsThatLeaveTheFolderAreRefusedWhereTheyAreWritten(_ path: String, _ message: String) {
        expectLessonError("lessons/x.md:7:7: error: \(message)") {
            _ = try runLesson(cell("data", "dataset: csv\npath: \"\(path)\"\nlabel: label"))
        }
        // `check` finds them without reading anything.
        #expect((try? LessonRunner().check(LessonParser.parse(
            "---\ntitle: t\n---\n" + cell("data", "dataset: csv\npath: \"\(path)\"\nlabel: label"), path: "lessons/x.md")))?
            .map(\.description) == ["lessons/x.md:6:7: error: \(message)"])
    }

    @Test func aLinkedFolderThatLeadsOutIsRefused() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let outside = project.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try project.write(points, to: "outside/points.csv")
        try FileManager.default.createSymbolicLink(
            at: project.lessons.appendingPathComponent("shared"), withDestinationURL: outside)
        expectLessonError("\(project.lessonPath):7:7: error: 'path' in data cell names 'shared/points.csv', a link to a file outside the lesson's folder; copy the file beside the lesson") {
            _ = try runLesson(cell("data", "dataset: csv\npath: shared/points.csv\nlabel: label"), path: project.lessonPath)
        }
    }

    @Test func aLinkThatStaysInsideTheFolderIsFollowed() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(points, to: "lessons/data/points.csv")
        try FileManager.default.createSymbolicLink(
            at: project.lessons.appendingPathComponent("alias.csv"),
            withDestinationURL: project.lessons.appendingPathComponent("data/points.csv"))
        let session = try runLesson(cell("data", "dataset: csv\npath: alias.csv\nlabel: label"), path: project.lessonPath)
        #expect(session.data?.training.count == 2)
    }

    @Test func aFolderIsNotAFile() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        expectLessonError("\(project.lessonPath):7:7: error: 'path' in data cell names 'data', a folder, not a CSV file") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data\nlabel: label"), path: project.lessonPath)
        }
    }

    @Test(arguments: ["../../etc/passwd", "../index", "fig-01-data.png", "a b"])
    func aThumbnailIsAPlotNameNotAPath(_ thumbnail: String) throws {
        let text = "---\ntitle: t\nthumbnail: \"\(thumbnail)\"\n---\n" + cell("plot", "kind: activations")
        let message = "lessons/x.md:3:12: error: 'thumbnail' in the front matter names a figure by its plot cell's 'name' or kind (letters, digits, '-' and '_'), not '\(thumbnail)'"
        #expect(LessonRunner().check(try LessonParser.parse(text, path: "lessons/x.md")).map(\.description) == [message])
        let result = try chapter(text)
        #expect(result.errors.map(\.description) == [message])
        #expect(result.thumbnail == nil)
    }

    @Test func aPlotNameCannotClimbOutOfTheChapterFolder() {
        expectLessonError("lessons/x.md:6:7: error: 'name' in plot cell may hold only letters, digits, '-' and '_', not '../../x'") {
            _ = try PlotCell(try firstCell("kind: data\nname: ../../x", kind: "plot"))
        }
    }
}

/// Data whose shape does not fit the network is a positioned error, never a crash.
@Suite struct ShapeMismatchTests {
    let threeFeatures = cell("data", "dataset: blobs\ncenters: [[0, 0, 0], [1, 1, 1]]\ncount: 20")
    let threeClasses = cell("data", "dataset: blobs\ncenters: [[0, 0], [1, 1], [2, 2]]\ncount: 30")

    @Test func aModelThatDoesNotFitTheDataAboveIt() {
        expectLessonError("lessons/x.md:8:1: error: the model's layers start with 3 inputs, but the data has 2 features") {
            _ = try runLesson(cell("data", "dataset: and"), cell("model", "layers: [3, 1]"))
        }
        expectLessonError("lessons/x.md:10:1: error: the model's last layer has 1 unit, but the data has 3 target columns") {
            _ = try runLesson(threeClasses, cell("model", "layers: [2, 1]"))
        }
    }

    @Test func aDataCellBetweenTheModelAndTheTrainCellDoesNotCrashTheBook() {
        // The engine treats such a mismatch as a programming error and stops the process:
        // every chapter after this one would go unwritten.
        let advice = "; add a model cell that fits the data above this cell"
        expectLessonError("lessons/x.md:20:1: error: the network takes 2 inputs, but the training samples have 3 features\(advice)") {
            _ = try runLesson(
                cell("data", "dataset: xor"), cell("model", "layers: [2, 2, 1]"), cell("train", "learning_rate: 0.1\nepochs: 2"),
                threeFeatures, cell("train", "learning_rate: 0.1\nepochs: 2"))
        }
        expectLessonError("lessons/x.md:16:1: error: the network has 1 output, but the training samples have 3 target columns\(advice)") {
            _ = try runLesson(
                cell("data", "dataset: xor"), cell("model", "layers: [2, 2, 1]"), threeClasses,
                cell("train", "learning_rate: 0.1\nepochs: 2"))
        }
        expectLessonError("lessons/x.md:18:1: error: the network takes 2 inputs, but the training samples have 3 features\(advice)") {
            _ = try runLesson(
                cell("data", "dataset: and"), cell("model", "layers: [2, 1]\nactivation: hardlimit\ninit: zeros"), threeFeatures,
                cell("train", "rule: perceptron\nlearning_rate: 1\nepochs: 2"))
        }
        expectLessonError("lessons/x.md:16:1: error: the network takes 2 inputs, but the training samples have 3 features") {
            _ = try runLesson(cell("data", "dataset: xor"), cell("model", "layers: [2, 2, 1]"), threeFeatures, cell("evaluate", "on: training"))
        }
    }
}

extension ShapeMismatchTests {
    @Test func tablesOfTheNetworkCheckItsOutputsAgainstTheData() {
        for (table, line) in [("of: truth-table", 21), ("of: gradient-check", 21)] {
            expectLessonError("lessons/x.md:\(line):1: error: the network has 3 outputs, but the data has 1 target column") {
                _ = try runLesson(
                    threeClasses, cell("model", "layers: [2, 3]\nactivations: [softmax]"), cell("train", "learning_rate: 0.1\nepochs: 2"),
                    cell("data", "dataset: xor"), cell("table", table))
            }
        }
    }
}
