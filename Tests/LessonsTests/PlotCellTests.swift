import Datasets
import Engine
import Foundation
import Plotting
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

// MARK: - Helpers

/// A small lesson run end to end against data the test supplies (the data cell is separate work);
/// its figure folder is removed when the run is released.
private final class PlotLesson {
    let session: Session
    let directory: URL

    /// Runs `cells` (fenced cells, one after another) with `data` already in the session.
    init(_ cells: String, data: SessionData?, directory: URL? = nil) throws {
        let lesson = try LessonParser.parse("---\ntitle: Plots\nseed: 3\n---\n" + cells, path: "lessons/p.md")
        let folder = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("plot-cell-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.directory = folder
        session = Session(header: try LessonHeader(lesson), lesson: lesson, figureDirectory: folder)
        session.data = data
        for cell in lesson.cells {
            try cell.kind.read(cell).run(cell, in: session)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The figure blocks, in order.
    var figures: [ReportFigure] {
        session.blocks.compactMap { if case let .figure(figure) = $0 { figure } else { nil } }
    }

    /// The bytes of a figure's file.
    func bytes(_ figure: ReportFigure) throws -> [UInt8] {
        try bytes(figure.file)
    }

    /// The bytes of a file in the figure folder.
    func bytes(_ file: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
    }
}

/// The width and height in a PNG's header, or `nil` if the bytes are not a PNG.
private func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
    guard bytes.count > 24, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
    func number(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (number(16), number(20))
}

private enum PlotData {
    static func gate(_ gate: LogicGate) -> SessionData {
        SessionData(title: "the \(gate.rawValue.uppercased()) gate", training: gate.dataset(), classNames: ["0", "1"])
    }

    /// Circles split into training and test, optionally mapped by φ(x) = [x₁², x₂²].
    static func circles(mapped: Bool = false) -> SessionData {
        var generator = SeededGenerator(seed: 5, stream: "data")
        let all = Dataset.circles(count: 240, noise: 0.06, factor: 0.5, using: &generator)
        let split = all.split(trainFraction: 0.75, using: &generator)
        let map: FeatureMap? = mapped ? .squares : nil
        return SessionData(
            title: "two concentric circles", training: map.map { split.train.mapped(by: $0) } ?? split.train,
            test: map.map { split.test.mapped(by: $0) } ?? split.test, original: split.train, originalTest: split.test,
            featureMap: map, classNames: ["outer", "inner"])
    }

    /// 600 training and 300 test digits of the bundled MNIST subset.
    static func digits() throws -> SessionData {
        let mnist = try MNISTLoader.bundledSubset(reason: "tests")
        func dataset(_ set: MNISTSet, _ count: Int) -> Dataset {
            Dataset(name: "mnist", inputs: set.inputs(at: Array(0..<count)), labels: Array(set.labels.prefix(count)), classCount: 10)
        }
        return SessionData(
            title: "MNIST", training: dataset(mnist.training, 600), test: dataset(mnist.test, 300),
            classNames: (0..<10).map(String.init), isImages: true)
    }
}

private let perceptron = cell("model", "layers: [2, 1]\nactivation: hardlimit\ninit: zeros")
    + cell("train", "rule: perceptron\nlearning_rate: 0.1\nepochs: 20")
private let circlesMLP = cell("model", "layers: [2, 3, 1]\nactivation: sigmoid\ninit: xavier")
    + cell("train", "learning_rate: 3\nepochs: 1500")

// MARK: - Figures

@Suite struct PlotCellFigureTests {
    @Test func dataPlotWritesAPNGAndAFigureBlock() throws {
        let run = try PlotLesson(cell("plot", "kind: data"), data: PlotData.gate(.and))
        let figure = try #require(run.figures.first)
        #expect(figure.file == "fig-01-data.png")
        #expect(figure.caption == "The data of the AND gate: 4 training points, coloured by class (training class 0: 3, class 1: 1).")
        let size = try #require(pngSize(try run.bytes(figure)))
        #expect(size.width == 960 && size.height == 840)
    }

    @Test func everyFigureIsDrawnLightAndDarkForTheColumnAndForAPhone() throws {
        let lesson = circlesMLP + cell("plot", "kind: decision-boundary\nresolution: 60\nname: regions")
        let first = try PlotLesson(lesson, data: PlotData.circles())
        let figure = try #require(first.figures.first)
        #expect(figure.file == "fig-01-regions.png")
        #expect(figure.darkFile == "fig-01-regions-dark.png")
        #expect(figure.width == 680 && figure.height == 460)
        let narrow = try #require(figure.narrow)
        #expect(narrow.file == "fig-01-regions-narrow.png" && narrow.darkFile == "fig-01-regions-narrow-dark.png")
        // 340 wide; the square plot's empty bands above and below are trimmed from 460.
        #expect(narrow.width == 340 && narrow.height == 347)
        let files = [figure.file, figure.darkFile!, narrow.file, narrow.darkFile!]
        let sizes = try files.map { try #require(pngSize(try first.bytes($0))) }
        #expect(sizes.map(\.width) == [1360, 1360, 680, 680])
        #expect(sizes.map(\.height) == [920, 920, 694, 694])
        // The dark drawing has the dark page's background in its corner.
        #expect(try first.bytes(figure.darkFile!) != first.bytes(figure.file))
        // Same lesson, same bytes, in all four files.
        let second = try PlotLesson(lesson, data: PlotData.circles())
        for file in files { #expect(try first.bytes(file) == second.bytes(file), "\(file)") }
    }

    @Test func perceptronBoundaryIsItsLine() throws {
        let run = try PlotLesson(
            perceptron + cell("plot", "kind: decision-boundary\nname: and-line") + cell("plot", "kind: boundaries-per-epoch")
                + cell("plot", "kind: errors"),
            data: PlotData.gate(.and))
        #expect(run.figures.map(\.file) == ["fig-01-and-line.png", "fig-02-boundaries-per-epoch.png", "fig-03-errors.png"])
        // η = 0.1 leaves the bias at −0.20000000000000004: rounded, it keeps its zeros and does not look exact.
        #expect(run.figures[0].caption.hasPrefix("Decision boundary of the 2-1 network after 4 epochs: 0.2 x₁ + 0.1 x₂ − 0.2000 = 0"))
        #expect(run.figures[0].caption.hasSuffix("training accuracy 100.0 %."))
        #expect(run.figures[2].caption.hasSuffix("the count reaches 0 in epoch 4: the rule has converged."))
        for figure in run.figures { #expect(pngSize(try run.bytes(figure)) != nil) }
    }

    @Test func xorErrorsNeverReachZero() throws {
        let run = try PlotLesson(perceptron + cell("plot", "kind: errors"), data: PlotData.gate(.xor))
        #expect(run.figures[0].caption.hasSuffix("never reaches 0 in 20 epochs (4 errors in the last)."))
    }

    @Test func decisionRegionsAreDeterministicAndColouredByClass() throws {
        let lesson = circlesMLP + cell("plot", "kind: decision-boundary\nshow: [training, test]\nresolution: 120")
        let first = try PlotLesson(lesson, data: PlotData.circles())
        let second = try PlotLesson(lesson, data: PlotData.circles())
        #expect(try first.bytes(first.figures[0]) == second.bytes(second.figures[0]))
        #expect(first.figures[0].caption.hasPrefix("Decision regions of the 2-3-1 network after 1,500 epochs; test accuracy "))

        // The centre of the circles is the inner class (pale red), the box's corner the outer (pale blue).
        let plot = try PlotCell(try firstCell("kind: decision-boundary", kind: "plot"))
        let figure = try plot.kind.draw(plot, in: first.session).figure
        let bitmap = try figure.bitmap()
        let centre = bitmap.color(at: try #require(figure.axes[0].figurePoint(x: 0, y: 0)))
        let corner = bitmap.color(at: try #require(figure.axes[0].figurePoint(x: 1.05, y: -1.05)))
        #expect(Int(centre.red) > Int(centre.blue) + 30)
        #expect(Int(corner.blue) > Int(corner.red) + 30)
    }

    /// A hard limit says 0 or 1 and nothing between: its regions are two flat class colours with
    /// a legend naming the classes, not a 0–1 colour scale.
    @Test func hardLimitRegionsAreTwoFlatClassColoursWithALegend() throws {
        let run = try PlotLesson(
            cell("model", "layers: [2, 1]\nactivation: hardlimit\ninit: zeros")
                + cell("train", "rule: perceptron\nlearning_rate: 0.1\nepochs: 20"),
            data: PlotData.circles(mapped: true))
        let plot = try PlotCell(try firstCell("kind: decision-boundary\nresolution: 80", kind: "plot"))
        let output = try plot.kind.draw(plot, in: run.session)
        let figure = output.figure
        #expect(output.alternativeText.hasPrefix("The plane coloured by the class the network decides"))
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        #expect(recording.texts.contains("classified as outer") && recording.texts.contains("classified as inner"))
        #expect(recording.texts.contains("boundary"))
        #expect(!recording.texts.contains { $0.hasPrefix("output") || $0.hasPrefix("P(") || $0 == "0.8" })
        let axes = figure.axes[0]
        for appearance in [Appearance.light, .dark] {
            let bitmap = try figure.bitmap(appearance: appearance)
            // The centre of the circles is decided inner, the box's corner outer: each one flat colour.
            let centre = bitmap.color(at: try #require(axes.figurePoint(x: 0.02, y: 0.02)))
            let corner = bitmap.color(at: try #require(axes.figurePoint(x: 1.15, y: -1.15)))
            #expect(centre == appearance.color(Palette.regionTint(1)).rgba8, "\(appearance.scheme) centre \(centre)")
            #expect(corner == appearance.color(Palette.regionTint(0)).rgba8, "\(appearance.scheme) corner \(corner)")
        }
    }

    /// A sigmoid's output is drawn on a colour scale named for what it is, the output a², with
    /// the class its high end stands for, not as a probability of "class 1".
    @Test func aSigmoidsScaleNamesTheOutputAndTheClass() throws {
        let run = try PlotLesson(circlesMLP, data: PlotData.circles())
        let plot = try PlotCell(try firstCell("kind: decision-boundary\nresolution: 40", kind: "plot"))
        let recording = RecordingRenderer()
        try plot.kind.draw(plot, in: run.session).figure.draw(with: recording)
        #expect(recording.texts.contains("output a²  (1 = inner)"))
        #expect(recording.texts.contains("a² = 0.5"))
        #expect(!recording.texts.contains { $0.contains("P(") })
    }

    /// The grid goes through the network a chunk of rows at a time (a wide network on 360,000
    /// points at once would hold every layer's outputs for all of them); chunked or not, the
    /// outputs are the same to the bit, including a last chunk that is not full.
    @Test func regionGridInChunksEqualsOnePass() throws {
        let cell = try PlotCell(try firstCell("kind: decision-boundary\nresolution: 70", kind: "plot"))
        let plot = try #require(cell.kind as? DecisionBoundaryPlot)
        var generator = SeededGenerator(seed: 11)
        let network = Network(
            sizes: [2, 300, 300, 3], activations: [.tanh, .relu, .softmax], initializer: .xavierUniform,
            generator: &generator)
        let limits = (x: -1.5...2.0, y: -0.5...1.25)
        let onePass = plot.regionGrid(network: network, map: nil, limits: limits, chunkRows: 70 * 70)
        let chunked = plot.regionGrid(network: network, map: nil, limits: limits)
        let small = plot.regionGrid(network: network, map: nil, limits: limits, chunkRows: 333)
        #expect(onePass.count == 70 && onePass.allSatisfy { $0.count == 70 && $0.allSatisfy { $0.count == 3 } })
        #expect(chunked == onePass)
        #expect(small == onePass)
    }

    @Test func featureMapRegionsAreDrawnInTheOriginalPlane() throws {
        let run = try PlotLesson(
            cell("model", "layers: [2, 1]\nactivation: sigmoid") + cell("train", "learning_rate: 2\nepochs: 300")
                + cell("plot", "kind: decision-boundary"),
            data: PlotData.circles(mapped: true))
        #expect(run.figures[0].caption.contains("(evaluated on φ(x) = [x₁², x₂²], drawn in the original plane)"))
    }

    @Test func trainingCurvesAndTheNetworkFromInside() throws {
        let run = try PlotLesson(
            circlesMLP + cell("plot", "kind: loss\nscale: log") + cell("plot", "kind: accuracy") + cell("plot", "kind: curves")
                + cell("plot", "kind: hidden-lines") + cell("plot", "kind: hidden-space") + cell("plot", "kind: network"),
            data: PlotData.circles())
        #expect(run.figures.count == 6)
        #expect(run.figures[0].caption.hasPrefix("Per epoch over 1,500 epochs: training loss (binary-cross-entropy) "))
        #expect(run.figures[0].caption.hasSuffix("(loss on a log scale)."))
        #expect(run.figures[3].caption.hasPrefix("The 3 hidden units' lines of the 2-3-1 network after 1,500 epochs: h₁: "))
        #expect(run.figures[5].caption.contains("13 weights and biases"))
        // Loss and accuracy side by side (820 points) are drawn at the column's 780.
        #expect(pngSize(try run.bytes(run.figures[2]))?.width == 1560)
    }

    @Test func functionsNeedNoData() throws {
        let run = try PlotLesson(
            cell("plot", "kind: activations") + cell("plot", "kind: gradient-descent-path"), data: nil)
        #expect(run.figures[0].caption.hasSuffix("slopes f′(0): hard limit 0, linear 1, sigmoid σ 0.25, tanh 1, ReLU 0."))
        #expect(run.figures[1].caption.hasSuffix("ends at (−0.004952, 0.003714), where f = 3.831×10⁻⁵ after 30 steps."))
    }

    @Test func theRunnerWritesFiguresThatNeedNoData() throws {
        let lesson = try LessonParser.parse(
            "---\ntitle: Functions\nseed: 1\n---\nProse.\n\n" + cell("plot", "kind: gradient-descent-path\nsteps: 10")
                + cell("plot", "kind: activations\nfunctions: [sigmoid, tanh]\nrange: [-6, 6]\nname: gallery"),
            path: "lessons/f.md")
        var files = [[UInt8]]()
        for _ in 0..<2 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plot-runner-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let chapter = LessonRunner().run(lesson, figureDirectory: folder)
            #expect(chapter.errors.isEmpty)
            #expect(chapter.thumbnail == "fig-01-gradient-descent-path.png")
            let figures = chapter.document.blocks.compactMap { if case let .figure(figure) = $0 { figure } else { nil } }
            #expect(figures.map(\.file) == ["fig-01-gradient-descent-path.png", "fig-02-gallery.png"])
            #expect(figures[0].caption.hasSuffix("ends at (−0.4295, 0.3221), where f = 0.2882 after 10 steps."))
            files.append([UInt8](try Data(contentsOf: folder.appendingPathComponent(figures[1].file))))
        }
        #expect(files[0] == files[1])
    }

    @Test func digitsConfusionAndWeights() throws {
        let run = try PlotLesson(
            cell("model", "layers: [784, 16, 10]\nactivations: [relu, softmax]\ninit: he")
                + cell("train", "optimizer: adam\nlearning_rate: 0.01\nepochs: 3\nbatch_size: 50")
                + cell("plot", "kind: confusion") + cell("plot", "kind: digits\ncount: 8\nmistakes: true")
                + cell("plot", "kind: weights\ncount: 8"),
            data: try PlotData.digits())
        #expect(run.figures[0].caption.hasPrefix("Confusion matrix of the 784-16-10 network on the 300 test images: "))
        #expect(run.figures[1].caption.hasPrefix("The 8 most confidently wrong of the "))
        #expect(run.figures[2].caption.hasPrefix("The weights into the first 8 of the 16 first-layer units"))
        #expect(pngSize(try run.bytes(run.figures[1]))?.width == 2 * (8 * 72 + 8))
    }
}

@Suite struct PlotCellMoreFigureTests {
    @Test func threeClassRegionsAndValidationCurves() throws {
        var generator = SeededGenerator(seed: 2, stream: "data")
        let blobs = Dataset.blobs(centers: [[-2, 0], [2, 0], [0, 2.5]], countPerCenter: 40, standardDeviation: 0.7, using: &generator)
        let split = blobs.split(trainFraction: 0.6, validationFraction: 0.2, using: &generator)
        let data = SessionData(
            title: "three blobs", training: split.train, validation: split.validation, test: split.test,
            classNames: ["left", "right", "top"])
        let run = try PlotLesson(
            cell("model", "layers: [2, 8, 3]\nactivations: [tanh, softmax]") + cell("train", "learning_rate: 0.5\nepochs: 200")
                + cell("plot", "kind: decision-boundary\nshow: [training, test]") + cell("plot", "kind: curves\nscale: log")
                + cell("plot", "kind: data\nshow: [training, test]\ntitle: Blobs\ncaption: Three *blobs*."),
            data: data)
        #expect(run.figures[0].caption.hasPrefix("Decision regions of the 2-8-3 network after 200 epochs; test accuracy "))
        let plot = try PlotCell(try firstCell("kind: decision-boundary\nresolution: 40", kind: "plot"))
        let recording = RecordingRenderer()
        try plot.kind.draw(plot, in: run.session).figure.draw(with: recording)
        #expect(["left", "right", "top"].allSatisfy { recording.texts.contains("classified as \($0)") })
        #expect(run.figures[1].caption.contains(", validation "))
        #expect(run.figures[2].caption == "Three *blobs*.")
    }

    @Test func xorByBackpropagationFromInside() throws {
        let run = try PlotLesson(
            cell("model", "layers: [2, 2, 1]\nactivations: [tanh, sigmoid]") + cell("train", "learning_rate: 1\nepochs: 2000")
                + cell("plot", "kind: decision-boundary") + cell("plot", "kind: hidden-lines") + cell("plot", "kind: hidden-space")
                + cell("plot", "kind: network"),
            data: PlotData.gate(.xor))
        #expect(run.figures[2].caption.contains("in the space of the 2 hidden activations (tanh)"))
        #expect(run.figures[3].caption.hasPrefix("The 2-2-1 network (tanh, sigmoid) after 2,000 epochs, 9 weights and biases"))
    }

    @Test func weightHistogramCountsTheWeightsBelowItsThreshold() throws {
        // W1 has two of its four weights below 0.01, one of them exactly 0; W2 one of two.
        let model = "layers: [2, 2, 1]\nactivation: sigmoid\ninit: explicit\nW1: [[0.005, 2], [0, -0.5]]\nb1: [0.001, 0]\nW2: [[-0.002], [1]]\nb2: 0"
        let run = try PlotLesson(
            cell("model", model) + cell("plot", "kind: weight-histogram") + cell("plot", "kind: weight-histogram\nthreshold: 1\nbins: 5"),
            data: PlotData.gate(.xor))
        #expect(run.figures[0].caption == "The sizes of the 6 weights of the 2-2-1 network before training (biases left out), one line per layer: 3 of them (50.0 %) are smaller than 0.01 (layer 1 2 of 4, layer 2 1 of 2), 1 exactly 0; the largest is 2.")
        #expect(run.figures[1].caption.contains(": 4 of them (66.7 %) are smaller than 1 (layer 1 3 of 4, layer 2 1 of 2)"))
        #expect(run.figures[0].file == "fig-01-weight-histogram.png")
    }

    @Test func captionsNameALayerKindInTheNetworksShape() throws {
        let run = try PlotLesson(
            cell("model", "layers: [2, 4, dropout: 0.5, 3, 1]\nactivations: [relu, relu, sigmoid]") + cell("plot", "kind: weight-histogram"),
            data: PlotData.gate(.xor))
        #expect(run.figures[0].caption.contains(" of the 2-4-dropout-3-1 network before training "))
        // The dense layers keep the numbers training gives them: the dropout is layer 2.
        #expect(run.figures[0].caption.contains(" of 8, layer 3 "))
        #expect(run.figures[0].caption.contains(" of 12, layer 4 "))
    }

    @Test func xorPerceptronEpochsAreCappedAtTwelve() throws {
        let run = try PlotLesson(perceptron + cell("plot", "kind: boundaries-per-epoch\ncolumns: 6"), data: PlotData.gate(.xor))
        #expect(run.figures[0].caption.hasPrefix("The perceptron's boundary after each epoch (the first 12 of 20) on the XOR gate (η = 0.1); it did not converge in 20 epochs."))
        // Six 230-point panels per row would be 1,390 points wide: they flow into three per row
        // at the column's 780 points, and one per row for a phone.
        #expect(pngSize(try run.bytes(run.figures[0]))?.width == 2 * 780)
        #expect(run.figures[0].width == 780)
        let narrow = try #require(run.figures[0].narrow)
        #expect(narrow.width == 340 && narrow.height > 12 * 300)
    }

    @Test func mappedFeaturesAreASecondPlane() throws {
        let run = try PlotLesson(
            cell("model", "layers: [2, 1]\nactivation: sigmoid") + cell("train", "learning_rate: 2\nepochs: 300")
                + cell("plot", "kind: data\nspace: features") + cell("plot", "kind: decision-boundary\nspace: features"),
            data: PlotData.circles(mapped: true))
        #expect(run.figures[0].caption.hasPrefix("The data of two concentric circles after the feature map φ(x) = [x₁², x₂²]: 180 training points"))
        #expect(run.figures[1].caption.hasPrefix("Decision boundary of the 2-1 network after 300 epochs: −9.306 x₁² − 9.526 x₂² + 5.579 = 0 "))
    }

    @Test func hiddenLinesOfMappedFeaturesLiveInTheirPlane() throws {
        let run = try PlotLesson(circlesMLP + cell("plot", "kind: hidden-lines"), data: PlotData.circles(mapped: true))
        #expect(run.figures[0].caption.contains("in the plane of φ(x) = [x₁², x₂²], which the units see: h₁: "))
    }
}

// MARK: - Mistakes

@Suite struct PlotCellErrorTests {
    @Test func keysAreChecked() {
        expectLessonError("lessons/x.md:4:1: error: missing key 'kind' in plot cell") {
            _ = try PlotCell(try firstCell("title: a", kind: "plot"))
        }
        expectLessonError("lessons/x.md:5:7: error: 'kind' in plot cell must be one of 'data', 'decision-boundary', 'fit', 'boundaries-per-epoch', 'errors', 'loss', 'accuracy', 'curves', 'layer-statistics', 'gradient-norms', 'hidden-lines', 'neuron-maps', 'hidden-space', 'network', 'weight-histogram', 'activations', 'gradient-descent-path', 'confusion', 'digits', 'weights', 'feature-maps', not 'decision-boundry' (did you mean 'decision-boundary'?)") {
            _ = try PlotCell(try firstCell("kind: decision-boundry", kind: "plot"))
        }
        expectLessonError("lessons/x.md:6:1: error: unknown key 'captoin' in plot cell (did you mean 'caption'?)") {
            _ = try PlotCell(try firstCell("kind: data\ncaptoin: x", kind: "plot"))
        }
        expectLessonError("lessons/x.md:6:8: error: 'scale' in plot cell does not apply to 'accuracy' plots (their own keys: none)") {
            _ = try PlotCell(try firstCell("kind: accuracy\nscale: log", kind: "plot"))
        }
        expectLessonError("lessons/x.md:6:7: error: 'show' in plot cell items must be 'training' or 'test', not the text 'tset' (did you mean 'test'?)") {
            _ = try PlotCell(try firstCell("kind: data\nshow: tset", kind: "plot"))
        }
        expectLessonError("lessons/x.md:6:19: error: 'functions' in plot cell items must be one of 'hardlimit', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', not the text 'softmax'") {
            _ = try PlotCell(try firstCell("kind: activations\nfunctions: [relu, softmax]", kind: "plot"))
        }
        expectLessonError("lessons/x.md:6:7: error: 'name' in plot cell may hold only letters, digits, '-' and '_', not 'a b/c'") {
            _ = try PlotCell(try firstCell("kind: data\nname: a b/c", kind: "plot"))
        }
    }

    @Test func missingCellsAboveAreNamed() {
        expectLessonError("lessons/p.md:5:1: error: the 'data' plot needs a data cell above it") {
            _ = try PlotLesson(cell("plot", "kind: data"), data: nil)
        }
        expectLessonError("lessons/p.md:5:1: error: the 'decision-boundary' plot needs a model cell above it") {
            _ = try PlotLesson(cell("plot", "kind: decision-boundary"), data: PlotData.gate(.and))
        }
        expectLessonError("lessons/p.md:8:1: error: the 'loss' plot needs a train cell above it") {
            _ = try PlotLesson(cell("model", "layers: [2, 1]") + cell("plot", "kind: loss"), data: PlotData.gate(.and))
        }
    }

    @Test func kindsThatDoNotFitSayWhy() {
        expectLessonError("lessons/p.md:16:7: error: a 'digits' plot shows images, but the AND gate is not image data") {
            _ = try PlotLesson(perceptron + cell("plot", "kind: digits"), data: PlotData.gate(.and))
        }
        expectLessonError("lessons/p.md:15:7: error: a 'boundaries-per-epoch' plot shows a perceptron run, but the last train cell used gradient descent (plot 'decision-boundary' instead)") {
            _ = try PlotLesson(circlesMLP + cell("plot", "kind: boundaries-per-epoch"), data: PlotData.circles())
        }
        expectLessonError("lessons/p.md:16:7: error: a 'hidden-lines' plot shows a hidden layer, but the network 2-1 has none") {
            _ = try PlotLesson(perceptron + cell("plot", "kind: hidden-lines"), data: PlotData.gate(.and))
        }
        expectLessonError("lessons/p.md:17:9: error: 'epochs' in plot cell lists epoch 9, but training ran 4 epochs") {
            _ = try PlotLesson(perceptron + cell("plot", "kind: boundaries-per-epoch\nepochs: [1, 9]"), data: PlotData.gate(.and))
        }
        expectLessonError("lessons/p.md:17:7: error: 'show: test' needs a test set, but the data cell made none") {
            _ = try PlotLesson(perceptron + cell("plot", "kind: data\nshow: [training, test]"), data: PlotData.gate(.and))
        }
    }

    @Test func hiddenLinesNeedTwoInputs() throws {
        let data = try PlotData.digits()
        expectLessonError("lessons/p.md:14:7: error: a 'hidden-lines' plot draws each hidden unit's line in the plane, but the network's inputs are 784-dimensional") {
            _ = try PlotLesson(
                cell("model", "layers: [784, 4, 10]\nactivations: [relu, softmax]") + cell("train", "learning_rate: 0.1\nepochs: 1")
                    + cell("plot", "kind: hidden-lines"),
                data: data)
        }
    }
}

// MARK: - Neuron maps

/// A hand-set 2-2-1 sigmoid network for XOR: unit 1 fires for x₁ and not x₂ (the corner
/// x₁ = 1, x₂ = 0), unit 2 for x₂ and not x₁, the output for either.
private let handSetXOR = cell(
    "model",
    "layers: [2, 2, 1]\nactivation: sigmoid\ninit: explicit\nW1: [[10, -10], [-10, 10]]\nb1: [-5, -5]\nW2: [[10], [10]]\nb2: -5")

@Suite struct NeuronMapsPlotTests {
    @Test func eachUnitIsAMapWhereItFiresAndWhereItDoesNot() throws {
        let run = try PlotLesson(handSetXOR, data: PlotData.gate(.xor))
        let plot = try PlotCell(try firstCell("kind: neuron-maps", kind: "plot"))
        let output = try plot.kind.draw(plot, in: run.session)
        #expect(output.caption == "Each unit of the 2-2-1 network before training as a map of its activation over the plane (x₁ from −0.5 to 1.5 across, x₂ from −0.5 to 1.5 up), one column per layer. Blue is the low end of a unit's scale and red its high end: the inputs are on the scale −1.475 to 1.475; over the plane, layer 1 (sigmoid) from 2.290×10⁻¹¹ to 1.000 on the scale 0 to 1; output (sigmoid) from 0.007644 to 0.9933 on the scale 0 to 1. The lines are the weights: blue positive, vermillion negative, thicker is larger. The training points are drawn on the output map, coloured by class.")
        let figure = output.figure
        let axes = figure.axes[0]
        for appearance in [Appearance.light, .dark] {
            let bitmap = try figure.bitmap(appearance: appearance)
            /// The colour near a corner of a map: `right`, `up` in 0…1 of its side.
            func color(column: Int, unit: Int, of count: Int, _ right: Double, _ up: Double) throws -> RGBA8 {
                let rect = NeuronMapsPlot.mapRect(column: column, unit: unit, of: count, rows: 2)
                return bitmap.color(at: try #require(axes.figurePoint(
                    x: rect.x.lowerBound + right, y: rect.y.lowerBound + up)))
            }
            func isHigh(_ c: RGBA8) -> Bool { Int(c.red) > Int(c.blue) + 30 }
            func isLow(_ c: RGBA8) -> Bool { Int(c.blue) > Int(c.red) + 30 }
            // Unit 1 (x₁ and not x₂) is high in the bottom-right corner, low in the top-left; unit 2 the other way.
            #expect(isHigh(try color(column: 1, unit: 0, of: 2, 0.95, 0.05)), "\(appearance.scheme)")
            #expect(isLow(try color(column: 1, unit: 0, of: 2, 0.05, 0.95)), "\(appearance.scheme)")
            #expect(isLow(try color(column: 1, unit: 1, of: 2, 0.95, 0.05)), "\(appearance.scheme)")
            #expect(isHigh(try color(column: 1, unit: 1, of: 2, 0.05, 0.95)), "\(appearance.scheme)")
            // Both units are off along the diagonal x₁ = x₂, and so is the output: low at both ends of it.
            #expect(isLow(try color(column: 1, unit: 0, of: 2, 0.05, 0.05)), "\(appearance.scheme)")
            #expect(isLow(try color(column: 2, unit: 0, of: 1, 0.05, 0.05)), "\(appearance.scheme)")
            #expect(isLow(try color(column: 2, unit: 0, of: 1, 0.95, 0.95)), "\(appearance.scheme)")
            #expect(isHigh(try color(column: 2, unit: 0, of: 1, 0.95, 0.05)), "\(appearance.scheme)")
            // The input x₁ grows from the left (near 0, pale) to the right (high).
            let left = try color(column: 0, unit: 0, of: 2, 0.02, 0.5)
            let right = try color(column: 0, unit: 0, of: 2, 0.98, 0.5)
            #expect(Int(left.blue) - Int(left.red) > Int(right.blue) - Int(right.red) + 60, "\(appearance.scheme)")
            #expect(isHigh(right), "\(appearance.scheme)")
        }
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        for text in ["inputs", "layer 1", "output", "sigmoid", "x₁", "x₂", "a¹₁", "a¹₂", "a²"] {
            #expect(recording.texts.contains(text), "\(text)")
        }
    }

    @Test func theSameLessonWritesTheSameBytes() throws {
        let lesson = circlesMLP + cell("plot", "kind: neuron-maps\nshow: [training, test]")
        let first = try PlotLesson(lesson, data: PlotData.circles())
        let second = try PlotLesson(lesson, data: PlotData.circles())
        let figure = try #require(first.figures.first)
        #expect(figure.file == "fig-01-neuron-maps.png")
        let narrow = try #require(figure.narrow)
        #expect(narrow.width == 340)
        for file in [figure.file, figure.darkFile!, narrow.file, narrow.darkFile!] {
            #expect(try first.bytes(file) == second.bytes(file), "\(file)")
        }
        #expect(first.figures[0].caption.hasSuffix("The training and test points are drawn on the output map, coloured by class."))
    }

    @Test func deeperNetworksWithDropoutAndBatchNormGetAColumnPerDenseLayer() throws {
        let run = try PlotLesson(
            cell("model", "layers: [2, 8, dropout: 0.25, dense: 6, batch-norm, 1]\nactivations: [relu, tanh, sigmoid]\ninit: he")
                + cell("plot", "kind: neuron-maps\nshow: none\nconnections: false\nresolution: 20"),
            data: PlotData.circles())
        let caption = run.figures[0].caption
        // A ReLU layer is never negative: its scale runs from 0 (off, blue) to its largest value.
        let relu = try #require(caption.firstRange(of: "layer 1 (relu) from 0 to ")).upperBound
        let largest = caption[relu...].prefix { $0 != " " }
        #expect(caption.contains("layer 1 (relu) from 0 to \(largest) on the scale 0 to \(largest);"))
        #expect(caption.contains("layer 2 (batch norm, tanh) from "))
        #expect(caption.hasSuffix("on the scale 0 to 1. Batch norm uses its running averages and dropout is off, as in evaluation."))
        let plot = try PlotCell(try firstCell("kind: neuron-maps\nshow: none\nresolution: 20", kind: "plot"))
        let recording = RecordingRenderer()
        try plot.kind.draw(plot, in: run.session).figure.draw(with: recording)
        for text in ["a¹₈", "a²₆", "a³", "batch norm", "tanh", "layer 2"] {
            #expect(recording.texts.contains(text), "\(text)")
        }
    }

    @Test func networksItCannotDrawSayWhy() throws {
        expectLessonError("lessons/p.md:9:7: error: a 'neuron-maps' plot draws at most 16 units in a layer, but layer 1 has 17") {
            _ = try PlotLesson(cell("model", "layers: [2, 17, 1]") + cell("plot", "kind: neuron-maps"), data: PlotData.gate(.xor))
        }
        let data = try PlotData.digits()
        expectLessonError("lessons/p.md:10:7: error: a 'neuron-maps' plot draws each unit over the plane of the network's two inputs, but the network takes 784") {
            _ = try PlotLesson(cell("model", "layers: [784, 4, 10]\nactivations: [relu, softmax]") + cell("plot", "kind: neuron-maps"), data: data)
        }
        expectLessonError("lessons/p.md:7:13: error: 'resolution' in plot cell must be between 10 and 200, not 5") {
            _ = try PlotLesson(cell("plot", "kind: neuron-maps\nresolution: 5"), data: PlotData.gate(.xor))
        }
    }
}
