import Foundation
import Engine
import Testing
@testable import LessonFormat
@testable import LessonRuntime

/// The model cell's `layers:` with layer kinds between the dense layers.
@Suite struct ModelLayersTests {
    func model(_ body: String) throws -> ModelCell {
        try ModelCell(try firstCell(body, kind: "model"))
    }

    @Test func dropoutAndBatchNormStandBetweenDenseLayers() throws {
        let cell = try model("layers: [2, 8, dropout: 0.25, dense: 6, batch-norm, 1]\nactivations: [relu, tanh, sigmoid]\ninit: he")
        #expect(cell.sizes == [2, 8, 6, 1])
        #expect(cell.layers.denseLayerNumbers == [1, 3, 5])
        var generator = SeededGenerator(seed: 3)
        let network = cell.network(using: &generator)
        #expect(network.layers.count == 5)
        #expect((network.layers[1] as? DropoutLayer)?.rate == 0.25)
        // Batch normalization takes the activation of the dense layer before it.
        #expect(network[dense: 2].activation == .linear)
        let norm = try #require(network.layers[3] as? BatchNormLayer)
        #expect(norm.activation == .tanh && norm.momentum == 0.9 && norm.epsilon == 1e-5)
        #expect(network.parameterNames == ["W1", "b1", "W3", "b3", "gamma4", "beta4", "W5", "b5"])
        #expect(cell.layers.parameterCount == network.parameterCount)
    }

    @Test func aDenseNetworkDrawsTheSameWeightsAsBefore() throws {
        let cell = try model("layers: [3, 4, 2]\nactivation: tanh")
        var (a, b) = (SeededGenerator(seed: 9), SeededGenerator(seed: 9))
        let drawn = cell.network(using: &a)
        let reference = Network(sizes: [3, 4, 2], activations: [.tanh, .tanh], initializer: .xavierUniform, generator: &b)
        #expect(drawn == reference)
    }

    @Test func settingsByNameAndTheLeakySlope() throws {
        let cell = try model("layers: [2, 4, batch-norm: {momentum: 0.5, epsilon: 0.001}, dropout: {rate: 0.1}, 1]\nactivations: [leaky-relu, sigmoid]\nslope: 0.2")
        #expect(cell.activations == [.leakyRelu(slope: 0.2), .sigmoid])
        #expect(cell.layers.items[2] == .other(kind: "dropout", settings: ["rate": 0.1]))
        #expect(cell.layers.items[1] == .other(kind: "batch-norm", settings: ["momentum": 0.5, "epsilon": 0.001]))
    }

    @Test func mistakesArePositioned() {
        expectLessonError("lessons/x.md:5:16: error: 'layers' in model cell 'dropuot' is not a layer (did you mean 'dropout'?); the layers are 'dense', 'dropout', 'batch-norm', 'conv', 'pool'") {
            _ = try model("layers: [2, 4, dropuot: 0.5, 1]")
        }
        expectLessonError("lessons/x.md:5:25: error: 'layers' in model cell dropout's 'rate' (the probability p that a unit is dropped) is at least 0 and below 1, not 1") {
            _ = try model("layers: [2, 4, dropout: 1, 1]")
        }
        expectLessonError("lessons/x.md:5:26: error: 'layers' in model cell 'dropout' has no setting 'rat' (did you mean 'rate'?); its settings are 'rate'") {
            _ = try model("layers: [2, 4, dropout: {rat: 0.5}, 1]")
        }
        expectLessonError("lessons/x.md:5:16: error: 'layers' in model cell ends with the output layer, which is dense (a number of units)") {
            _ = try model("layers: [2, 4, dropout]")
        }
        expectLessonError("lessons/x.md:5:30: error: 'layers' in model cell 'batch-norm' normalizes the net input of a hidden dense layer, so it stands right after one (and before the output layer)") {
            _ = try model("layers: [2, 4, dropout: 0.5, batch-norm, 1]")
        }
        expectLessonError("lessons/x.md:5:10: error: 'layers' in model cell starts with the number of inputs, a whole number between 1 and 100000, or 'input: [channels, height, width]', not the text 'dropout'") {
            _ = try model("layers: [dropout, 4, 1]")
        }
        expectLessonError("lessons/x.md:6:8: error: 'slope' in model cell is only read for a 'leaky-relu' layer") {
            _ = try model("layers: [2, 4, 1]\nslope: 0.1")
        }
        expectLessonError("lessons/x.md:6:14: error: 'activations' in model cell lists 3 activations for 2 dense layers") {
            _ = try model("layers: [2, 4, dropout, 1]\nactivations: [relu, relu, sigmoid]")
        }
    }

