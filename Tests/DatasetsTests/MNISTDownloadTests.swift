import Foundation
import Testing
@testable import Datasets

/// The download path, for real, against a server on 127.0.0.1 (no other network traffic).
@Suite struct MNISTDownloadTests {
    /// Collects what the progress bar writes.
    final class Transcript: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        var output: ProgressBar.Output { { line in self.lock.withLock { self.text += line } } }
        var value: String { lock.withLock { text } }
    }

    private func files(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    @Test func loaderDownloadsMissingFilesIntoDataMNIST() throws {
        let server = try LocalHTTPServer(serving: TestSupport.sharedMNIST)
        let project = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let transcript = Transcript()
        let loader = MNISTLoader(
            environment: [:], projectDirectory: project, mirrors: [server.baseURL], progressOutput: transcript.output)

        let mnist = try loader.load()

        let directory = project.appendingPathComponent("data/mnist")
        #expect(mnist.source == .downloaded(directory: directory.path, mirror: server.baseURL.absoluteString))
        #expect(mnist.training.count == 60_000 && mnist.test.count == 10_000)
        #expect(files(in: directory) == MNISTFile.allCases.map(\.compressedName).sorted())
        for file in MNISTFile.allCases {
            let copy = try Data(contentsOf: directory.appendingPathComponent(file.compressedName))
            #expect(copy == (try Data(contentsOf: TestSupport.sharedMNIST.appendingPathComponent(file.compressedName))))
        }
        #expect(transcript.value.contains("\rtrain-images-idx3-ubyte.gz [##############################] 100%   9.6 of   9.6 MB\n"))
    }

    @Test func corruptedDownloadIsRejectedAndLeavesNoFile() throws {
        let served = try TestSupport.temporaryDirectory()
        let destination = try TestSupport.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: served)
            try? FileManager.default.removeItem(at: destination)
        }
        var labels = try TestSupport.sharedContent(.testLabels)
        labels[108] = (labels[108] + 1) % 10
        try TestSupport.writeGzip(labels, to: served, name: "t10k-labels-idx1-ubyte.gz")
        let server = try LocalHTTPServer(serving: served)
        let downloader = MNISTDownloader(mirrors: [server.baseURL], progressOutput: nil)

        #expect(throws: MNISTError.downloadFailed(
            file: "t10k-labels-idx1-ubyte.gz",
            url: server.baseURL.absoluteString + "t10k-labels-idx1-ubyte.gz",
            reason: """
                checksum mismatch: SHA-256 of the decompressed data is \
                9912fb3b1ab2556ed9a9d68383f836adff917891a7782db07f5988a1866261d2, \
                expected ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
                """)) {
            try downloader.download([.testLabels], into: destination)
        }
        #expect(files(in: destination) == [])
    }

    @Test func missingFileOnTheMirrorReportsTheHTTPStatus() throws {
        let served = try TestSupport.temporaryDirectory()
        let destination = try TestSupport.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: served)
            try? FileManager.default.removeItem(at: destination)
        }
        let server = try LocalHTTPServer(serving: served)
        let error = #expect(throws: MNISTError.self) {
            try MNISTDownloader(mirrors: [server.baseURL], progressOutput: nil).download([.testImages], into: destination)
        }
        #expect(error?.description == """
            t10k-images-idx3-ubyte.gz: download from \(server.baseURL.absoluteString)t10k-images-idx3-ubyte.gz \
            failed: HTTP status 404
            """)
        #expect(files(in: destination) == [])
    }

    @Test func failedDownloadFallsBackToTheBundledSubset() throws {
        let served = try TestSupport.temporaryDirectory()
        let project = try TestSupport.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: served)
            try? FileManager.default.removeItem(at: project)
        }
        let server = try LocalHTTPServer(serving: served)
        let mnist = try MNISTLoader(
            environment: [:], projectDirectory: project, mirrors: [server.baseURL], progressOutput: nil
        ).load()

        #expect(mnist.source == .bundledSubset(reason: """
            the download failed (train-images-idx3-ubyte.gz: download from \
            \(server.baseURL.absoluteString)train-images-idx3-ubyte.gz failed: HTTP status 404)
            """))
        #expect(!mnist.source.isFullSet)
        #expect(mnist.training.count == 5_000 && mnist.test.count == 1_000)
        #expect(files(in: project.appendingPathComponent("data/mnist")) == [])
        #expect(mnist.description.hasPrefix(
            "This chapter ran on the bundled MNIST subset (5,000 training and 1,000 test images), not the full set"))
    }
}
