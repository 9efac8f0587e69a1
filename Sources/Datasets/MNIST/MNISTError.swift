/// Everything that can be wrong with the MNIST files, one case per failure.
///
/// Each message starts with the name of the file concerned, so a student can see at once
/// which of the four files to replace:
///
/// ```
/// t10k-labels-idx1-ubyte.gz: truncated: header says 10000 labels, file holds 9871
/// ```
public enum MNISTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file the set needs does not exist in `directory`.
    case missingFiles([String], directory: String)
    /// The file exists but could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not a valid gzip stream (or claims to be one and is not).
    case badGzip(file: String, reason: String)
    /// The file holds, or decompresses to, more bytes than any MNIST file.
    case tooLarge(file: String, limit: Int)
    /// The file is shorter than its IDX header.
    case truncatedHeader(file: String, needed: Int, held: Int)
    /// The IDX magic number is not the one for this kind of file (2051 images, 2049 labels).
    case wrongMagic(file: String, found: UInt32, expected: UInt32)
    /// The images are not 28 × 28 pixels.
    case wrongDimensions(file: String, rows: Int, columns: Int)
    /// The header announces more items than the file holds.
    case truncated(file: String, item: String, declared: Int, held: Int)
    /// Bytes follow the last item the header announces.
    case trailingBytes(file: String, item: String, declared: Int, extra: Int)
    /// A label is not a digit 0–9.
    case labelOutOfRange(file: String, index: Int, value: UInt8)
    /// The image file and the label file of one part disagree on the number of samples.
    case countMismatch(imagesFile: String, images: Int, labelsFile: String, labels: Int)
    /// The SHA-256 of the decompressed file is not the published one.
    case checksumMismatch(file: String, expected: String, actual: String)
    /// The download of a file failed (network, HTTP status, or a file that does not verify).
    case downloadFailed(file: String, url: String, reason: String)
    /// The bundled subset is missing from the package's resources.
    case subsetMissing

    /// The message shown to the user; it starts with the file name where there is one.
    public var description: String {
        switch self {
        case .missingFiles(let files, let directory):
            "\(directory): missing \(files.joined(separator: ", "))"
        case .unreadable(let file, let reason):
            "\(file): cannot be read: \(reason)"
        case .badGzip(let file, let reason):
            "\(file): not a valid gzip stream: \(reason)"
        case .tooLarge(let file, let limit):
            "\(file): more than \(limit) bytes of content, more than any MNIST file holds; replace it"
        case .truncatedHeader(let file, let needed, let held):
            "\(file): truncated: the header needs \(needed) bytes, file holds \(held)"
        case .wrongMagic(let file, let found, let expected):
            "\(file): wrong magic number \(found), expected \(expected) (\(expected == 2051 ? "IDX images" : "IDX labels"))"
        case .wrongDimensions(let file, let rows, let columns):
            "\(file): images are \(rows)×\(columns) pixels, expected 28×28"
        case .truncated(let file, let item, let declared, let held):
            "\(file): truncated: header says \(declared) \(item), file holds \(held)"
        case .trailingBytes(let file, let item, let declared, let extra):
            "\(file): \(extra) unexpected bytes after the \(declared) \(item) the header announces"
        case .labelOutOfRange(let file, let index, let value):
            "\(file): label \(value) at index \(index) is not a digit 0–9"
        case .countMismatch(let imagesFile, let images, let labelsFile, let labels):
            "\(imagesFile) holds \(images) images but \(labelsFile) holds \(labels) labels"
        case .checksumMismatch(let file, let expected, let actual):
            "\(file): checksum mismatch: SHA-256 of the decompressed data is \(actual), expected \(expected)"
        case .downloadFailed(let file, let url, let reason):
            "\(file): download from \(url) failed: \(reason)"
        case .subsetMissing:
            "the bundled MNIST subset is missing from the package resources"
        }
    }
}
