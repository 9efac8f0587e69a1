import MatrixKernels

/// Max pooling: each channel cut into `size × size` tiles (stride `size`), each tile
/// replaced by its largest entry. Rows and columns that do not fill a tile are dropped.
///
/// ```
/// a(c, y, x) = max_{u,v < size} h(c, size·y + u, size·x + v)
/// ∂Lᵢ/∂h = ∂Lᵢ/∂a at the tile's largest entry, 0 elsewhere
/// ```
/// A tie goes to the first largest entry in reading order (row by row), which alone receives
/// the gradient. For layer `k` the trace records, for the batch's first sample and first
/// channel, the tile whose output is largest as `windowk` and its output as `pixelk`.
public struct MaxPoolingLayer: ConfigurableLayer, Hashable {
    public static let name = "pool"
    public static let listOrder = 40
    public static let summary = "keeps the largest entry of each size × size tile of every channel"
    public static let settings = [
        LayerSetting("size", range: 2...8, whole: true, default: 2, meaning: "the side of each tile, also the stride")
    ]

    /// The input image shape.
    public let input: ImageShape
    /// The side of a tile.
    public let size: Int

    /// Pooling `input` in tiles of `size`.
    public init(input: ImageShape, size: Int) {
        require(input.height >= size && input.width >= size, "MaxPoolingLayer: \(size)×\(size) tiles do not fit \(input)")
        self.input = input
        self.size = size
    }

    public init(input: LayerInput, settings: [String: Double], activation: Activation) throws(LayerShapeError) {
        guard let image = input.image else {
            throw LayerShapeError("pooling needs images: begin 'layers' with 'input: [channels, height, width]', and put no dense layer before it")
        }
        let size = Int(settings["size"] ?? 2)
        guard image.height >= size, image.width >= size else {
            throw LayerShapeError("\(size)×\(size) tiles are larger than the \(image) input")
        }
        self.init(input: image, size: size)
    }

    /// `C × ⌊H/size⌋ × ⌊W/size⌋`.
    public var output: ImageShape {
        ImageShape(channels: input.channels, height: input.height / size, width: input.width / size)
    }
    public var outputImage: ImageShape? { output }
    public var inputCount: Int { input.count }
    public var outputCount: Int { output.count }
    var kernelShape: mk_pool_shape {
        mk_pool_shape(channels: input.channels, height: input.height, width: input.width, size: size)
    }

    /// `MaxPool(8×24×24 → 8×12×12)`.
    public var description: String { "MaxPool(\(input) → \(output))" }

    /// `buffers.kept[0]`: for each output entry, the input column of its tile's largest entry;
    /// `buffers.kept[1]`: the first channel of the first sample, for the trace's window.
    public func forward(_ batch: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        let (height, width, outCount) = (input.height, input.width, output.count)
        if buffers.kept.count != 2 { buffers.kept = [Matrix(rows: 0, columns: 0), Matrix(rows: 0, columns: 0)] }
        buffers.kept[1] = batch.rows == 0 ? Matrix(rows: 0, columns: 0)
            : Matrix(rows: height, columns: width) { y, x in batch[0, y * width + x] }
        buffers.output.prepare(rows: batch.rows, columns: outCount)
        buffers.kept[0].prepare(rows: batch.rows, columns: outCount)
        var shape = kernelShape
        batch.values.withUnsafeBufferPointer { source in
            buffers.output.values.withUnsafeMutableBufferPointer { target in
                buffers.kept[0].values.withUnsafeMutableBufferPointer { chosen in
                    guard let h = source.baseAddress, let a = target.baseAddress, let chosen = chosen.baseAddress else { return }
                    mk_max_pool_forward(&shape, batch.rows, h, a, chosen)
                }
            }
        }
    }

    public func backward(_ batch: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        guard inputGradient != nil else { return }
        inputGradient!.prepare(rows: batch.rows, columns: input.count)
        var shape = kernelShape
        inputGradient!.values.withUnsafeMutableBufferPointer { g in
            buffers.sensitivity.values.withUnsafeBufferPointer { s in
                buffers.kept[0].values.withUnsafeBufferPointer { chosen in
                    guard let g = g.baseAddress, let s = s.baseAddress, let chosen = chosen.baseAddress else { return }
                    mk_max_pool_backward(&shape, batch.rows, s, chosen, g)
                }
            }
        }
    }

    public func forwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        guard buffers.output.rows > 0, buffers.kept.count == 2 else { return [("a", buffers.output)] }
        let out = output, plane = out.height * out.width
        var best = 0
        for entry in 0..<plane where buffers.output[0, entry] > buffers.output[0, best] { best = entry }
        let (y, x) = (best / out.width, best % out.width)
        let plane0 = buffers.kept[1]
        let window = Matrix(rows: size, columns: size) { u, v in plane0[y * size + u, x * size + v] }
        return [("a", buffers.output), ("window", window), ("pixel", Matrix(scalar: buffers.output[0, best]))]
    }
}

@used @section("lessons_layers")
private let registration: RegistryRecord = { MaxPoolingLayer.registryRecord }
