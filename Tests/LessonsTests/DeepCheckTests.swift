import Foundation
import Report
import Testing
@testable import LessonFormat
@testable import LessonRuntime
import Engine

/// `lessons check` finds, without training, every mistake a run would meet in the cells that
/// name quantities: unknown names, shapes that do not fit, steps training never reaches,
/// relations that cannot fail, kinds of figure that do not fit the data.
@Suite struct DeepCheckTests {
    static let circles: [(kind: String, body: String)] = [
        ("data", "dataset: circles\ncount: 40"),
        ("model", "layers: [2, 3, 1]\nactivations: [sigmoid, sigmoid]"),
        ("train", "loss: binary-cross-entropy\nlearning_rate: 0.5\nepochs: 5\nbatch_size: 16"),
    ]

    static func check(_ cells: [(kind: String, body: String)]) throws -> [String] {
        let lesson = try LessonParser.parse(lessonSource(cells), path: "lessons/x.md")
        return LessonRunner().check(lesson).map(\.description)
    }

    /// The example: an unknown name, a shape error and a step past the end, all three
    /// from one check, each where it is written.
    @Test func everyMistakeOfAFileInOneCheck() throws {
        let errors = try Self.check(Self.circles + [
            ("equation", "tex: a\nnumbers: a1 = sigmoid(n1) + dW"),
            ("equation", "tex: a\nnumbers: n1 = x * W2 + b1"),
            ("equation", "tex: a\nnumbers: dW1 = x' * s1 / m\nat: {epoch: 6, step: 1}"),
            ("equation", "tex: a\nnumbers: dW1 = x' * s1 / m\nat: {epoch: 1, step: 4}"),
            ("equation", "tex: a\nnumbers: dW1 = x' * s1 / m\nat: {epoch: 1, step: 3}"),
        ])
        #expect(errors == [
            "lessons/x.md:20:29: error: cannot evaluate 'numbers' at epoch 1, step 1: 'dW' was not recorded at this step (did you mean 'dW2' or 'dW1'?)",
            "lessons/x.md:24:17: error: cannot evaluate 'numbers' at epoch 1, step 1: '*' cannot combine shapes 16×2 and 3×1: a matrix product needs the left operand's columns (2) to equal the right operand's rows (3); write '.*' for an entry-wise product",
            "lessons/x.md:29:5: error: no quantities will be recorded at epoch 6, step 1: the train cell runs at most 5 epochs",
            "lessons/x.md:34:5: error: no quantities will be recorded at epoch 1, step 4: an epoch has 3 steps",
        ])
    }

    /// The last batch of an epoch is smaller (40 = 16 + 16 + 8): its shapes are checked as such.
    @Test func theLastBatchHasItsOwnShapes() throws {
        let errors = try Self.check(Self.circles + [
            ("equation", "tex: a\nnumbers: n1 = x * W1 + b1 + [1, 2, 3; 4, 5, 6; 7, 8, 9; 1, 2, 3; 4, 5, 6; 7, 8, 9; 1, 2, 3; 4, 5, 6; 7, 8, 9; 1, 2, 3; 4, 5, 6; 7, 8, 9; 1, 2, 3; 4, 5, 6; 7, 8, 9; 1, 2, 3] * 0\nat: {epoch: 1, step: 3}"),
        ])
        #expect(errors.count == 1)
        #expect(errors.first?.contains("'+' cannot combine shapes 8×3 and 16×3") == true, "\(errors)")
    }

    @Test func aRelationThatCannotFailIsRefusedWithItsPosition() throws {
        let errors = try Self.check(Self.circles + [
            ("equation", "tex: a\nnumbers: sigmoid(n1) - sigmoid(n1) = 0 * n1"),
            ("equation", "tex: a\nnumbers: a1 = sigmoid(n1)"),
        ])
        #expect(errors == [
            "lessons/x.md:20:10: error: the relation cannot fail: changing 'n1' by one part in a million leaves both sides as they were, "
                + "so it checks nothing the engine computed; put a quantity the engine recorded on one side and the formula that "
                + "should give it on the other, as in 'a1 = sigmoid(n1)'",
        ])
    }

    /// A perceptron run records every sample; a forward pass needs no training at all.
    @Test func perceptronStepsAndForwardPassesAreChecked() throws {
        let errors = try Self.check([
            ("data", "dataset: and"),
            ("model", "layers: [2, 1]\nactivation: hardlimit\ninit: zeros"),
            ("equation", "tex: a\nnumbers: n1 = x * W1 + b2\nat: {input: 2}"),
            ("equation", "tex: a\nnumbers: a1 = hardlim(n1)\nat: {input: 5}"),
            ("train", "rule: perceptron\nlearning_rate: 0.1\nepochs: 3"),
            ("equation", "tex: a\nnumbers: theta_new = theta + eta * [1, x]' * (y - a)\nat: {epoch: 3, sample: 4}"),
            ("equation", "tex: a\nnumbers: W_new = W + eta * x * error\nat: {iteration: 13}"),
            ("table", "of: trace\nat: {epoch: 1, sample: 1}\nquantities: [W, dW]"),
        ])
        #expect(errors == [
            "lessons/x.md:14:24: error: cannot evaluate 'numbers' at sample 2 of the data: 'b2' was not recorded at this step (did you mean 'b' or 'b1'?)",
            "lessons/x.md:20:5: error: there is no sample 5: the data has 4 samples",
            "lessons/x.md:35:5: error: no quantities will be recorded at iteration 13: the train cell makes at most 12 updates",
            "lessons/x.md:40:17: error: 'dW' was not recorded at epoch 1, sample 1 (did you mean 'W'?)",
        ])
    }

    /// A cell whose data failed is not checked against data that is not there: one mistake,
    /// one error.
    @Test func aFailedCellIsReportedOnceNotByEveryCellBelow() throws {
        let errors = try Self.check([
            ("data", "dataset: csv\npath: nowhere.csv\nlabel: class"),
            ("model", "layers: [2, 3, 1]"),
            ("train", "learning_rate: 0.1\nepochs: 2"),
            ("equation", "tex: a\nnumbers: a1 = sigmoid(n1)"),
            ("plot", "kind: data"),
        ])
        #expect(errors == ["lessons/x.md:6:7: error: 'path' in data cell names 'nowhere.csv', but there is no file lessons/nowhere.csv"])
    }

    /// A figure that cannot fit the data is found before training; one of the training run is not.
    @Test func aFigureThatDoesNotFitTheDataIsFound() throws {
        let errors = try Self.check(Self.circles + [("plot", "kind: digits"), ("plot", "kind: loss")])
        #expect(errors == ["lessons/x.md:19:7: error: a 'digits' plot shows images, but two concentric circles is not image data"])
    }
}