    @Test func explicitWeightsAreNumberedAmongAllLayers() throws {
        let cell = try model("layers: [2, 2, dropout: 0.5, 1]\ninit: explicit\nW1: [[1, 0], [0, 1]]\nb1: [0, 0]\nW3: [[1], [1]]\nb3: 0")
        var generator = SeededGenerator(seed: 1)
        // Evaluation: dropout passes the hidden layer's σ(1), σ(2) on unchanged.
        let hidden = Activation.sigmoid.apply(Matrix([[1.0, 2.0]]))
        let expected = Activation.sigmoid.apply(Matrix(scalar: hidden[0, 0] + hidden[0, 1])).scalar
        #expect(cell.network(using: &generator).predict(Matrix([[1.0, 2.0]])).scalar == expected)
        expectLessonError("lessons/x.md:9:5: error: 'W2' in model cell names no dense layer; the dense layers are W1, W3") {
            _ = try model("layers: [2, 2, dropout: 0.5, 1]\ninit: explicit\nW1: [[1, 0], [0, 1]]\nb1: [0, 0]\nW2: [[1], [1]]\nW3: [[1], [1]]\nb3: 0")
        }
    }
}


/// The layer-statistics plots ask the train cell above for the measurements.
@Suite struct LayerStatisticsPlotTests {
    static let lesson = "---\ntitle: t\nseed: 2\n---\n" + cell("data", "dataset: xor") + cell("model", "layers: [2, 4, 4, 1]") + cell("train", "loss: binary-cross-entropy\nlearning_rate: 0.5\nepochs: 5")

    @Test func aPlotBelowTheTrainCellGetsItsMeasurements() throws {
        let text = Self.lesson + cell("plot", "kind: layer-statistics\nepochs: [0, 5]") + cell("plot", "kind: gradient-norms")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = LessonRunner().run(try LessonParser.parse(text, path: "lessons/x.md"), figureDirectory: folder)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.metrics.figures == 2)
    }

    @Test func spreadsThatExplodeOrCollapseGetALogScale() {
        #expect(LayerStatisticsPlot.spansDecades([0.67, 2.3, 11.7, 8.4e4]))
        #expect(LayerStatisticsPlot.spansDecades([0.15, 0.08, 1.3e-6]))
        #expect(!LayerStatisticsPlot.spansDecades([0.85, 0.82, 1.5, 0.066]))
        // A dead layer (spread 0) cannot be drawn on a log scale.
        #expect(!LayerStatisticsPlot.spansDecades([0, 0.5, 80]))
    }

    @Test func anEpochTheRunDidNotMeasureIsAMistake() throws {
        let text = Self.lesson + cell("plot", "kind: layer-statistics\nepochs: [0, 9]")
        let result = LessonRunner().run(try LessonParser.parse(text, path: "lessons/x.md"), figureDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID().uuidString)"))
        #expect(result.errors.map(\.description) == ["lessons/x.md:17:7: error: a 'layer-statistics' plot cannot show epoch 9: the run measured epochs 0, 1, 2, 3, 4 and 5"])
    }
}

/// Convolutional models: `input: [channels, height, width]`, shapes chained when the cell is
/// read, and positioned errors where they do not chain.
@Suite struct ConvolutionModelTests {
    func model(_ body: String) throws -> ModelCell {
        try ModelCell(try firstCell(body, kind: "model"))
    }

    @Test func aSmallConvolutionalNetwork() throws {
        let cell = try model("layers: [input: [1, 28, 28], conv: {filters: 8, size: 5}, pool: 2, conv: {filters: 16, size: 5}, pool, dense: 128, dense: 10]\nactivations: [relu, relu, relu, softmax]\ninit: he")
        var generator = SeededGenerator(seed: 1)
        let network = cell.network(using: &generator)
        let shapes = network.layers.map(\.outputCount)
        #expect(shapes == [8 * 24 * 24, 8 * 12 * 12, 16 * 8 * 8, 16 * 4 * 4, 128, 10])
        #expect(network.parameterCount == (25 * 8 + 8) + (200 * 16 + 16) + (256 * 128 + 128) + (128 * 10 + 10))
        #expect(cell.layers.parameterCount == network.parameterCount)
        let conv = try #require(network.layers[0] as? ConvolutionLayer)
        #expect(conv.activation == .relu && conv.weights.values.contains { $0 != 0 })
        #expect(network.parameterNames.prefix(4) == ["W1", "b1", "W3", "b3"])
    }

