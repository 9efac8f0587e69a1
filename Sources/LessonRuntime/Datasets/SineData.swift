import Datasets
import Engine
import Foundation
import LessonFormat

/// A noisy sine for regression: `x` uniform over `range` (`[-3, 3]` by default) and
/// `y = sin(x) + ε` with `ε ~ N(0, noise²)` (`noise: 0.1`). One input, one real target.
struct SineData: SyntheticDataset {
    static let name = "sine"
    static let listOrder = 60
    static let keys = ["count", "noise", "range", "test_count"]

    var count: Int
    var noise: Double
    var range: ClosedRange<Double>

    init(name: String, fields: FieldReader) throws(LessonError) {
        count = try sampleCount("count", in: fields, groups: SampleGroups())
        noise = try noiseLevel(in: fields, default: 0.1)
        let interval = fields.contains("range") ? try fields.matrix("range") : [[-3, 3]]
        guard interval.count == 1, interval[0].count == 2, interval[0][0] < interval[0][1],
            interval[0].allSatisfy({ abs($0) <= 1e6 })
        else {
            throw LessonError(
                .invalidValue(key: "range", in: "data cell", message: "should be [low, high] with low < high, within ±1,000,000"),
                at: try fields.required("range").position)
        }
        range = interval[0][0]...interval[0][1]
    }

    var title: String { "a noisy sine" }
    var classCount: Int? { 0 }
    var featureCount: Int? { 1 }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        var sine = RegressionSamples.draw(
            name: "sine", count: count, box: [range], noise: noise, shuffle: shuffle, using: &generator
        ) { x in sin(x[0]) }
        sine.featureNames = ["x"]
        return sine
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { SineData.registryRecord }
