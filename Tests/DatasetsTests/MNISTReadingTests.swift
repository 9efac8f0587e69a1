import Engine
import Foundation
import Testing
@testable import Datasets

@Suite struct MNISTReadingTests {
    @Test func theSharedSetHasTheKnownCountsLabelsAndSums() throws {
        let (training, test) = try TestSupport.sharedParts.get().pair
        #expect(training.count == 60_000)
        #expect(test.count == 10_000)
        #expect(Array(training.labels.prefix(5)) == [5, 0, 4, 1, 9])
        #expect(Array(test.labels.prefix(5)) == [7, 2, 1, 0, 4])
        #expect(training.classCounts == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        #expect(test.classCounts == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    }

    @Test func pixelsAreScaledToTheUnitInterval() throws {
        let test = try TestSupport.sharedParts.get().test
        let batch = test.inputs(0..<100)
        #expect(batch.shape == (100, 784))
        #expect(batch.values.min() == 0)
        #expect(batch.values.max() == 1)
        let image = test.image(at: 0)
        #expect(image.count == 28 && image.allSatisfy { $0.count == 28 })
        #expect(image[14] == Array(batch.values[(14 * 28)..<(15 * 28)]))
        #expect(image[0].allSatisfy { $0 == 0 })
    }

    @Test func datasetHasOneHotTargets() throws {
        let test = try TestSupport.sharedParts.get().test
        let data = test.dataset(name: "mnist", indices: [0, 1])
        #expect(data.labels == [7, 2])
        #expect(data.targets.row(0) == Matrix(row: [0, 0, 0, 0, 0, 0, 0, 1, 0, 0]))
        #expect(data.featureCount == 784)
    }

    @Test func theProjectCopyOfTheSumsMatchesTheSharedFile() throws {
        let text = try String(contentsOf: TestSupport.sharedMNIST.appendingPathComponent("SHA256SUMS.decompressed"), encoding: .utf8)
        var sums = [String: String]()
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            sums[String(fields[1])] = String(fields[0])
        }
        #expect(sums == MNISTFile.publishedSums)
    }

    @Test func uncompressedFilesAreReadToo() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in MNISTFile.allCases where file == .testImages || file == .testLabels {
            try Data(TestSupport.sharedContent(file)).write(to: directory.appendingPathComponent(file.rawValue))
        }
        let test = try MNISTDirectory.part(
            images: MNISTDirectory.decompressedContent(of: directory.appendingPathComponent("t10k-images-idx3-ubyte")),
            imagesFile: "t10k-images-idx3-ubyte",
            labels: MNISTDirectory.decompressedContent(of: directory.appendingPathComponent("t10k-labels-idx1-ubyte")),
            labelsFile: "t10k-labels-idx1-ubyte")
        #expect(test.count == 10_000)
    }
}