/// Equations are numbered in order, and prose refers to a labelled one by its number.
@Suite struct EquationNumberTests {
    @Test func equationsAreNumberedAndReferredTo() throws {
        let text = "---\ntitle: t\n---\nBy {eq:rule}, the net input is a sum.\n\n```{equation}\ntex: a = b\n```\n\n```{equation}\ntex: n = x W + b\nlabel: rule\n```\n"
        let lesson = try LessonParser.parse(text, path: "lessons/x.md")
        let result = LessonRunner().run(lesson, figureDirectory: FileManager.default.temporaryDirectory)
        #expect(result.errors.isEmpty)
        #expect(result.document.blocks == [
            .prose("By [(2)](#eq-2), the net input is a sum.\n"), .numberedMath("a = b", number: 1),
            .numberedMath("n = x W + b", number: 2),
        ])
        let page = HTMLWriter().page(for: result.document)
        #expect(page.contains("<div class=\"numbered\" id=\"eq-2\"><div class=\"equation\"><math"))
        #expect(page.contains("<span class=\"equation-number\">(2)</span></div>"))
        #expect(page.contains("<a href=\"#eq-2\">(2)</a>"))
        #expect(MarkdownWriter().markdown(for: result.document).contains("```math\nn = x W + b \\tag{2}\n```"))
    }

    @Test func anUnknownOrRepeatedLabelIsAMistakeWhereItIsWritten() throws {
        let text = "---\ntitle: t\n---\nSee\nalso {eq:rul}.\n\n```{equation}\ntex: a\nlabel: rule\n```\n\n```{equation}\ntex: b\nlabel: rule\n```\n"
        let errors = LessonRunner().check(try LessonParser.parse(text, path: "lessons/x.md")).map(\.description)
        #expect(errors == [
            "lessons/x.md:5:6: error: '{eq:rul}' names no equation: the labels are rule",
            "lessons/x.md:14:8: error: 'label' in equation cell 'rule' is already the label of the equation at line 9",
        ])
    }
}

