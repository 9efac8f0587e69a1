import Engine
import Testing
@testable import Datasets

@Suite struct SyntheticDatasetTests {
    @Test func sameSeedGivesIdenticalData() {
        func make(_ seed: UInt64) -> [Dataset] {
            var generator = SeededGenerator(seed: seed, stream: "data")
            return [
                .circles(count: 50, noise: 0.1, factor: 0.5, using: &generator),
                .blobs(centers: [[0, 0], [3, 3], [0, 3]], countPerCenter: 10, using: &generator),
                .spirals(countPerClass: 20, noise: 0.05, using: &generator),
                .xorQuadrants(countPerQuadrant: 10, using: &generator),
            ]
        }
        #expect(make(7) == make(7))
        #expect(make(7) != make(8))
    }

    @Test func circlesWithoutNoiseLieOnTheirRadii() {
        var generator = SeededGenerator(seed: 1)
        let data = Dataset.circles(count: 101, noise: 0, factor: 0.3, using: &generator)
        #expect(data.count == 101)
        #expect(data.classCounts == [50, 51])
        for row in 0..<data.count {
            let radius = (data.inputs[row, 0] * data.inputs[row, 0] + data.inputs[row, 1] * data.inputs[row, 1]).squareRoot()
            let expected = data.labels[row] == 0 ? 1.0 : 0.3
            #expect(abs(radius - expected) < 1e-12)
        }
    }

    @Test func circlesBecomeSeparableUnderTheSquaresMap() {
        var generator = SeededGenerator(seed: 2)
        let data = Dataset.circles(count: 200, noise: 0, factor: 0.5, using: &generator).mapped(by: .squares)
        #expect(data.featureNames == ["x1²", "x2²"])
        // z₁ + z₂ = r², so the line z₁ + z₂ = 0.5 separates r = 1 from r = 0.5.
        for row in 0..<data.count {
            #expect((data.inputs[row, 0] + data.inputs[row, 1] < 0.5) == (data.labels[row] == 1))
        }
    }

    @Test func blobsGatherAroundTheirCenters() {
        var generator = SeededGenerator(seed: 3)
        let data = Dataset.blobs(centers: [[-5, 0], [5, 0], [0, 8]], countPerCenter: 200, standardDeviation: 0.5, using: &generator)
        #expect(data.classCounts == [200, 200, 200])
        #expect(data.targets.shape == (600, 3))
        for row in 0..<data.count {
            let center: [Double] = [[-5, 0], [5, 0], [0, 8]][data.labels[row]]
            #expect(abs(data.inputs[row, 0] - center[0]) < 3 && abs(data.inputs[row, 1] - center[1]) < 3)
        }
    }

    @Test func xorQuadrantsLabelDifferentSigns() {
        var generator = SeededGenerator(seed: 4)
        let data = Dataset.xorQuadrants(countPerQuadrant: 50, standardDeviation: 0.1, using: &generator)
        #expect(data.count == 200)
        for row in 0..<data.count {
            #expect(((data.inputs[row, 0] > 0) != (data.inputs[row, 1] > 0)) == (data.labels[row] == 1))
        }
    }

    @Test func spiralsAreTwoHalfTurnsApart() {
        var generator = SeededGenerator(seed: 5)
        let data = Dataset.spirals(countPerClass: 10, noise: 0, shuffle: false, using: &generator)
        #expect(data.classCounts == [10, 10])
        // Without shuffling, point i of class 1 is point i of class 0 turned by π.
        for i in 0..<10 {
            #expect(abs(data.inputs[i, 0] + data.inputs[i + 10, 0]) < 1e-12)
            #expect(abs(data.inputs[i, 1] + data.inputs[i + 10, 1]) < 1e-12)
        }
    }
}
