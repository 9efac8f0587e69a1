import CZlib
import Foundation

/// An animated PNG (APNG) assembled frame by frame from rendered pixels.
///
/// APNG is PNG with three more chunk types (the APNG 1.0 specification): `acTL` says how many
/// frames there are and how often they play, an `fcTL` before each frame gives its rectangle
/// and how long it shows, and the pixel data of every frame after the first goes in `fdAT`
/// chunks (an `IDAT` with a sequence number in front). A viewer that does not know APNG skips
/// those chunks and shows the `IDAT` image alone; that is why the first frame here *is* the
/// `IDAT` image (its `fcTL` comes before the `IDAT`): whatever a reader's viewer, printer or
/// thumbnailer does with the file, the first thing it shows is the first frame, the still.
///
/// ```
/// signature  IHDR  acTL(frames, plays)
/// fcTL 0  IDAT…                 frame 0, the whole canvas, also the default image
/// fcTL 1  fdAT 2 …              frame 1, the rectangle that differs from frame 0
/// fcTL 3  fdAT 4 …              frame 2, …
/// IEND
/// ```
///
/// The frames are encoded here from their pixels rather than taken from Cairo's PNG output:
/// a frame after the first is only the rectangle of pixels that changed since the frame
/// before (the title and the plot area of a training animation; the axes, ticks and legend
/// stay), and Cairo's writer can only write a whole surface. Parsing Cairo's PNGs would mean
/// inflating and unfiltering them to cut the rectangle out and compressing it again.
///
/// Every row uses PNG filter type 0 (none): the book's figures are flat colours whose rows
/// repeat, and deflate finds a repeated row one row back by itself; on decision-region
/// figures that came out 10 to 20 % smaller than libpng's adaptive filters, at no cost per
/// pixel. Each frame is compressed with zlib (`compress`). The same frames and delays always
/// give the same bytes.
///
/// ```swift
/// var writer = AnimatedPNG(width: 720, height: 560, frameCount: 3)
/// try writer.add(still, delay: .centiseconds(200))
/// try writer.add(early, delay: .centiseconds(40))
/// try writer.add(later, delay: .centiseconds(40))
/// let bytes = try writer.finish()
/// ```
public struct AnimatedPNG: Sendable {
    /// How long a frame shows before the next, as the fraction `numerator / denominator`
    /// of a second (`fcTL`'s `delay_num` and `delay_den`).
    public struct Delay: Sendable, Hashable {
        /// The numerator.
        public var numerator: UInt16
        /// The denominator (seconds when 1, hundredths when 100).
        public var denominator: UInt16

        /// `count` hundredths of a second.
        public static func centiseconds(_ count: Int) -> Delay {
            precondition((0...Int(UInt16.max)).contains(count), "AnimatedPNG.Delay: \(count) cs is out of range")
            return Delay(numerator: UInt16(count), denominator: 100)
        }
    }

    /// Why an animation could not be assembled.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The bytes written so far passed `limit` while frame `frame` (from 1) of `frameCount`
        /// was added.
        case tooLarge(limit: Int, frame: Int, frameCount: Int)
        /// zlib failed with `status` while compressing a frame.
        case compression(status: Int32)
        /// Cairo failed to render a frame.
        case rendering(CairoError)

        public var description: String {
            switch self {
            case let .tooLarge(limit, frame, frameCount):
                "the animation passes \(limit) bytes at frame \(frame) of \(frameCount)"
            case let .compression(status):
                "zlib failed with status \(status) while compressing a frame"
            case let .rendering(error):
                error.description
            }
        }

