import Datasets
import Engine
import LessonFormat

/// Two concentric circles: the outer of radius 1 (class `outer`), the inner of radius
/// `factor` (`inner`), with Gaussian noise.
struct CirclesData: SyntheticDataset {
    static let name = "circles"
    static let listOrder = 20
    static let keys = ["count", "noise", "factor", "test_count"]

    var count: Int
    var noise: Double
    var factor: Double

    init(name: String, fields: FieldReader) throws(LessonError) {
        factor = try fields.number("factor", default: 0.5, in: 0...1)
        if factor >= 1 {
            let value = try fields.required("factor")
            throw LessonError(
                .invalidValue(key: "factor", in: "data cell", message: "is the inner circle's radius, which must be below the outer's, 1; not \(value.text ?? "")"),
                at: value.position)
        }
        count = try sampleCount("count", in: fields, groups: Self.sampleGroups)
        noise = try noiseLevel(in: fields, default: 0.1)
    }

    static let sampleGroups = SampleGroups(minimum: 2, reason: "a point on each circle")
    var groups: SampleGroups { Self.sampleGroups }
    var title: String { "two concentric circles" }
    var classCount: Int? { 2 }
    var featureCount: Int? { 2 }
    func defaultClassNames(classCount: Int) -> [String] { ["outer", "inner"] }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        .circles(count: count, noise: noise, factor: factor, shuffle: shuffle, using: &generator)
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { CirclesData.registryRecord }
