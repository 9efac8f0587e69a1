import Engine
import Testing
@testable import Datasets

@Suite struct DatasetOperationTests {
    @Test func oneHotPlacesASingleOnePerRow() {
        #expect(Dataset.oneHot([2, 0, 1], classCount: 3) == Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]]))
    }

    @Test func keepingSamplesInPlaceIsTheSubset() {
        var generator = SeededGenerator(seed: 10)
        let data = Dataset.blobs(centers: [[0, 0], [4, 4], [0, 4]], countPerCenter: 20, using: &generator)
        let kept = [1, 5, 6, 30, 59]
        var inPlace = data
        inPlace.keepSamples(kept)
        #expect(inPlace == data.subset(kept))
        #expect(inPlace.labels == kept.map { data.labels[$0] })
    }

    @Test func splitCoversEverySampleOnce() {
        var generator = SeededGenerator(seed: 9)
        let data = Dataset.blobs(centers: [[0, 0], [4, 4]], countPerCenter: 50, using: &generator)
        let split = data.split(trainFraction: 0.6, validationFraction: 0.2, using: &generator)
        #expect(split.train.count == 60)
        #expect(split.validation.count == 20)
        #expect(split.test.count == 20)
        let all = Matrix.verticalConcatenation([split.train.inputs, split.validation.inputs, split.test.inputs])
        #expect(all.rowArrays.sorted { $0.lexicographicallyPrecedes($1) } == data.inputs.rowArrays.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(split.test.name == "blobs (test)")
    }

    @Test func splitAndShuffleAreDeterministic() {
        let data = LogicGate.xor.dataset()
        var first = SeededGenerator(seed: 11)
        var second = SeededGenerator(seed: 11)
        #expect(data.shuffled(using: &first) == data.shuffled(using: &second))
        #expect(data.split(trainFraction: 0.5, using: &first) == data.split(trainFraction: 0.5, using: &second))
    }

    @Test func shuffleKeepsRowsWithTheirLabels() {
        var generator = SeededGenerator(seed: 12)
        let data = LogicGate.and.dataset().shuffled(using: &generator)
        for row in 0..<4 {
            #expect((data.inputs[row, 0] == 1 && data.inputs[row, 1] == 1) == (data.labels[row] == 1))
            #expect(data.targets[row, 0] == Double(data.labels[row]))
        }
    }

    @Test func binaryTargetsCanBeBipolar() {
        let data = LogicGate.xor.dataset().withBinaryTargets(negative: -1, positive: 1)
        #expect(data.targets == Matrix(column: [-1, 1, 1, -1]))
        #expect(data.inputs == LogicGate.xor.dataset().inputs)
    }

    @Test func batchesCutInOrder() {
        let batches = LogicGate.or.dataset().batches(ofSize: 3)
        #expect(batches.map(\.count) == [3, 1])
        #expect(batches[1].inputs == Matrix([[1, 1]]))
    }

    @Test func gridSpansTheBoxRowByRow() {
        let grid = Grid(over: BoundingBox(minX: 0, maxX: 2, minY: -1, maxY: 1), columnCount: 3, rowCount: 2)
        #expect(grid.xs == [0, 1, 2])
        #expect(grid.ys == [-1, 1])
        #expect(grid.points == Matrix([[0, -1], [1, -1], [2, -1], [0, 1], [1, 1], [2, 1]]))
        #expect(grid.reshape([1, 2, 3, 4, 5, 6]) == [[1, 2, 3], [4, 5, 6]])
    }

    @Test func boundingBoxPadsAroundThePoints() {
        let box = BoundingBox(around: Matrix([[0, 0], [10, 20]]), padding: 0.1)
        #expect(box == BoundingBox(minX: -1, maxX: 11, minY: -2, maxY: 22))
    }

    @Test func featureMapSquaresEachInput() {
        #expect(FeatureMap.squares.apply(to: Matrix([[2, -3]])) == Matrix([[4, 9]]))
        #expect(FeatureMap.withSquaredRadius.apply(to: Matrix([[2, -3]])) == Matrix([[2, -3, 13]]))
    }
}

@Suite struct DatasetDescriptionTests {
    @Test func summaryNamesSizeAndClasses() {
        #expect(LogicGate.xor.dataset().description == "xor: 4 samples × 2 features, 2 classes (2, 2)")
    }
}