@Suite struct ScheduleKeyTests {
    static func train(_ body: String) throws -> TrainCell {
        try TrainCell(try firstCell(body, kind: "train"))
    }

    @Test func aScheduleIsReadWithItsKeys() throws {
        let cell = try Self.train("learning_rate: 0.1\nepochs: 10\nschedule: cosine\neta_min: 0.01\nwarmup: 2")
        #expect(cell.schedule == LearningRateSchedule(.cosine(minimum: 0.01), warmup: 2))
        #expect(try Self.train("learning_rate: 0.1\nepochs: 5").schedule == .constant)
    }

    @Test func anL1FactorIsReadAndReachesTheConfiguration() throws {
        let cell = try Self.train("learning_rate: 0.1\nepochs: 2\nl1: 0.01")
        #expect(cell.l1 == 0.01)
        #expect(cell.configuration(loss: .squaredError, trace: .none, seed: 0).l1 == 0.01)
        expectLessonError("lessons/x.md:8:5: error: 'l1' in train cell does not apply to the perceptron rule, which updates after each sample") {
            _ = try Self.train("rule: perceptron\nlearning_rate: 0.1\nepochs: 3\nl1: 0.01")
        }
    }

    @Test func aScheduleThatCannotWorkIsAPositionedMistake() {
        expectLessonError("lessons/x.md:8:10: error: 'eta_min' in train cell would drive η below 0 at the end of the run; it must be at least 0, not −0.01") {
            _ = try Self.train("learning_rate: 0.1\nepochs: 10\nschedule: cosine\neta_min: -0.01")
        }
        expectLessonError("lessons/x.md:8:14: error: 'step_factor' in train cell does not apply to 'schedule: exponential'; it is read by 'schedule: step'") {
            _ = try Self.train("learning_rate: 0.1\nepochs: 10\nschedule: exponential\nstep_factor: 0.5")
        }
        expectLessonError("lessons/x.md:7:9: error: 'warmup' in train cell must be shorter than the run's 3 epochs, not 3") {
            _ = try Self.train("learning_rate: 0.1\nepochs: 3\nwarmup: 3")
        }
    }
}

/// A reference to another chapter names a lesson of the book, or it is a mistake where it is written.
@Suite struct ChapterReferenceCheckTests {
    @Test func anUnknownChapterIsAMistakeWithASuggestion() throws {
        let text = "---\ntitle: t\n---\nAs {chapter:03-gradient-descent} showed,\nand as {Chapter:01-perceptorn} did.\n"
        let lesson = try LessonParser.parse(text, path: "lessons/x.md")
        let book: Set = ["01-perceptron", "03-gradient-descent", "x"]
        #expect(LessonRunner(bookChapters: book).check(lesson).map(\.description) == [
            "lessons/x.md:5:8: error: '{chapter:01-perceptorn}' names no lesson of the book (did you mean '01-perceptron'?): write the lesson's file name without '.md'"
        ])
        #expect(LessonRunner().check(lesson).isEmpty, "outside a book, references are not checked")
        let result = LessonRunner(bookChapters: book).run(lesson, figureDirectory: FileManager.default.temporaryDirectory)
        #expect(result.errors.count == 1)
    }
}
