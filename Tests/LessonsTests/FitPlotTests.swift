import Datasets
import Engine
import Foundation
import Plotting
import Report
import Testing
@testable import LessonFormat
@testable import LessonRuntime

/// The `fit` plot: regression data with the network's curve (one input) or its output as a
/// heatmap (two), checked at known pixels.
@Suite struct FitPlotTests {
    /// Draws a `fit` plot with `keys` in `session`.
    private func draw(_ keys: String = "", in session: Session) throws -> PlotOutput {
        let plot = try PlotCell(try firstCell("kind: fit" + (keys.isEmpty ? "" : "\n" + keys), kind: "plot"))
        return try plot.kind.draw(plot, in: session)
    }

    /// A noiseless sine under a line a = x / 2 through the origin.
    private func sineUnderALine() throws -> Session {
        try runLesson(
            cell("data", "dataset: sine\ncount: 30\nnoise: 0\nvalidation: 0.2"),
            cell("model", "layers: [1, 1]\nactivation: linear\ninit: explicit\nW1: [[0.5]]\nb1: 0"))
    }

    @Test func oneInputDrawsThePointsAndTheNetworksCurve() throws {
        let session = try sineUnderALine()
        let output = try draw("show: [training, validation]", in: session)
        let data = try #require(session.data)
        let axes = output.figure.axes[0]
        for appearance in [Appearance.light, .dark] {
            let bitmap = try output.figure.bitmap(appearance: appearance)
            // The curve a = x/2 passes through (2, 1) and (−2, −1), drawn in ink.
            for (x, y) in [(2.0, 1.0), (-2.0, -1.0)] {
                let pixel = bitmap.color(at: try #require(axes.figurePoint(x: x, y: y)))
                #expect(pixel == appearance.color(Palette.ink).rgba8, "\(appearance.scheme) curve at x = \(x): \(pixel)")
            }
            // Each training point far from the curve and from other points is a blue marker; each
            // validation point vermillion.
            let sets = [(data.training, Palette.color(0)), (data.validation!, Palette.color(1))]
            let centres = try sets.flatMap { samples, _ in
                try (0..<samples.count).map { try #require(axes.figurePoint(x: samples.inputs[$0, 0], y: samples.targets[$0, 0])) }
            }
            var checked = 0
            for (samples, color) in sets {
                for row in 0..<samples.count {
                    let (x, y) = (samples.inputs[row, 0], samples.targets[row, 0])
                    let centre = try #require(axes.figurePoint(x: x, y: y))
                    let alone = centres.filter { abs($0.x - centre.x) < 9 && abs($0.y - centre.y) < 9 }.count == 1
                    guard abs(y - x / 2) > 0.3, alone else { continue }
                    let pixel = bitmap.color(at: centre)
                    #expect(pixel == appearance.color(color).rgba8, "\(appearance.scheme) point at x = \(x): \(pixel)")
                    checked += 1
                }
            }
            #expect(checked >= 3, "only \(checked) points stand alone")
        }
        // The caption's numbers are the network's on each set: MSE = mean of (sin x − x/2)².
        let network = try #require(session.network)
        func mse(_ samples: Dataset) -> Double {
            RegressionMetrics.meanSquaredError(output: network.predict(samples.inputs), target: samples.targets)
        }
        let expected = "The 24 training samples and 6 validation samples of a noisy sine and the curve of the 1-1 network before training; "
            + "training MSE \(session.format(mse(data.training)))"
        #expect(output.caption.hasPrefix(expected), "\(output.caption)")
        let byHand = (0..<24).map { pow(sin(data.training.inputs[$0, 0]) - data.training.inputs[$0, 0] / 2, 2) }.reduce(0, +) / 24
        #expect(abs(mse(data.training) - byHand) < 1e-12)
    }

    @Test func twoInputsDrawTheOutputAsAHeatmapAndThePointsInTheirTargetsColours() throws {
        // A network that answers 0.3 everywhere: the heatmap is one colour, and each point shows its own.
        let session = try runLesson(
            cell("data", "dataset: plane\ncount: 40\nnoise: 0"),
            cell("model", "layers: [2, 1]\nactivation: linear\ninit: explicit\nW1: [[0], [0]]\nb1: 0.3"))
        let output = try draw("resolution: 40", in: session)
        let samples = try #require(session.data).training
        let targets = samples.targets.values
        let range = targets.min()!...targets.max()!
        let axes = output.figure.axes[0]
        for appearance in [Appearance.light, .dark] {
            // Viridis reads on both pages, so the heatmap and the points keep their colours.
            let bitmap = try output.figure.bitmap(appearance: appearance)
            let background = Colormap.viridis.color(for: 0.3, in: range).rgba8
            let limits = PlotSupport.limits(around: [samples.inputs])
            let corner = bitmap.color(at: try #require(axes.figurePoint(x: limits.x.lowerBound + 0.05, y: limits.y.upperBound - 0.05)))
            #expect(corner == background, "\(appearance.scheme) corner \(corner), expected \(background)")
            for row in 0..<samples.count where abs(targets[row] - 0.3) > 0.3 {
                let point = try #require(axes.figurePoint(x: samples.inputs[row, 0], y: samples.inputs[row, 1]))
                let expected = Colormap.viridis.color(for: targets[row], in: range).rgba8
                #expect(bitmap.color(at: point) == expected, "\(appearance.scheme) point \(row)")
            }
        }
        #expect(output.caption.hasPrefix("The 40 training samples of a noisy tilted plane on the output of the 2-1 network before training, drawn as a heatmap on the same colour scale; training MSE "))
    }

    @Test func aPerfectFitHasNoErrorAndRSquaredOne() throws {
        let session = try runLesson(
            cell("data", "dataset: plane\ncount: 40\nnoise: 0"),
            cell("model", "layers: [2, 1]\nactivation: linear\ninit: explicit\nW1: [[0.1], [0.1]]\nb1: 0"))
        let caption = try draw("resolution: 20", in: session).caption
        // The output is (x₁ + x₂)/10 up to rounding: an MSE of order 10⁻³³ and an R² of 1 to the digits shown.
        #expect(caption.hasSuffix("($R^2$ 1)."), "\(caption)")
        #expect(caption.contains("; training MSE ") && caption.contains("×10⁻³"), "\(caption)")
    }

    @Test func withoutAModelOnlyThePointsAreDrawn() throws {
        let session = try runLesson(cell("data", "dataset: sine\ncount: 10"))
        let output = try draw(in: session)
        #expect(output.caption == "The 10 training samples of a noisy sine.")
        let recording = RecordingRenderer()
        output.figure.draw(with: recording)
        #expect(recording.texts.contains("training samples") && !recording.texts.contains { $0.hasPrefix("network") })
    }

    @Test func dataWithClassesAndMissingSamplesAreRefused() {
        expectLessonError("lessons/x.md:5:7: error: a 'fit' plot draws real values to predict, but two concentric circles has classes; plot 'data' or 'decision-boundary' instead") {
            _ = try draw(in: try runLesson(cell("data", "dataset: circles")))
        }
        expectLessonError("lessons/x.md:6:7: error: 'show: validation' needs validation samples: give the data cell a 'validation' fraction") {
            _ = try draw("show: [training, validation]", in: try runLesson(cell("data", "dataset: sine")))
        }
        expectLessonError("lessons/x.md:6:18: error: 'show' in plot cell items must be 'training', 'validation' or 'test', not the text 'tests' (did you mean 'test'?)") {
            _ = try draw("show: [training, tests]", in: try runLesson(cell("data", "dataset: sine")))
        }
        expectLessonError("lessons/x.md:5:7: error: a 'fit' plot needs a network that takes the data's 2 inputs and gives one output, but the network is 1-1") {
            _ = try draw(in: try runLesson(cell("data", "dataset: sine"), cell("model", "layers: [1, 1]\nactivation: linear"), cell("data", "dataset: plane")))
        }
    }

    @Test func theSameSeedDrawsTheSameFigure() throws {
        let lesson = [cell("data", "dataset: gaussian-bump\ncount: 60"), cell("model", "layers: [2, 4, 1]\nactivations: [tanh, linear]")]
        let first = try draw("resolution: 30", in: try runLesson(lesson[0], lesson[1]))
        let second = try draw("resolution: 30", in: try runLesson(lesson[0], lesson[1]))
        #expect(try first.figure.bitmap().pixels == second.figure.bitmap().pixels)
        #expect(first.caption == second.caption)
    }
}
