import Datasets
import Engine
import LessonFormat

/// Two interleaved spirals of `turns` turns, `count / 2` points each.
struct SpiralsData: SyntheticDataset {
    static let name = "spirals"
    static let listOrder = 40
    static let keys = ["count", "noise", "turns", "test_count"]

    var count: Int
    var noise: Double
    var turns: Double

    init(name: String, fields: FieldReader) throws(LessonError) {
        turns = try fields.number("turns", default: 1.5, in: 0.1...10)
        count = try sampleCount("count", in: fields, groups: SampleGroups(count: 2, description: "2 spirals"))
        noise = try noiseLevel(in: fields, default: 0)
    }

    var groups: SampleGroups { SampleGroups(count: 2, description: "2 spirals") }
    var title: String { "two interleaved spirals" }
    var classCount: Int? { 2 }
    var featureCount: Int? { 2 }
    func defaultClassNames(classCount: Int) -> [String] { ["spiral 1", "spiral 2"] }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        .spirals(countPerClass: count / 2, noise: noise, turns: turns, shuffle: shuffle, using: &generator)
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { SpiralsData.registryRecord }
