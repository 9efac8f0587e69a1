import Datasets
import Engine
import LessonFormat

/// A synthetic regression set over a fixed box of the plane, `y = f(x₁, x₂) + ε` with
/// `ε ~ N(0, noise²)`: a kind states its box, its function, its default noise and its title,
/// and shares the keys (`count`, `noise`, `test_count`), their reading and the drawing
/// (`RegressionSamples`).
protocol RegressionSurface: SyntheticDataset {
    /// The box the inputs are drawn from, one interval per input.
    static var box: [ClosedRange<Double>] { get }
    /// The noise's standard deviation unless the lesson gives `noise`.
    static var defaultNoise: Double { get }
    /// The target before noise.
    static func target(_ x: [Double]) -> Double

    /// The number of samples.
    var count: Int { get }
    /// The noise's standard deviation.
    var noise: Double { get }
    /// A surface with `count` samples and `noise`.
    init(count: Int, noise: Double)
}

extension RegressionSurface {
    static var keys: [String] { ["count", "noise", "test_count"] }

    init(name: String, fields: FieldReader) throws(LessonError) {
        self.init(
            count: try sampleCount("count", in: fields, groups: SampleGroups()),
            noise: try noiseLevel(in: fields, default: Self.defaultNoise))
    }

    var classCount: Int? { 0 }
    var featureCount: Int? { Self.box.count }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        RegressionSamples.draw(
            name: Self.name, count: count, box: Self.box, noise: noise, shuffle: shuffle, using: &generator,
            function: Self.target)
    }
}
