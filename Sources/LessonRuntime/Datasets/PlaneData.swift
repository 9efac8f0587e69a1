import Datasets
import Engine
import LessonFormat

/// TensorFlow Playground's regression plane: inputs uniform in `[-6, 6]²` and a linear target
/// `y = (x₁ + x₂) / 10 + ε` with `ε ~ N(0, noise²)` (`noise: 0.05`), so `y` runs from about
/// −1.2 to 1.2. A single linear neuron can fit it exactly, up to the noise.
struct PlaneData: SyntheticDataset {
    static let name = "plane"
    static let listOrder = 62
    static let keys = ["count", "noise", "test_count"]

    var count: Int
    var noise: Double

    init(name: String, fields: FieldReader) throws(LessonError) {
        count = try sampleCount("count", in: fields, groups: SampleGroups())
        noise = try noiseLevel(in: fields, default: 0.05)
    }

    var title: String { "a noisy tilted plane" }
    var classCount: Int? { 0 }
    var featureCount: Int? { 2 }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        RegressionSamples.draw(
            name: "plane", count: count, box: [-6...6, -6...6], noise: noise, shuffle: shuffle, using: &generator
        ) { x in (x[0] + x[1]) / 10 }
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { PlaneData.registryRecord }