    @Test func shapesThatDoNotChainAreFoundWhereTheyStand() {
        expectLessonError("lessons/x.md:5:28: error: 'layers' in model cell 'conv' on its input (images of 1×4×4): a 5×5 filter is larger than its 1×4×4 input") {
            _ = try model("layers: [input: [1, 4, 4], conv: {size: 5}, 2]")
        }
        expectLessonError("lessons/x.md:5:14: error: 'layers' in model cell 'conv' on its input (16 values): a convolution needs images: begin 'layers' with 'input: [channels, height, width]', and put no dense layer before it") {
            _ = try model("layers: [16, conv: 3, 2]")
        }
        expectLessonError("lessons/x.md:5:53: error: 'layers' in model cell conv's 'padding' ('valid' keeps only windows inside the image; 'same' pads with zeros so the output keeps the input's size) is 'valid' or 'same', not the text 'full'") {
            _ = try model("layers: [input: [1, 8, 8], conv: {size: 3, padding: full}, 2]")
        }
        expectLessonError("lessons/x.md:5:44: error: 'layers' in model cell conv's 'filters' (the number of filters, the output's channels) is a whole number, not 2.5") {
            _ = try model("layers: [input: [1, 8, 8], conv: {filters: 2.5}, 2]")
        }
    }
}

/// A convolutional network on a few digits: its relations hold, and the filter and feature-map
/// plots draw it.
@Suite struct ConvolutionLessonTests {
    static let lesson = "---\ntitle: t\nseed: 3\n---\n"
        + cell("data", "dataset: mnist\ntrain_count: 64\ntest_count: 16")
        + cell("model", "layers: [input: [1, 28, 28], conv: {filters: 4, size: 5}, pool: 2, dense: 10]\nactivations: [relu, softmax]\ninit: he")
        + cell("train", "loss: categorical-cross-entropy\noptimizer: adam\nlearning_rate: 0.001\nepochs: 1\nbatch_size: 16")

    func run(_ text: String) throws -> ChapterResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return LessonRunner().run(try LessonParser.parse(text, path: "lessons/x.md"), figureDirectory: folder)
    }

    @Test func thePixelThePoolingTileAndTheGradientHoldAndThePlotsDraw() throws {
        let text = Self.lesson
            + cell("equation", "tex: n\nnumbers: pixel1 = sum(sum(window1 .* filter1), 2) + bias1\nat: {epoch: 1, step: 1}")
            + cell("equation", "tex: a\nnumbers: pixel2 = max(max(window2), 2)\nat: {epoch: 1, step: 2}")
            + cell("equation", "tex: g\nnumbers: dW1 = patches1' * spatch1 / m\nat: {epoch: 1, step: 1}")
            + cell("plot", "kind: weights") + cell("plot", "kind: feature-maps\nsample: 2")
        let result = try run(text)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.metrics.relationsHeld == 3 && result.metrics.figures == 2)
        let captions = result.document.blocks.compactMap { if case let .figure(figure) = $0 { figure.caption } else { nil } }
        // Without the two figures (MNIST missing, say) the test fails here instead of crashing the run.
        try #require(captions.count == 2)
        #expect(captions[0].hasPrefix("The weights of all 4 filters of the first convolution"))
        let figures = result.document.blocks.compactMap { if case let .figure(figure) = $0 { figure } else { nil } }
        #expect(figures[0].alternativeText == "4 small images of filters of the first convolution in a blue–red map.")
        #expect(captions[1].contains("layer 1, convolution (4×24×24), layer 2, pooling (4×12×12)"))
    }

    @Test func aWrongPixelRelationFails() throws {
        // At step 2 the biases have moved from 0, so leaving one out shows.
        let text = Self.lesson + cell("equation", "tex: n\nnumbers: pixel1 = sum(sum(window1 .* filter1), 2)\nat: {epoch: 1, step: 2}")
        let result = try run(text)
        #expect(result.metrics.relationsFailed == 1)
    }

    @Test func featureMapsNeedAConvolutionFirst() throws {
        let text = "---\ntitle: t\n---\n" + cell("data", "dataset: mnist\ntrain_count: 16\ntest_count: 4")
            + cell("model", "layers: [784, 10]\nactivation: softmax") + cell("plot", "kind: feature-maps")
        let result = try run(text)
        #expect(result.errors.map(\.description) == ["lessons/x.md:14:7: error: a 'feature-maps' plot shows what convolution and pooling layers make of an image, but the network begins with Dense(784→10, softmax)"])
    }
}
