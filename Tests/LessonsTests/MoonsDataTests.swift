import Datasets
import Engine
import Testing

@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// `dataset: moons`: two interleaving half circles, checked against points worked out by hand.
@Suite struct MoonsDataTests {
    /// Without noise or shuffling, six points: θ = 0, π/2, π on each moon.
    /// ```
    /// upper (cos θ, sin θ):         (1, 0)    (0, 1)     (−1, 0)
    /// lower (1 − cos θ, ½ − sin θ): (0, 0.5)  (1, −0.5)  (2, 0.5)
    /// ```
    @Test func sixPointsWithoutNoiseLieWhereTheFormulasPutThem() throws {
        let data = try #require(try runLesson(cell("data", "dataset: moons\ncount: 6\nnoise: 0\nshuffle: false")).data)
        let expected: [[Double]] = [[1, 0], [0, 1], [-1, 0], [0, 0.5], [1, -0.5], [2, 0.5]]
        for (row, point) in expected.enumerated() {
            #expect(abs(data.training.inputs[row, 0] - point[0]) < 1e-12 && abs(data.training.inputs[row, 1] - point[1]) < 1e-12,
                    "point \(row): \(data.training.inputs[row, 0]), \(data.training.inputs[row, 1]) is not \(point)")
        }
        #expect(data.training.labels == [0, 0, 0, 1, 1, 1])
        #expect(data.classNames == ["upper", "lower"])
        #expect(data.title == "two interleaving half circles")
    }

    /// The keys and defaults of the documentation: `count: 200`, `noise: 0.1`, shuffled, and a
    /// test set drawn from its own stream that leaves the training samples alone.
    @Test func countNoiseAndTestCount() throws {
        let plain = try #require(try runLesson(cell("data", "dataset: moons")).data)
        #expect(plain.training.count == 200 && plain.training.classCounts == [100, 100])
        #expect(plain.training.labels != plain.training.labels.sorted())
        let withTest = try #require(try runLesson(cell("data", "dataset: moons\ntest_count: 50")).data)
        #expect(withTest.training == plain.training)
        #expect(withTest.test?.count == 50 && withTest.test?.classCounts == [25, 25])
        // Noise 0.1 around the curves: every point within 0.6 of the moons' box.
        let xs = (0..<200).map { plain.training.inputs[$0, 0] }, ys = (0..<200).map { plain.training.inputs[$0, 1] }
        #expect(xs.min()! > -1.6 && xs.max()! < 2.6 && ys.min()! > -1.1 && ys.max()! < 1.6)
        let noisy = try #require(try runLesson(cell("data", "dataset: moons\nnoise: 0.3")).data)
        #expect(noisy.training != plain.training)
    }

    @Test func mistakesArePositioned() {
        expectLessonError("lessons/x.md:7:8: error: 'count' in data cell must be at least 2, a point on each moon, not 1") {
            _ = try runLesson(cell("data", "dataset: moons\ncount: 1"))
        }
        expectLessonError("lessons/x.md:7:9: error: 'factor' in data cell does not apply to 'moons', which reads 'count', 'noise', 'test_count'") {
            _ = try runLesson(cell("data", "dataset: moons\nfactor: 0.3"))
        }
    }
}
