import Datasets
import Engine
import LessonFormat

/// Gaussian blobs, one class per center, `count / centers` points each.
struct BlobsData: SyntheticDataset {
    static let name = "blobs"
    static let listOrder = 30
    static let keys = ["count", "centers", "noise", "test_count"]

    var count: Int
    var centers: [[Double]]
    var noise: Double

    init(name: String, fields: FieldReader) throws(LessonError) {
        centers = [[-1.0, -1.0], [1.0, 1.0]]
        if fields.contains("centers") {
            centers = try fields.matrix("centers")
            guard (2...100).contains(centers.count), !centers[0].isEmpty else {
                throw LessonError(
                    .invalidValue(key: "centers", in: "data cell", message: "should list 2 to 100 centers like [[-1, -1], [1, 1]], one per class"),
                    at: try fields.required("centers").position)
            }
        }
        count = try sampleCount("count", in: fields, groups: SampleGroups(count: centers.count, description: "\(centers.count) blobs"))
        noise = try noiseLevel(in: fields, default: 0.5)
    }

    var groups: SampleGroups { SampleGroups(count: centers.count, description: "\(centers.count) blobs") }
    var title: String { "\(Self.numberWord(centers.count)) Gaussian blobs" }
    var classCount: Int? { centers.count }
    var featureCount: Int? { centers[0].count }
    func defaultClassNames(classCount: Int) -> [String] { (1...centers.count).map { "blob \($0)" } }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        .blobs(
            centers: centers, countPerCenter: count / centers.count, standardDeviation: noise, shuffle: shuffle,
            using: &generator)
    }

    private static func numberWord(_ number: Int) -> String {
        let words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return (2...10).contains(number) ? words[number - 2] : String(number)
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { BlobsData.registryRecord }
