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
        let names = MNISTFile.allCases.map { location(of: $0)!.lastPathComponent }
        // Decompressing and hashing are most of the work; the training images take longest,
        // and the other three files are done meanwhile on another core.
        let results = ParallelResults<(content: [UInt8], digest: String?)>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            results.set(index, Result { () throws(MNISTError) in
                let location = url.appendingPathComponent(names[index])
                guard checksums[MNISTFile.allCases[index].rawValue] != nil else {
                    return (try MNISTDirectory.decompressedContent(of: location), nil)
                }
                return try MNISTDirectory.decompressedContentAndDigest(of: location)
            })
        }
        var decoded = try results.takeValues()
        let digests = decoded.map(\.digest)
        // Hand each buffer over without a copy: the parts keep the decompressed bytes.
        func take(_ index: Int) -> [UInt8] {
            defer { decoded[index].content = [] }
            return decoded[index].content
        }
        // The structure is checked before the sums: "truncated" says more than "checksum mismatch".
        let training = try MNISTDirectory.part(images: take(0), imagesFile: names[0], labels: take(1), labelsFile: names[1])
        let test = try MNISTDirectory.part(images: take(2), imagesFile: names[2], labels: take(3), labelsFile: names[3])
        for (index, file) in MNISTFile.allCases.enumerated() {
            if let expected = checksums[file.rawValue], let actual = digests[index], actual != expected {
                throw .checksumMismatch(file: names[index], expected: expected, actual: actual)
            }
        }
        return (training, test)
    }

    /// The most bytes a decompressed MNIST file may hold: the training images are 47,040,016.
    /// A damaged or hostile file that inflates beyond it is refused before it fills memory.
    static let maximumContentSize = 50_000_000

    /// The decompressed content of the file at `location` (read as is when not gzip).
    ///
    /// A name ending in `.gz` must hold a gzip stream; other files are decompressed only
    /// if they start with the gzip signature.
    public static func decompressedContent(of location: URL) throws(MNISTError) -> [UInt8] {
        try decompressedContent(of: location, onOutput: nil)
    }

    private static func decompressedContent(
        of location: URL, onOutput: ((UnsafeBufferPointer<UInt8>) -> Void)?
    ) throws(MNISTError) -> [UInt8] {
        let name = location.lastPathComponent
        let bytes: [UInt8]
        let attributes = try? FileManager.default.attributesOfItem(atPath: location.resolvingSymlinksInPath().path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumContentSize else { throw .tooLarge(file: name, limit: maximumContentSize) }
        do {
            bytes = [UInt8](try Data(contentsOf: location))
        } catch {
            throw .unreadable(file: name, reason: error.localizedDescription)
        }
        guard name.hasSuffix(".gz") || Gzip.isCompressed(bytes) else {
            bytes.withUnsafeBufferPointer { onOutput?($0) }
            return bytes
        }
        do {
            return try Gzip.decompress(bytes, limit: maximumContentSize, onOutput: onOutput)
        } catch .tooLarge(let limit) {
            throw .tooLarge(file: name, limit: limit)
        } catch {
            throw .badGzip(file: name, reason: error.description)
        }
    }

    /// The decompressed content and its SHA-256, hashed on another thread while zlib
    /// inflates, so the two costs overlap instead of adding up.
    static func decompressedContentAndDigest(of location: URL) throws(MNISTError) -> ([UInt8], String) {
        let hasher = BackgroundHasher()
        let content: [UInt8]
        do {
            content = try decompressedContent(of: location) { piece in hasher.add(Array(piece)) }
        } catch {
            _ = hasher.finish()
            throw error
        }
        return (content, hasher.finish())
    }

    /// Checks the SHA-256 of a decompressed file against `checksums`.
    ///
    /// - Parameters:
    ///   - content: the decompressed bytes.
    ///   - name: the file's name as shown in messages (with `.gz` if it had one).
    ///   - checksums: the expected sums by decompressed file name; a name without one passes.
    /// - Throws: `MNISTError.checksumMismatch` naming the file.
    public static func verify(_ content: [UInt8], name: String, checksums: [String: String]) throws(MNISTError) {
        let key = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
        guard let expected = checksums[key] else { return }
        let actual = SHA256.hexDigest(of: content)
        guard actual == expected else { throw .checksumMismatch(file: name, expected: expected, actual: actual) }
    }

    /// One part from its decompressed image and label files.
    static func part(
        images: consuming [UInt8], imagesFile: String, labels: consuming [UInt8], labelsFile: String
    ) throws(MNISTError) -> MNISTSet {
        let decoded = try IDXReader.images(consume images, file: imagesFile)
        let digits = try IDXReader.labels(consume labels, file: labelsFile)
        guard decoded.count == digits.count else {
            throw .countMismatch(imagesFile: imagesFile, images: decoded.count, labelsFile: labelsFile, labels: digits.count)
        }
        return MNISTSet(pixels: decoded.pixels, labels: digits.map(Int.init))
    }
}
