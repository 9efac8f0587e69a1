import CZlib
import Plotting

/// A PNG or APNG read chunk by chunk, independently of the writer under test: its own chunk
/// walk, CRC check (zlib's `crc32`), inflate (`uncompress`) and unfiltering of all five filter
/// types, for 8-bit RGB and RGBA.
struct PNGReader {
    struct Chunk {
        var type: String
        var data: [UInt8]
        /// Whether the stored CRC is the CRC-32 of type and data.
        var crcIsValid: Bool
    }

    /// One `fcTL`: where a frame goes and how long it shows.
    struct FrameControl: Equatable {
        var sequence: Int
        var width: Int, height: Int, x: Int, y: Int
        var delayNumerator: Int, delayDenominator: Int
        var dispose: UInt8, blend: UInt8
    }

    var chunks: [Chunk] = []
    /// Whether the file starts with the PNG signature.
    var hasSignature: Bool

    init(_ bytes: [UInt8]) {
        hasSignature = bytes.count >= 8 && Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Self.number(bytes, offset)
            guard offset + 12 + length <= bytes.count else { break }
            let typeBytes = Array(bytes[(offset + 4)..<(offset + 8)])
            let data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            let stored = UInt32(Self.number(bytes, offset + 8 + length))
            var crc = crc32(0, typeBytes, 4)
            crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt(length)) }
            chunks.append(Chunk(type: String(decoding: typeBytes, as: UTF8.self), data: data, crcIsValid: UInt32(crc) == stored))
            offset += 12 + length
        }
    }

    static func number(_ bytes: [UInt8], _ at: Int) -> Int {
        bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
    }

    var types: [String] { chunks.map(\.type) }
    var header: [UInt8] { chunks.first { $0.type == "IHDR" }!.data }
    var width: Int { Self.number(header, 0) }
    var height: Int { Self.number(header, 4) }
    var channels: Int { header[9] == 6 ? 4 : 3 }

    /// `acTL`'s frame count and plays.
    var animationControl: (frames: Int, plays: Int)? {
        chunks.first { $0.type == "acTL" }.map { (Self.number($0.data, 0), Self.number($0.data, 4)) }
    }

    var frameControls: [FrameControl] {
        chunks.filter { $0.type == "fcTL" }.map { chunk in
            let d = chunk.data
            return FrameControl(
                sequence: Self.number(d, 0), width: Self.number(d, 4), height: Self.number(d, 8), x: Self.number(d, 12),
                y: Self.number(d, 16), delayNumerator: Int(d[20]) << 8 | Int(d[21]),
                delayDenominator: Int(d[22]) << 8 | Int(d[23]), dispose: d[24], blend: d[25])
        }
    }

    /// The sequence numbers of `fcTL` and `fdAT` chunks, in file order.
    var sequenceNumbers: [Int] {
        chunks.filter { $0.type == "fcTL" || $0.type == "fdAT" }.map { Self.number($0.data, 0) }
    }

    /// The compressed data of each frame: the `IDAT`s, then each run of `fdAT`s (without their
    /// sequence numbers), in order.
    var frameData: [[UInt8]] {
        var frames: [[UInt8]] = []
        var current: [UInt8]?
        var previousType = ""
        for chunk in chunks {
            switch chunk.type {
            case "IDAT", "fdAT":
                let data = chunk.type == "IDAT" ? chunk.data : Array(chunk.data.dropFirst(4))
                if previousType == chunk.type, current != nil { current! += data } else {
                    if let current { frames.append(current) }
                    current = data
                }
            default:
                if let done = current {
                    frames.append(done)
                    current = nil
                }
            }
            previousType = chunk.type
        }
        if let current { frames.append(current) }
        return frames
    }

    /// The pixels of a `width × height` image from its zlib stream, row after row, each pixel
    /// `channels` bytes, filters undone; the filter type of each row too.
    static func pixels(_ compressed: [UInt8], width: Int, height: Int, channels: Int) -> (bytes: [UInt8], filters: [UInt8]) {
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        var length = uLong(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong(compressed.count)) }
        }
        precondition(status == Z_OK && Int(length) == raw.count, "inflate failed: \(status), \(length) of \(raw.count) bytes")
        var pixels = [UInt8](repeating: 0, count: stride * height)
        var filters: [UInt8] = []
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            filters.append(filter)
            for i in 0..<stride {
                let x = Int(raw[row * (stride + 1) + 1 + i])
                let a = i >= channels ? Int(pixels[row * stride + i - channels]) : 0
                let b = row > 0 ? Int(pixels[(row - 1) * stride + i]) : 0
                let c = row > 0 && i >= channels ? Int(pixels[(row - 1) * stride + i - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                default:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                }
                pixels[row * stride + i] = UInt8((x + predictor) & 0xFF)
            }
        }
        return (pixels, filters)
    }

    /// Every frame as a viewer composes it (dispose none, blend source, as the writer uses):
    /// each frame's rectangle written over the canvas the frame before left.
    var composedFrames: [[UInt8]] {
        let controls = frameControls
        var canvas = [UInt8](repeating: 0, count: width * height * channels)
        var result: [[UInt8]] = []
        for (control, data) in zip(controls, frameData) {
            let patch = Self.pixels(data, width: control.width, height: control.height, channels: channels).bytes
            for row in 0..<control.height {
                let source = row * control.width * channels
                let target = ((control.y + row) * width + control.x) * channels
                canvas.replaceSubrange(target..<(target + control.width * channels), with: patch[source..<(source + control.width * channels)])
            }
            result.append(canvas)
        }
        return result
    }
}

extension Bitmap {
    /// The unpremultiplied RGB (or RGBA) bytes of the pixels, as a PNG stores them.
    func pngBytes(channels: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * height * channels)
        for row in 0..<height {
            for column in 0..<width {
                let color = color(column: column, row: row)
                bytes += [color.red, color.green, color.blue]
                if channels == 4 { bytes.append(color.alpha) }
            }
        }
        return bytes
    }
}
