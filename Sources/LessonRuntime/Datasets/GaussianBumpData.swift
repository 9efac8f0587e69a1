import Datasets
import Engine
import Foundation
import LessonFormat

/// A Gaussian bump in the plane (after TensorFlow Playground's Gaussian regression set):
/// inputs uniform in `[-3, 3]²` and `y = exp(−(x₁² + x₂²) / 2) + ε` with `ε ~ N(0, noise²)`
/// (`noise: 0.05`): 1 at the centre, falling to about 0 at the edges. No plane fits it; a
/// hidden layer can.
struct GaussianBumpData: SyntheticDataset {
    static let name = "gaussian-bump"
    static let listOrder = 64
    static let keys = ["count", "noise", "test_count"]

    var count: Int
    var noise: Double

    init(name: String, fields: FieldReader) throws(LessonError) {
        count = try sampleCount("count", in: fields, groups: SampleGroups())
        noise = try noiseLevel(in: fields, default: 0.05)
    }

    var title: String { "a noisy Gaussian bump" }
    var classCount: Int? { 0 }
    var featureCount: Int? { 2 }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        RegressionSamples.draw(
            name: "gaussian-bump", count: count, box: [-3...3, -3...3], noise: noise, shuffle: shuffle, using: &generator
        ) { x in exp(-(x[0] * x[0] + x[1] * x[1]) / 2) }
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { GaussianBumpData.registryRecord }
