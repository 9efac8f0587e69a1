import Foundation
import Testing
@testable import Datasets

/// Every way an MNIST file can be damaged, each with its exact message.
@Suite struct MNISTCorruptionTests {
    /// A directory of MNIST files with `replacements` written in place of some.
    ///
    /// The test files are the shared ones; the training files are a valid two-image set, so
    /// that each case reads a few megabytes and not the 47 MB of training images.
    private func directory(replacing replacements: [String: [UInt8]]) throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        let small = MNISTSet(pixels: Array(repeating: 0, count: 2 * 784), labels: [3, 8])
        try TestSupport.writeGzip(small.idxImages, to: directory, name: "train-images-idx3-ubyte.gz")
        try TestSupport.writeGzip(small.idxLabels, to: directory, name: "train-labels-idx1-ubyte.gz")
        for file in [MNISTFile.testImages, .testLabels] {
            try FileManager.default.createSymbolicLink(
                at: directory.appendingPathComponent(file.compressedName),
                withDestinationURL: TestSupport.sharedMNIST.appendingPathComponent(file.compressedName))
        }
        for (name, bytes) in replacements {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            try Data(bytes).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    private func message(reading directory: URL) -> String? {
        defer { try? FileManager.default.removeItem(at: directory) }
        let testSums = MNISTFile.publishedSums.filter { $0.key.hasPrefix("t10k") }
        do {
            _ = try MNISTDirectory(url: directory, checksums: testSums).read()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theSmallTrainingSetAloneReadsCleanly() throws {
        #expect(message(reading: try directory(replacing: [:])) == nil)
    }

    private func message(_ body: () throws -> Void) -> String? {
        mnistMessage(body)
    }

    private var testLabels: [UInt8] { get throws { try TestSupport.sharedContent(.testLabels) } }

    // MARK: - Through the files on disk

    @Test func truncatedLabelFile() throws {
        let cut = Array(try testLabels.prefix(8 + 9871))
        let directory = try directory(replacing: ["t10k-labels-idx1-ubyte.gz": Gzip.compress(cut, level: 1)])
        #expect(message(reading: directory) == "t10k-labels-idx1-ubyte.gz: truncated: header says 10000 labels, file holds 9871")
    }

    @Test func wrongChecksumNamesTheFile() throws {
        var labels = try testLabels
        labels[108] = (labels[108] + 1) % 10
        let directory = try directory(replacing: ["t10k-labels-idx1-ubyte.gz": Gzip.compress(labels, level: 1)])
        #expect(message(reading: directory) == """
            t10k-labels-idx1-ubyte.gz: checksum mismatch: SHA-256 of the decompressed data is \
            9912fb3b1ab2556ed9a9d68383f836adff917891a7782db07f5988a1866261d2, \
            expected ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
            """)
    }

    @Test func fileThatIsNotGzip() throws {
        let directory = try directory(replacing: ["train-labels-idx1-ubyte.gz": Array("<html>Not Found</html>".utf8)])
        #expect(message(reading: directory) == """
            train-labels-idx1-ubyte.gz: not a valid gzip stream: it does not start with the gzip signature 1f 8b
            """)
    }

    @Test func cutGzipStream() throws {
        let compressed = Gzip.compress(try testLabels, level: 1)
        let directory = try directory(replacing: ["t10k-labels-idx1-ubyte.gz": Array(compressed.prefix(compressed.count / 2))])
        #expect(message(reading: directory) == "t10k-labels-idx1-ubyte.gz: not a valid gzip stream: the stream ends early")
    }

    @Test func gzipWithABadCRC() throws {
        var compressed = Gzip.compress(try testLabels, level: 1)
        compressed[compressed.count - 8] ^= 0xFF
        let directory = try directory(replacing: ["t10k-labels-idx1-ubyte.gz": compressed])
        #expect(message(reading: directory) == "t10k-labels-idx1-ubyte.gz: not a valid gzip stream: incorrect data check")
    }

    @Test func missingFilesAreListed() throws {
        let directory = try TestSupport.temporaryDirectory()
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("train-images-idx3-ubyte"),
            withDestinationURL: TestSupport.sharedMNIST.appendingPathComponent("train-images-idx3-ubyte.gz"))
        #expect(message(reading: directory) == """
            \(directory.path): missing train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz
            """)
    }

    // MARK: - The IDX structure

    @Test func truncatedImageFile() throws {
        let images = Array(try TestSupport.sharedContent(.testImages).prefix(16 + 784 * 9871 + 100))
        #expect(message { _ = try IDXReader.images(images, file: "t10k-images-idx3-ubyte.gz") }
            == "t10k-images-idx3-ubyte.gz: truncated: header says 10000 images, file holds 9871")
    }

    @Test func labelFileWithTheImageMagic() {
        let bytes = TestSupport.header([2051, 1]) + [3]
        #expect(message { _ = try IDXReader.labels(bytes, file: "train-labels-idx1-ubyte.gz") }
            == "train-labels-idx1-ubyte.gz: wrong magic number 2051, expected 2049 (IDX labels)")
    }

    @Test func imageFileWithTheLabelMagic() {
        let bytes = TestSupport.header([2049, 1]) + [3]
        #expect(message { _ = try IDXReader.images(bytes, file: "train-images-idx3-ubyte.gz") }
            == "train-images-idx3-ubyte.gz: wrong magic number 2049, expected 2051 (IDX images)")
    }

    @Test func wrongDimensions() {
        let bytes = TestSupport.header([2051, 1, 28, 27]) + Array(repeating: 0, count: 28 * 27)
        #expect(message { _ = try IDXReader.images(bytes, file: "t10k-images-idx3-ubyte.gz") }
            == "t10k-images-idx3-ubyte.gz: images are 28×27 pixels, expected 28×28")
    }

    @Test func headerCutShort() {
        let bytes = Array(TestSupport.header([2049, 1]).prefix(6))
        #expect(message { _ = try IDXReader.labels(bytes, file: "t10k-labels-idx1-ubyte.gz") }
            == "t10k-labels-idx1-ubyte.gz: truncated: the header needs 8 bytes, file holds 6")
    }

    @Test func bytesAfterTheLastLabel() throws {
        let bytes = try testLabels + [0, 0, 0]
        #expect(message { _ = try IDXReader.labels(bytes, file: "t10k-labels-idx1-ubyte.gz") }
            == "t10k-labels-idx1-ubyte.gz: 3 unexpected bytes after the 10000 labels the header announces")
    }

    @Test func labelThatIsNotADigit() {
        let bytes = TestSupport.header([2049, 4]) + [1, 2, 3, 12]
        #expect(message { _ = try IDXReader.labels(bytes, file: "t10k-labels-idx1-ubyte.gz") }
            == "t10k-labels-idx1-ubyte.gz: label 12 at index 3 is not a digit 0–9")
    }

    @Test func imageAndLabelCountsDisagree() throws {
        let images = TestSupport.header([2051, 2, 28, 28]) + Array(repeating: 0, count: 2 * 784)
        let labels = TestSupport.header([2049, 1]) + [7]
        #expect(message {
            _ = try MNISTDirectory.part(
                images: images, imagesFile: "t10k-images-idx3-ubyte.gz",
                labels: labels, labelsFile: "t10k-labels-idx1-ubyte.gz")
        } == "t10k-images-idx3-ubyte.gz holds 2 images but t10k-labels-idx1-ubyte.gz holds 1 labels")
    }
}
