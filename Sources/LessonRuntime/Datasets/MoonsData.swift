import Datasets
import Engine
import Foundation
import LessonFormat

/// Two interleaving half circles, like scikit-learn's `make_moons(n_samples, noise)`: the
/// upper moon (class `upper`) at `(cos θ, sin θ)` and the lower one (`lower`) at
/// `(1 − cos θ, ½ − sin θ)`, each for `θ` evenly spaced over `[0, π]`, then Gaussian noise of
/// standard deviation `noise` on every coordinate. The upper moon gets `count / 2` points
/// (rounded down), the lower the rest. No line separates them; one hidden layer does.
struct MoonsData: SyntheticDataset {
    static let name = "moons"
    static let listOrder = 45
    static let keys = ["count", "noise", "test_count"]

    var count: Int
    var noise: Double

    init(name: String, fields: FieldReader) throws(LessonError) {
        count = try sampleCount("count", in: fields, groups: Self.sampleGroups)
        noise = try noiseLevel(in: fields, default: 0.1)
    }

    static let sampleGroups = SampleGroups(minimum: 2, reason: "a point on each moon")
    var groups: SampleGroups { Self.sampleGroups }
    var title: String { "two interleaving half circles" }
    var classCount: Int? { 2 }
    var featureCount: Int? { 2 }
    func defaultClassNames(classCount: Int) -> [String] { ["upper", "lower"] }

    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset {
        let upperCount = count / 2
        var values = [Double]()
        var labels = [Int]()
        for (pointCount, label) in [(upperCount, 0), (count - upperCount, 1)] {
            for k in 0..<pointCount {
                let angle = pointCount == 1 ? 0 : Double.pi * Double(k) / Double(pointCount - 1)
                values += label == 0 ? [cos(angle), sin(angle)] : [1 - cos(angle), 0.5 - sin(angle)]
                labels.append(label)
            }
        }
        if noise > 0 {
            for index in values.indices { values[index] += generator.nextNormal(mean: 0, standardDeviation: noise) }
        }
        let moons = Dataset(
            name: "moons", inputs: Matrix(rows: count, columns: 2, values: values), labels: labels, classCount: 2)
        return shuffle ? moons.shuffled(using: &generator) : moons
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { MoonsData.registryRecord }
