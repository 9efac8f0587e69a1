import Foundation

/// Reads, validates and verifies the four MNIST files in one directory.
///
/// A file may be stored gzip-compressed (`name.gz`) or not (`name`); the `.gz` is
/// preferred when both exist. Checks run in the order that gives the most useful message:
/// gzip stream, IDX header and length, labels, image/label counts, then the SHA-256 of the
/// decompressed content.
public struct MNISTDirectory: Sendable {
    /// The directory holding the files.
    public let url: URL
    /// The expected SHA-256 of each decompressed file, keyed by its name without `.gz`.
    public let checksums: [String: String]

    /// Describes a directory of MNIST files.
    ///
    /// - Parameters:
    ///   - url: the directory.
    ///   - checksums: the sums to verify, by decompressed file name; the published MNIST
    ///     sums by default. A file without an entry is not verified.
    public init(url: URL, checksums: [String: String] = MNISTFile.publishedSums) {
        self.url = url
        self.checksums = checksums
    }

    /// The location of `file`, compressed or not, or `nil` when neither exists.
    public func location(of file: MNISTFile) -> URL? {
        [file.compressedName, file.rawValue]
            .map { url.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The files that are missing, in the standard order.
    public var missingFiles: [MNISTFile] {
        MNISTFile.allCases.filter { location(of: $0) == nil }
    }

    /// Reads both parts.
    ///
    /// - Throws: `MNISTError` naming the first file that is missing, damaged or differs.
    public func read() throws(MNISTError) -> (training: MNISTSet, test: MNISTSet) {
        let missing = missingFiles
        guard missing.isEmpty else {
            throw .missingFiles(missing.map(\.compressedName), directory: url.path)
        }
        // The training images are most of the work; the other three files decode meanwhile.
        let results = ParallelResults<[UInt8]>(count: MNISTFile.allCases.count)
        DispatchQueue.concurrentPerform(iterations: MNISTFile.allCases.count) { index in
            let file = MNISTFile.allCases[index]
            results.set(index, Result { () throws(MNISTError) in try content(of: location(of: file)!) })
        }
        let contents = try results.values()
        let training = try MNISTDirectory.part(
            images: contents[0], imagesFile: location(of: .trainingImages)!.lastPathComponent,
            labels: contents[1], labelsFile: location(of: .trainingLabels)!.lastPathComponent)
        let test = try MNISTDirectory.part(
            images: contents[2], imagesFile: location(of: .testImages)!.lastPathComponent,
            labels: contents[3], labelsFile: location(of: .testLabels)!.lastPathComponent)
        try verify(contents)
        return (training, test)
    }

    /// The decompressed content of the file at `location` (read as is when not gzip).
    ///
    /// A name ending in `.gz` must hold a gzip stream; other files are decompressed only
    /// if they start with the gzip signature.
    public static func decompressedContent(of location: URL) throws(MNISTError) -> [UInt8] {
        let name = location.lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: location))
        } catch {
            throw .unreadable(file: name, reason: error.localizedDescription)
        }
        guard name.hasSuffix(".gz") || Gzip.isCompressed(bytes) else { return bytes }
        do {
            return try Gzip.decompress(bytes)
        } catch {
            throw .badGzip(file: name, reason: error.description)
        }
    }

    /// Checks the SHA-256 of a decompressed file against `checksums`.
    ///
    /// - Parameters:
    ///   - content: the decompressed bytes.
    ///   - name: the file's name as shown in messages (with `.gz` if it had one).
    public static func verify(_ content: [UInt8], name: String, checksums: [String: String]) throws(MNISTError) {
        let key = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        guard let expected = checksums[key] else { return }
        let actual = SHA256.hexDigest(of: content)
        guard actual == expected else { throw .checksumMismatch(file: name, expected: expected, actual: actual) }
    }

    private func content(of location: URL) throws(MNISTError) -> [UInt8] {
        try MNISTDirectory.decompressedContent(of: location)
    }

    private func verify(_ contents: [[UInt8]]) throws(MNISTError) {
        let results = ParallelResults<Void>(count: contents.count)
        DispatchQueue.concurrentPerform(iterations: contents.count) { index in
            let name = location(of: MNISTFile.allCases[index])!.lastPathComponent
            results.set(index, Result { () throws(MNISTError) in
                try MNISTDirectory.verify(contents[index], name: name, checksums: checksums)
            })
        }
        _ = try results.values()
    }

    /// One part from its decompressed image and label files.
    static func part(images: [UInt8], imagesFile: String, labels: [UInt8], labelsFile: String) throws(MNISTError) -> MNISTSet {
        let decoded = try IDXReader.images(images, file: imagesFile)
        let digits = try IDXReader.labels(labels, file: labelsFile)
        guard decoded.count == digits.count else {
            throw .countMismatch(imagesFile: imagesFile, images: decoded.count, labelsFile: labelsFile, labels: digits.count)
        }
        return MNISTSet(pixels: decoded.pixels, labels: digits.map(Int.init))
    }
}
