import CZlib
import Engine

/// gzip compression and decompression through the system zlib.
///
/// zlib checks the stream as it inflates: the deflate data, the CRC-32 of the content and
/// its length (the gzip trailer). A file of several gzip members (as `cat a.gz b.gz` makes)
/// decompresses to the concatenation of their contents.
public enum Gzip {
    /// Why a gzip stream could not be decompressed.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The data does not start with the gzip signature `1f 8b`.
        case notGzip
        /// The stream stops before its end (a partial download or a cut file).
        case truncated
        /// zlib rejected the stream; the payload is zlib's own message.
        case corrupt(String)
        /// The content would be larger than the caller allows (a damaged or hostile file).
        case tooLarge(limit: Int)

        /// The reason, as a phrase that follows "not a valid gzip stream: ".
        public var description: String {
            switch self {
            case .notGzip: "it does not start with the gzip signature 1f 8b"
            case .truncated: "the stream ends early"
            case .corrupt(let message): message
            case .tooLarge(let limit): "it decompresses to more than \(limit) bytes"
            }
        }
    }

    /// Whether `bytes` starts with the gzip signature `1f 8b`.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed content of a gzip stream.
    ///
    /// - Parameters:
    ///   - input: the gzip stream.
    ///   - onOutput: called with each new piece of output (at most `chunkSize` bytes), in
    ///     order, so a checksum can run alongside; `nil` to decompress in one go.
    ///   - limit: the most bytes the content may have; a small file that inflates beyond it
    ///     (a "zip bomb") is refused before it exhausts memory.
    /// - Returns: the decompressed bytes.
    /// - Throws: `Gzip.Failure` when the data is not gzip, is cut short, fails zlib's checks,
    ///   or holds more than `limit` bytes.
    public static func decompress(
        _ input: [UInt8], limit: Int = 1 << 32, onOutput: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil
    ) throws(Failure) -> [UInt8] {
        let chunkSize = onOutput == nil ? Int(UInt32.max) : 1 << 20
        guard isCompressed(input) else { throw .notGzip }
        // The trailer's last four bytes hold the content length modulo 2³²: a good first guess,
        // though a damaged file may claim anything, so the guess never passes the limit.
        let trailerSize = input.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        var output = [UInt8](repeating: 0, count: max(1 << 16, min(trailerSize, 1 << 30, limit + 1)))
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var produced = 0
        var consumed = 0
        while true {
            if produced == output.count {
                guard produced <= limit else { throw .tooLarge(limit: limit) }
                output.append(contentsOf: repeatElement(0, count: min(output.count, limit + 1 - produced)))
            }
            let status = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + consumed)
                    stream.avail_in = uInt(source.count - consumed)
                    stream.next_out = target.baseAddress! + produced
                    let room = min(target.count - produced, chunkSize)
                    stream.avail_out = uInt(room)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    consumed = source.count - Int(stream.avail_in)
                    let made = room - Int(stream.avail_out)
                    if made > 0, let onOutput {
                        onOutput(UnsafeBufferPointer(start: target.baseAddress! + produced, count: made))
                    }
                    produced += made
                    return status
                }
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                guard produced <= limit else { throw .tooLarge(limit: limit) }
                if consumed == input.count {
                    output.removeSubrange(produced...)
                    return output
                }
                guard isCompressed(Array(input[consumed..<min(consumed + 2, input.count)])) else {
                    throw .corrupt("\(input.count - consumed) bytes of data follow the end of the stream")
                }
                inflateReset(&stream)
            case Z_BUF_ERROR where consumed == input.count:
                throw .truncated
            case Z_BUF_ERROR:
                continue
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corrupt(message)
            }
        }
    }

    /// `input` compressed as one gzip member (no file name, modification time 0, so the
    /// same input always gives the same bytes).
    ///
    /// - Parameters:
    ///   - input: the bytes to compress.
    ///   - level: zlib's compression level, 1 (fastest) to 9 (smallest).
    /// - Returns: a complete gzip stream.
    public static func compress(_ input: [UInt8], level: Int32 = 9) -> [UInt8] {
        var stream = z_stream()
        let started = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        require(started == Z_OK, "Gzip.compress: deflateInit2 failed with \(started)")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let produced = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                let status = deflate(&stream, Z_FINISH)
                require(status == Z_STREAM_END, "Gzip.compress: deflate returned \(status)")
                return target.count - Int(stream.avail_out)
            }
        }
        output.removeSubrange(produced...)
        return output
    }
}
