import Engine

/// One part of MNIST (training or test): 28 × 28 grey-level digits and their labels.
///
/// The pixels are kept as bytes (one image is 784 bytes, row-major, 0 = background) and
/// turned into `Double`s scaled to [0, 1] only when a `Matrix` is asked for, so the full
/// training set costs 47 MB until a chapter converts it.
public struct MNISTSet: Sendable, Hashable {
    /// The height and width of every image, in pixels.
    public static let side = 28
    /// The number of pixels of one image (784), the input size of an MNIST network.
    public static let pixelCount = side * side
    /// The ten classes, the digits 0–9.
    public static let classCount = 10

    /// The pixels of all images, image after image, each row-major, 0–255.
    public let pixels: [UInt8]
    /// The digit of each image.
    public let labels: [Int]

    /// Creates a set from raw pixels and labels.
    ///
    /// - Precondition: `pixels.count == labels.count × 784` and every label is 0–9.
    public init(pixels: [UInt8], labels: [Int]) {
        require(
            pixels.count == labels.count * Self.pixelCount,
            "MNISTSet: \(pixels.count) pixels for \(labels.count) images")
        require(labels.allSatisfy { (0...9).contains($0) }, "MNISTSet: a label is not a digit")
        self.pixels = pixels
        self.labels = labels
    }

    /// The number of images.
    public var count: Int { labels.count }

    /// The number of images of each digit, indexed by digit.
    public var classCounts: [Int] {
        var counts = Array(repeating: 0, count: Self.classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The images at `indices` as rows of a matrix: `indices.count × 784`, pixels in [0, 1].
    public func inputs(at indices: [Int]) -> Matrix {
        let size = Self.pixelCount
        let values = [Double](unsafeUninitializedCapacity: indices.count * size) { buffer, initialized in
            pixels.withUnsafeBufferPointer { source in
                for (row, index) in indices.enumerated() {
                    require(index >= 0 && index < count, "MNISTSet: image \(index) outside 0..<\(count)")
                    let from = source.baseAddress! + index * size
                    let to = buffer.baseAddress! + row * size
                    for offset in 0..<size { to[offset] = Double(from[offset]) * (1.0 / 255.0) }
                }
            }
            initialized = indices.count * size
        }
        return Matrix(rows: indices.count, columns: size, values: values)
    }

    /// The images in `range` as rows of a matrix (a contiguous mini-batch).
    public func inputs(_ range: Range<Int>) -> Matrix {
        inputs(at: Array(range))
    }

    /// All images as rows of a `count × 784` matrix, pixels in [0, 1].
    public var inputs: Matrix { inputs(0..<count) }

    /// The image at `index` as 28 rows of 28 pixels in [0, 1], top row first, for plotting.
    public func image(at index: Int) -> [[Double]] {
        let start = index * Self.pixelCount
        return (0..<Self.side).map { row in
            (0..<Self.side).map { column in Double(pixels[start + row * Self.side + column]) / 255 }
        }
    }

    /// The first `count` images (all of them if there are fewer).
    public func prefix(_ count: Int) -> MNISTSet {
        let kept = min(count, self.count)
        return MNISTSet(pixels: Array(pixels[0..<(kept * Self.pixelCount)]), labels: Array(labels[0..<kept]))
    }

    /// The images at `indices` as a `Dataset` with ten classes and one-hot targets.
    public func dataset(name: String, indices: [Int]? = nil) -> Dataset {
        let chosen = indices ?? Array(0..<count)
        return Dataset(
            name: name, inputs: inputs(at: chosen), labels: chosen.map { labels[$0] },
            classCount: Self.classCount, featureNames: (0..<Self.pixelCount).map { "pixel\($0)" })
    }
}