        public static func == (lhs: Failure, rhs: Failure) -> Bool {
            switch (lhs, rhs) {
            case let (.tooLarge(a, b, c), .tooLarge(d, e, f)): (a, b, c) == (d, e, f)
            case let (.compression(a), .compression(b)): a == b
            case let (.rendering(a), .rendering(b)): a.description == b.description
            default: false
            }
        }
    }

    /// The canvas width in pixels.
    public let width: Int
    /// The canvas height in pixels.
    public let height: Int
    /// Whether pixels carry alpha (colour type 6, RGBA) or are opaque (colour type 2, RGB).
    public let hasAlpha: Bool
    /// The number of frames the `acTL` chunk announces; `finish` checks that many were added.
    public let frameCount: Int
    /// How many times the animation plays; 0 loops forever.
    public let plays: Int
    /// The most bytes the file may take, if limited: `add` throws as soon as it is passed.
    public let byteLimit: Int?

    /// The file so far.
    public private(set) var bytes: [UInt8] = []
    /// The frames added so far.
    public private(set) var framesAdded = 0
    /// The next `fcTL`/`fdAT` sequence number.
    private var sequence: UInt32 = 0
    /// The previous frame's pixels (the canvas as a viewer has it), for the changed rectangle.
    private var previous: [UInt32] = []

    /// The eight bytes every PNG starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Starts an animation of `frameCount` frames of `width × height` pixels, playing `plays`
    /// times (0: forever), no larger than `byteLimit` bytes if given.
    public init(width: Int, height: Int, hasAlpha: Bool = false, frameCount: Int, plays: Int = 0, byteLimit: Int? = nil) {
        precondition(width > 0 && height > 0 && width <= Int(Int32.max) && height <= Int(Int32.max), "AnimatedPNG: size \(width)×\(height)")
        precondition(frameCount >= 1 && frameCount <= Int(Int32.max), "AnimatedPNG: \(frameCount) frames")
        precondition(plays >= 0 && plays <= Int(Int32.max), "AnimatedPNG: \(plays) plays")
        self.width = width
        self.height = height
        self.hasAlpha = hasAlpha
        self.frameCount = frameCount
        self.plays = plays
        self.byteLimit = byteLimit
        bytes = Self.signature
        var header = [UInt8]()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        // 8 bits per sample, RGB or RGBA, deflate, adaptive filtering (method 0), no interlace.
        header += [8, hasAlpha ? 6 : 2, 0, 0, 0]
        appendChunk("IHDR", header)
        var control = [UInt8]()
        control.appendBigEndian(UInt32(frameCount))
        control.appendBigEndian(UInt32(plays))
        appendChunk("acTL", control)
    }

    /// Adds the next frame, shown for `delay`.
    ///
    /// The first frame is the whole canvas and the default image; each later one is the
    /// smallest rectangle holding every pixel that differs from the frame before (one pixel
    /// when none does), drawn over it (`dispose_op` none, `blend_op` source).
    ///
    /// - Throws: ``Failure/tooLarge(limit:frame:frameCount:)`` once the file passes
    ///   `byteLimit`, ``Failure/compression(status:)`` if zlib fails.
    public mutating func add(_ frame: Bitmap, delay: Delay) throws(Failure) {
        precondition(framesAdded < frameCount, "AnimatedPNG: more than the \(frameCount) frames announced")
        precondition(
            frame.width == width && frame.height == height,
            "AnimatedPNG: a \(frame.width)×\(frame.height) frame on a \(width)×\(height) canvas")
        let rectangle = framesAdded == 0 ? (x: 0, y: 0, width: width, height: height) : changedRectangle(frame.pixels)
        var control = [UInt8]()
        control.appendBigEndian(sequence)
        control.appendBigEndian(UInt32(rectangle.width))
        control.appendBigEndian(UInt32(rectangle.height))
        control.appendBigEndian(UInt32(rectangle.x))
        control.appendBigEndian(UInt32(rectangle.y))
        control.appendBigEndian(delay.numerator)
        control.appendBigEndian(delay.denominator)
        control += [0, 0]  // dispose_op: none; blend_op: source
        appendChunk("fcTL", control)
        sequence += 1
        let compressed = try Self.compress(scanlines(of: frame.pixels, in: rectangle))
        if framesAdded == 0 {
            appendChunk("IDAT", compressed)
        } else {
            var data = [UInt8]()
            data.reserveCapacity(compressed.count + 4)
            data.appendBigEndian(sequence)
            data += compressed
            appendChunk("fdAT", data)
            sequence += 1
        }
        framesAdded += 1
        previous = frame.pixels
        if let byteLimit, bytes.count + 12 > byteLimit {
            throw .tooLarge(limit: byteLimit, frame: framesAdded, frameCount: frameCount)
        }
    }

    /// The finished file, once every announced frame was added.
    public func finish() -> [UInt8] {
        precondition(framesAdded == frameCount, "AnimatedPNG: \(framesAdded) of the \(frameCount) frames announced")
        var file = bytes
        Self.appendChunk("IEND", [], to: &file)
        return file
    }

    // MARK: - Pixels

    /// The smallest rectangle outside which `pixels` equal the previous frame's.
    private func changedRectangle(_ pixels: [UInt32]) -> (x: Int, y: Int, width: Int, height: Int) {
        var top = height, bottom = -1, left = width, right = -1
        pixels.withUnsafeBufferPointer { new in
            previous.withUnsafeBufferPointer { old in
                for row in 0..<height {
                    let start = row * width
                    // Rows that match cost one memcmp; the margins of a row that does not are
                    // scanned from both ends.
                    if memcmp(new.baseAddress! + start, old.baseAddress! + start, width * 4) == 0 { continue }
                    top = min(top, row)
                    bottom = row
                    var first = 0
                    while first < left, new[start + first] == old[start + first] { first += 1 }
                    left = min(left, first)
                    var last = width - 1
                    while last > right, new[start + last] == old[start + last] { last -= 1 }
                    right = max(right, last)
                }
            }
        }
        guard bottom >= 0 else { return (0, 0, 1, 1) }
        return (left, top, right - left + 1, bottom - top + 1)
    }

    /// The rectangle's rows as PNG scanlines: a filter byte (0, none) and each pixel's
    /// R, G, B (and A, not premultiplied) bytes.
    private func scanlines(of pixels: [UInt32], in rectangle: (x: Int, y: Int, width: Int, height: Int)) -> [UInt8] {
        let channels = hasAlpha ? 4 : 3
        let rowBytes = 1 + rectangle.width * channels
        var lines = [UInt8](repeating: 0, count: rowBytes * rectangle.height)
        let width = self.width
        let hasAlpha = self.hasAlpha
        // Raw pointers: this runs for every pixel of every frame, and debug builds check each
        // subscript of a buffer pointer.
        lines.withUnsafeMutableBufferPointer { buffer in
            pixels.withUnsafeBufferPointer { source in
                var out = buffer.baseAddress!
                for row in rectangle.y..<(rectangle.y + rectangle.height) {
                    out += 1  // the filter byte, 0
                    var pixel = source.baseAddress! + row * width + rectangle.x
                    let end = pixel + rectangle.width
                    while pixel < end {
                        let value = pixel.pointee
                        let alpha = value >> 24
                        if !hasAlpha || alpha == 255 || alpha == 0 {
                            out[0] = UInt8(truncatingIfNeeded: value >> 16)
                            out[1] = UInt8(truncatingIfNeeded: value >> 8)
                            out[2] = UInt8(truncatingIfNeeded: value)
                        } else {
                            // Cairo's pixels are premultiplied; PNG's are not (rounded as Cairo's writer does).
                            out[0] = UInt8(min(255, (((value >> 16) & 0xFF) * 255 + alpha / 2) / alpha))
                            out[1] = UInt8(min(255, (((value >> 8) & 0xFF) * 255 + alpha / 2) / alpha))
                            out[2] = UInt8(min(255, ((value & 0xFF) * 255 + alpha / 2) / alpha))
                        }
                        if hasAlpha {
                            out[3] = UInt8(truncatingIfNeeded: alpha)
                            out += 4
                        } else {
                            out += 3
                        }
                        pixel += 1
                    }
                }
            }
        }
        return lines
    }

    /// `data` compressed into a zlib stream: level 9, its search for matches cut to 256
    /// candidates (level 9 tries 4,096). On the book's frames that is about as fast as zlib's
    /// default level 6 and 1 to 6 % smaller, where full level 9 takes three times as long
    /// for another 2 to 15 %.
    private static func compress(_ data: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        var status = deflateInit2_(
            &stream, 9, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw .compression(status: status) }
        defer { deflateEnd(&stream) }
        deflateTune(&stream, 32, 258, 258, 256)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))))
        status = output.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { source in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .compression(status: status) }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    // MARK: - Chunks

    private mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        Self.appendChunk(type, data, to: &bytes)
    }

    /// Appends a chunk: its length, type, data and the CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        precondition(typeBytes.count == 4 && data.count <= Int(Int32.max), "AnimatedPNG: chunk \(type)")
        file.appendBigEndian(UInt32(data.count))
        file += typeBytes
        file += data
        var crc = crc32(0, typeBytes, 4)
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt(data.count)) }
        file.appendBigEndian(UInt32(truncatingIfNeeded: crc))
    }
}

extension [UInt8] {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }

    fileprivate mutating func appendBigEndian(_ value: UInt16) {
        append(contentsOf: [UInt8(value >> 8), UInt8(value & 0xFF)])
    }
}
