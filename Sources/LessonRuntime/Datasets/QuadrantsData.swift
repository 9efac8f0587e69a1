import Datasets
import Engine
import LessonFormat

/// XOR-style Gaussian quadrants around (±1, ±1), class 1 where the signs differ.
struct QuadrantsData: SyntheticDataset {
    static let name = "quadrants"
    static let listOrder = 50
    static let keys = ["count", "noise", "test_count"]

    var count: Int
    var noise: Double

    init(name: String, fields: FieldReader) throws(LessonError) {
        count = try sampleCount("count", in: fields, groups: SampleGroups(count: 4, description: "4 quadrants"))
        noise = try noiseLevel(in: fields, default: 0.4)
    }

    var groups: SampleGroups { SampleGroups(count: 4, description: "4 quadrants") }
    var title: String { "the XOR quadrants" }
    var classCount: Int? { 2 }
    var featureCount: Int? { 2 }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        .xorQuadrants(countPerQuadrant: count / 4, standardDeviation: noise, shuffle: shuffle, using: &generator)
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { QuadrantsData.registryRecord }
