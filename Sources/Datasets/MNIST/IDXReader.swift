/// Parses and validates the IDX format of the MNIST files.
///
/// IDX files start with a big-endian header: the magic number (2051 for images, 2049
/// for labels), the item count, and for images the row and column counts; then one byte
/// per pixel (row-major, 0 = background) or per label. The reader checks every field and
/// the exact file length, so a cut or padded file is caught here and not in training.
enum IDXReader {
    static let imageMagic: UInt32 = 2051
    static let labelMagic: UInt32 = 2049
    static let side = 28

    /// The images of an IDX3 file: the count and `count × 784` pixel bytes.
    ///
    /// The header is removed in place, so a uniquely held buffer becomes the pixels without a copy.
    static func images(_ bytes: consuming [UInt8], file: String) throws(MNISTError) -> (count: Int, pixels: [UInt8]) {
        try checkMagic(bytes, file: file, expected: imageMagic, headerSize: 16)
        let count = Int(word(bytes, at: 4))
        let rows = Int(word(bytes, at: 8))
        let columns = Int(word(bytes, at: 12))
        guard rows == side && columns == side else {
            throw .wrongDimensions(file: file, rows: rows, columns: columns)
        }
        try checkLength(bytes.count - 16, itemSize: side * side, declared: count, item: "images", file: file)
        var pixels = consume bytes
        pixels.removeSubrange(0..<16)
        return (count, pixels)
    }

    /// The labels of an IDX1 file, each checked to be a digit.
    static func labels(_ bytes: consuming [UInt8], file: String) throws(MNISTError) -> [UInt8] {
        try checkMagic(bytes, file: file, expected: labelMagic, headerSize: 8)
        let count = Int(word(bytes, at: 4))
        try checkLength(bytes.count - 8, itemSize: 1, declared: count, item: "labels", file: file)
        var labels = consume bytes
        labels.removeSubrange(0..<8)
        if let index = labels.firstIndex(where: { $0 > 9 }) {
            throw .labelOutOfRange(file: file, index: index, value: labels[index])
        }
        return labels
    }

    private static func checkMagic(_ bytes: [UInt8], file: String, expected: UInt32, headerSize: Int) throws(MNISTError) {
        // The magic comes first so that a label file passed as images says so, even if short.
        guard bytes.count >= 4 else { throw .truncatedHeader(file: file, needed: headerSize, held: bytes.count) }
        let magic = word(bytes, at: 0)
        guard magic == expected else { throw .wrongMagic(file: file, found: magic, expected: expected) }
        guard bytes.count >= headerSize else { throw .truncatedHeader(file: file, needed: headerSize, held: bytes.count) }
    }

    private static func checkLength(
        _ payload: Int, itemSize: Int, declared: Int, item: String, file: String
    ) throws(MNISTError) {
        let expected = declared * itemSize
        if payload < expected {
            throw .truncated(file: file, item: item, declared: declared, held: payload / itemSize)
        }
        if payload > expected {
            throw .trailingBytes(file: file, item: item, declared: declared, extra: payload - expected)
        }
    }

    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
