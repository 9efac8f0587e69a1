/// The shape of one image in a batch: channels × height × width.
///
/// A batch of images is a matrix with one sample per row, each image flattened channel by
/// channel and, within a channel, row by row: pixel `(c, y, x)` of sample `i` is entry
/// `(i, c·height·width + y·width + x)`. MNIST's 28 × 28 grey images are `(1, 28, 28)`, and a
/// dense layer after a convolution reads that same row as its input vector (flattening costs
/// nothing).
public struct ImageShape: Sendable, Hashable, CustomStringConvertible {
    /// The number of channels (1 for grey images, the number of filters after a convolution).
    public var channels: Int
    /// The number of pixel rows.
    public var height: Int
    /// The number of pixel columns.
    public var width: Int

    /// Creates a shape.
    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// The number of entries of one image, `channels · height · width`.
    public var count: Int { channels * height * width }

    /// `1×28×28`.
    public var description: String { "\(channels)×\(height)×\(width)" }
}

/// What a configurable layer is built on: the size of the layer before it, and its image
/// shape when that layer's outputs are images.
public struct LayerInput: Sendable, Hashable {
    /// The number of inputs per sample.
    public var count: Int
    /// The image shape of those inputs, if they are images.
    public var image: ImageShape?

    /// Flat inputs, or images.
    public init(count: Int, image: ImageShape? = nil) {
        self.count = image?.count ?? count
        self.image = image
    }
}

/// A layer that cannot be built on its input (a filter larger than the image), in words a
/// lesson's error can carry.
public struct LayerShapeError: Error, Sendable, Equatable {
    /// What does not fit.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
