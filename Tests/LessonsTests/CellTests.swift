import Foundation
import Engine
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

@Suite struct LessonHeaderTests {
    @Test func readsTheFrontMatterWithDefaults() throws {
        let lesson = try LessonParser.parse("---\ntitle: Circles\nseed: 7\n---\n", path: "lessons/x.md")
        let header = try LessonHeader(lesson)
        #expect(header.title == "Circles")
        #expect(header.seed == 7)
        #expect(header.order == 1_000)
        #expect(header.digits == 4)
        #expect(header.summary == nil)
    }

    @Test func aTitleIsRequired() {
        expectLessonError("lessons/x.md:1:1: error: missing key 'title' in the front matter") {
            _ = try LessonHeader(try LessonParser.parse("---\nseed: 1\n---\n", path: "lessons/x.md"))
        }
        expectLessonError("lessons/x.md:3:1: error: unknown key 'sede' in the front matter (did you mean 'seed'?)") {
            _ = try LessonHeader(try LessonParser.parse("---\ntitle: a\nsede: 1\n---\n", path: "lessons/x.md"))
        }
    }
}

@Suite struct ModelCellTests {
    @Test func readsSizesActivationsAndInitializer() throws {
        let model = try ModelCell(try firstCell("layers: [784, 128, 10]\nactivations: [relu, softmax]\ninit: he", kind: "model"))
        #expect(model.sizes == [784, 128, 10])
        #expect(model.activations == [.relu, .softmax])
        #expect(model.initializer == .heNormal)
    }

    @Test func explicitWeightsBuildTheSeedsXORNetwork() throws {
        let model = try ModelCell(try firstCell(
            "layers: [2, 2, 1]\nactivation: hardlimit\ninit: explicit\nW1: [[1, -1], [-1, 1]]\nb1: [-0.5, -0.5]\nW2: [[1], [1]]\nb2: -0.5",
            kind: "model"))
        var generator = SeededGenerator(seed: 0)
        let network = model.network(using: &generator)
        #expect(network.predict(Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])) == Matrix(column: [0, 1, 1, 0]))
    }

    @Test func mistakesArePositioned() {
        expectLessonError("lessons/x.md:7:5: error: 'W1' in model cell is 2×1; layers [2, 2, 1] need 2×2") {
            _ = try ModelCell(try firstCell("layers: [2, 2, 1]\ninit: explicit\nW1: [[1], [1]]\nb1: [0, 0]\nW2: [[1], [1]]\nb2: 0", kind: "model"))
        }
        expectLessonError("lessons/x.md:6:21: error: 'activations' in model cell items must be one of 'hardlimit', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'softmax', not the text 'sigmod' (did you mean 'sigmoid'?)") {
            _ = try ModelCell(try firstCell("layers: [2, 3, 1]\nactivations: [relu, sigmod]", kind: "model"))
        }
        expectLessonError("lessons/x.md:5:9: error: 'layers' in model cell asks for 1,000,010,000 weights; the limit is 50,000,000") {
            _ = try ModelCell(try firstCell("layers: [100000, 10000]", kind: "model"))
        }
        expectLessonError("lessons/x.md:6:5: error: 'W1' in model cell is only read with 'init: explicit'") {
            _ = try ModelCell(try firstCell("layers: [2, 1]\nW1: [[1], [1]]", kind: "model"))
        }
    }
}

@Suite struct TrainCellTests {
    @Test func readsAMiniBatchAdamRun() throws {
        let train = try TrainCell(try firstCell(
            "optimizer: adam\nlearning_rate: 0.001\nepochs: 5\nbatch_size: 64\nearly_stopping: 3", kind: "train"))
        #expect(train.rule == .gradientDescent)
        #expect(train.optimizer == .defaultAdam)
        #expect(train.batching == .miniBatch(size: 64))
        #expect(train.patience == 3)
        #expect(train.effectiveLoss(outputActivation: .softmax) == .categoricalCrossEntropy)
    }

    @Test func perceptronRejectsGradientKeys() {
        expectLessonError("lessons/x.md:6:7: error: 'loss' in train cell does not apply to the perceptron rule, which updates after each sample") {
            _ = try TrainCell(try firstCell("rule: perceptron\nloss: squared-error\nlearning_rate: 0.1\nepochs: 10", kind: "train"))
        }
        expectLessonError("lessons/x.md:5:1: error: unknown key 'learnig_rate' in train cell (did you mean 'learning_rate'?)") {
            _ = try TrainCell(try firstCell("learnig_rate: 0.1\nepochs: 3", kind: "train"))
        }
    }
}

@Suite struct HeadlineChoiceTests {
    @Test func theFrontMatterChoosesTheHeadlineNumbers() throws {
        let lesson = try LessonParser.parse("---\ntitle: t\nheadline: [test accuracy, converged]\n---\n", path: "lessons/x.md")
        #expect(try LessonHeader(lesson).headlineLabels == ["test accuracy", "converged:"])
        let regression = try LessonParser.parse("---\ntitle: t\nheadline: [test MSE, test R2, validation R²]\n---\n", path: "lessons/x.md")
        #expect(try LessonHeader(regression).headlineLabels == ["test MSE", "test R²", "validation R²"])
        let none = try LessonParser.parse("---\ntitle: t\nheadline: none\n---\n", path: "lessons/x.md")
        #expect(try LessonHeader(none).headlineLabels == [])
        expectLessonError(
            "lessons/x.md:3:12: error: 'headline' in the front matter items must be among 'epochs', 'training accuracy', 'validation accuracy', 'test accuracy', 'converged', 'training MSE', 'validation MSE', 'test MSE', 'training R²', 'validation R²', 'test R²', not the text 'epoch' (did you mean 'epochs'?)"
        ) {
            _ = try LessonHeader(try LessonParser.parse("---\ntitle: t\nheadline: [epoch]\n---\n", path: "lessons/x.md"))
        }
    }
}

@Suite struct ThumbnailChoiceTests {
    func run(thumbnail: String) throws -> ChapterResult {
        let text = "---\ntitle: t\nthumbnail: \(thumbnail)\n---\n" + cell("data", "dataset: and")
            + cell("plot", "kind: data\nname: first") + cell("plot", "kind: data\nname: second")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thumbnail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return LessonRunner().run(try LessonParser.parse(text, path: "lessons/x.md"), figureDirectory: folder)
    }

    @Test func theFrontMatterChoosesTheThumbnail() throws {
        #expect(try run(thumbnail: "second").thumbnail == "fig-02-second.png")
        let missing = try run(thumbnail: "third")
        #expect(missing.errors.map(\.description) == [
            "lessons/x.md:1:1: error: the front matter's thumbnail 'third' names no figure of this chapter (a plot cell's 'name' or kind)"
        ])
    }
}
