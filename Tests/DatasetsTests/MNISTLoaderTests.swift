import Foundation
import Testing
@testable import Datasets

@Suite struct MNISTLoaderTests {
    @Test func environmentDirectoryComesFirst() throws {
        let project = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let mnist = try MNISTLoader(
            environment: ["MNIST_DIR": TestSupport.sharedMNIST.path], projectDirectory: project,
            mirrors: [], progressOutput: nil
        ).load()
        #expect(mnist.source == .environmentDirectory(TestSupport.sharedMNIST.path))
        #expect(mnist.source.isFullSet)
        #expect(mnist.description == "Full MNIST set (60,000 training and 10,000 test images) read from $MNIST_DIR; checksums verified.")
    }

    @Test func relativeEnvironmentDirectoryIsResolvedAgainstTheProject() throws {
        let project = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let expected = project.appendingPathComponent("mnist").standardizedFileURL.path
        #expect(throws: MNISTError.missingFiles(MNISTFile.allCases.map(\.compressedName), directory: expected)) {
            try MNISTLoader(environment: ["MNIST_DIR": "./mnist"], projectDirectory: project, mirrors: [], progressOutput: nil)
                .load()
        }
    }

    @Test func environmentDirectoryWithoutTheFilesIsAnError() throws {
        let empty = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: MNISTError.missingFiles(MNISTFile.allCases.map(\.compressedName), directory: empty.path)) {
            try MNISTLoader(environment: ["MNIST_DIR": empty.path], mirrors: [], progressOutput: nil).load()
        }
    }

    @Test func projectDataDirectoryComesSecond() throws {
        let project = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let data = project.appendingPathComponent("data/mnist")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for file in MNISTFile.allCases {
            try FileManager.default.createSymbolicLink(
                at: data.appendingPathComponent(file.compressedName),
                withDestinationURL: TestSupport.sharedMNIST.appendingPathComponent(file.compressedName))
        }
        let mnist = try MNISTLoader(environment: [:], projectDirectory: project, mirrors: [], progressOutput: nil).load()
        #expect(mnist.source == .projectDirectory(data.path))
        #expect(mnist.test.count == 10_000)
    }

    @Test func withoutDownloadTheSubsetIsUsed() throws {
        let project = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let mnist = try MNISTLoader(environment: [:], projectDirectory: project, allowsDownload: false, progressOutput: nil).load()
        let data = project.appendingPathComponent("data/mnist").path
        #expect(mnist.source == .bundledSubset(reason: "the full set is not in \(data) and downloading is turned off"))
        #expect(Array(mnist.training.labels.prefix(5)) == [5, 0, 4, 1, 9])
        #expect(mnist.description == """
            This chapter ran on the bundled MNIST subset (5,000 training and 1,000 test images), not the full set, \
            because the full set is not in \(data) and downloading is turned off. To use the full set, put the four \
            files (train-images-idx3-ubyte.gz and its siblings) in data/mnist/ or point MNIST_DIR at them, or run \
            "lessons all --force" once with internet access to download them.
            """)
    }

    @Test func theSubsetIsTheStartOfTheFullSet() throws {
        let subset = try MNISTLoader.bundledSubset(reason: "test")
        let (training, test) = try TestSupport.sharedParts.get().pair
        #expect(subset.training == training.prefix(5_000))
        #expect(subset.test == test.prefix(1_000))
    }

    @Test func theSubsetStaysUnderThreeMegabytes() throws {
        let directory = TestSupport.packageRoot.appendingPathComponent("Sources/Datasets/Resources/mnist-subset")
        let sizes = try FileManager.default.contentsOfDirectory(atPath: directory.path).map { name in
            try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.size] as! Int
        }
        #expect(sizes.reduce(0, +) < 3_000_000)
    }

    @Test func progressBarShowsFractionAndSize() {
        let bar = ProgressBar(label: "x.gz", width: 10)
        #expect(bar.line(received: 2_500_000, expected: 10_000_000) == "\rx.gz [##--------]  25%   2.5 of  10.0 MB")
        #expect(bar.line(received: 1_200_000, expected: -1) == "\rx.gz   1.2 MB")
    }
}
