import Foundation
@testable import Datasets

/// Paths and scratch directories shared by the MNIST tests.
enum TestSupport {
    /// The package root, found from this file's path (`Tests/DatasetsTests/TestSupport.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The full MNIST files: `$MNIST_DIR`, else `../shared/mnist` beside the package.
    static var sharedMNIST: URL {
        if let directory = ProcessInfo.processInfo.environment["MNIST_DIR"], !directory.isEmpty {
            return URL(fileURLWithPath: directory)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/mnist")
    }

    /// The shared full set, read and verified once per test run.
    static let sharedParts: Result<MNISTParts, MNISTError> = Result { () throws(MNISTError) in
        let parts = try MNISTDirectory(url: sharedMNIST).read()
        return MNISTParts(training: parts.training, test: parts.test)
    }

    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("datasets-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The decompressed content of one of the shared files.
    static func sharedContent(_ file: MNISTFile) throws -> [UInt8] {
        try MNISTDirectory.decompressedContent(of: sharedMNIST.appendingPathComponent(file.compressedName))
    }

    /// Writes `bytes` gzip-compressed to `directory/name`.
    static func writeGzip(_ bytes: [UInt8], to directory: URL, name: String) throws {
        try Data(Gzip.compress(bytes, level: 1)).write(to: directory.appendingPathComponent(name))
    }

    /// A big-endian IDX header.
    static func header(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }
}

/// Both parts of MNIST, as one `Sendable` value for a static cache.
struct MNISTParts: Sendable {
    let training: MNISTSet
    let test: MNISTSet
    var pair: (MNISTSet, MNISTSet) { (training, test) }
}

/// The message of the error reading `text` as the CSV file `points.csv` raises, or `nil` when it reads.
func csvMessage(_ text: String, label: String = "label") -> String? {
    do {
        _ = try Dataset.csv(text: text, file: "points.csv", labelColumn: label, name: "points")
        return nil
    } catch {
        return error.description
    }
}

/// The message of the `MNISTError` `body` throws, or `nil` when it throws none.
func mnistMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as MNISTError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}
