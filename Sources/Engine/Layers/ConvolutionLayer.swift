import MatrixKernels

/// A 2-D convolution with stride 1: `filters` filters of `size × size` pixels over every
/// channel, each sliding over the image, plus a bias per filter, then the activation.
///
/// ```
/// nᶠ(y, x) = Σ_c Σ_{u,v} Wᶠ(c, u, v) · a(c, y + u − p, x + v − p) + bᶠ      a_out = f(n)
/// ```
/// with `p = 0` (`valid`: the output shrinks by `size − 1`) or `p = (size − 1)/2` (`same`,
/// odd sizes: pixels outside the image count as 0). `W` is `(C·size²) × filters`: column `f`
/// is filter `f`, channel by channel, row by row. As a matrix product (im2col), each output
/// pixel's window is a row of `patches`, `(m·H'·W') × (C·size²)`, and
/// ```
/// n = patches · W + b      ∂ℒ/∂W = patchesᵀ S / m      ∂ℒ/∂b = Σ S / m      ∂Lᵢ/∂patches = S Wᵀ
/// ```
/// with `S` the sensitivities `∂Lᵢ/∂n`, one row per output pixel. The passes compute the same
/// sums directly on the images (`mk_conv_forward`, `mk_conv_backward` in C, the batch split
/// over two threads), which measured faster than copying the windows out; the trace builds
/// `patches` and `S` for the relations that check them.
public struct ConvolutionLayer: ConfigurableLayer, WeightedLayer, Hashable {
    public static let name = "conv"
    public static let listOrder = 30
    public static let usesActivation = true
    public static let summary = "filters sliding over images: each output pixel is the sum over its window of input ⊙ filter plus the filter's bias, then the activation"
    public static let settings = [
        LayerSetting("filters", range: 1...1024, whole: true, default: 8, meaning: "the number of filters, the output's channels"),
        LayerSetting("size", range: 1...15, whole: true, default: 3, meaning: "the side of each square filter in pixels"),
        LayerSetting("padding", choices: ["valid", "same"], meaning: "'valid' keeps only windows inside the image; 'same' pads with zeros so the output keeps the input's size"),
    ]

    /// The filters, `(C·size²) × filters`.
    public var weights: Matrix
    /// One bias per filter, `1 × filters`.
    public var bias: Matrix
    /// The activation.
    public var activation: Activation
    /// The input image shape.
    public let input: ImageShape
    /// The side of a filter.
    public let size: Int
    /// The zero padding on each side.
    public let padding: Int

    /// A layer with the given filters (`(C·size²) × filters`) on images of shape `input`.
    public init(weights: Matrix, bias: Matrix, activation: Activation, input: ImageShape, size: Int, padding: Int) {
        require(weights.rows == input.channels * size * size, "ConvolutionLayer: weights \(weights.shapeDescription) do not fit \(input.channels) channels of \(size)×\(size)")
        require(bias.rows == 1 && bias.columns == weights.columns, "ConvolutionLayer: bias \(bias.shapeDescription) does not fit \(weights.columns) filters")
        require(input.height + 2 * padding >= size && input.width + 2 * padding >= size, "ConvolutionLayer: a \(size)×\(size) filter is larger than the \(input) input")
        self.weights = weights
        self.bias = bias
        self.activation = activation
        self.input = input
        self.size = size
        self.padding = padding
    }

    /// A layer of zero filters on `input` (the model cell then draws them with its `init`,
    /// for `C·size²` inputs and `filters` outputs).
    public init(input: LayerInput, settings: [String: Double], activation: Activation) throws(LayerShapeError) {
        guard let image = input.image else {
            throw LayerShapeError("a convolution needs images: begin 'layers' with 'input: [channels, height, width]', and put no dense layer before it")
        }
        let size = Int(settings["size"] ?? 3), filters = Int(settings["filters"] ?? 8)
        let same = (settings["padding"] ?? 0) == 1
        guard !same || size % 2 == 1 else {
            throw LayerShapeError("'same' padding centres the filter on each pixel, so its size must be odd, not \(size)")
        }
        let padding = same ? (size - 1) / 2 : 0
        guard image.channels * size * size * filters <= 50_000_000 else {
            throw LayerShapeError("\(filters) filters of \(image.channels)×\(size)×\(size) are more than 50 million weights")
        }
        guard image.height + 2 * padding >= size, image.width + 2 * padding >= size else {
            throw LayerShapeError("a \(size)×\(size) filter is larger than its \(image) input")
        }
        self.init(
            weights: Matrix(rows: image.channels * size * size, columns: filters), bias: Matrix(rows: 1, columns: filters),
            activation: activation, input: image, size: size, padding: padding)
    }

    /// The number of filters.
    public var filters: Int { weights.columns }
    /// The output image shape.
    public var outputImage: ImageShape? { output }
    /// The output image shape, `filters × H' × W'`.
    public var output: ImageShape {
        ImageShape(channels: filters, height: input.height + 2 * padding - size + 1, width: input.width + 2 * padding - size + 1)
    }
    public var inputCount: Int { input.count }
    public var outputCount: Int { output.count }
    /// `C·size²` for each of the `F × OH × OW` outputs.
    public var multiplyAdds: Int { weights.rows * output.count }

    /// `Conv(1×28×28 → 8×24×24, 5×5, relu)`.
    public var description: String { "Conv(\(input) → \(output), \(size)×\(size), \(activation))" }

    /// The kernels' description of this layer's shape.
    var kernelShape: mk_conv_shape {
        mk_conv_shape(channels: input.channels, height: input.height, width: input.width, filters: filters, size: size, padding: padding)
    }

    /// `buffers.kept`: the batch (shared, not copied) and the first filter and its bias as
    /// this pass used them, for the trace (which records after the update).
    public func forward(_ batch: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        require(batch.columns == inputCount, "ConvolutionLayer \(self): input \(batch.shapeDescription) is not \(inputCount) pixels per sample")
        buffers.kept = [
            batch, Matrix(rows: weights.rows + 1, columns: 1) { row, _ in row < weights.rows ? weights[row, 0] : bias[0, 0] },
        ]
        buffers.net.prepare(rows: batch.rows, columns: outputCount)
        var shape = kernelShape
        var written: Int32 = 1
        batch.values.withUnsafeBufferPointer { x in
            weights.values.withUnsafeBufferPointer { w in
                bias.values.withUnsafeBufferPointer { b in
                    buffers.net.values.withUnsafeMutableBufferPointer { n in
                        guard let x = x.baseAddress, let w = w.baseAddress, let b = b.baseAddress, let n = n.baseAddress else { return }
                        written = mk_conv_forward(&shape, batch.rows, x, w, b, n)
                    }
                }
            }
        }
        require(written != 0, "ConvolutionLayer: out of memory for the forward pass")
        activation.apply(buffers.net, into: &buffers.output)
    }

    /// `∂Lᵢ/∂n = ∂Lᵢ/∂a ⊙ f'(n)`.
    public func receive(_ buffers: inout LayerBuffers) {
        activation.backward(&buffers.sensitivity, net: buffers.net, output: buffers.output)
    }

    public func backward(_ batch: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        buffers.holdParameterGradients(2)
        buffers.parameterGradients[0].prepare(rows: weights.rows, columns: weights.columns)
        buffers.parameterGradients[1].prepare(rows: 1, columns: filters)
        if inputGradient != nil { inputGradient!.prepare(rows: batch.rows, columns: inputCount) }
        var shape = kernelShape
        var (weightGradient, biasGradient) = (Matrix(rows: 0, columns: 0), Matrix(rows: 0, columns: 0))
        swap(&weightGradient, &buffers.parameterGradients[0])
        swap(&biasGradient, &buffers.parameterGradients[1])
        var written: Int32 = 0
        batch.values.withUnsafeBufferPointer { x in
            weights.values.withUnsafeBufferPointer { w in
                buffers.sensitivity.values.withUnsafeBufferPointer { s in
                    weightGradient.values.withUnsafeMutableBufferPointer { dw in
                        biasGradient.values.withUnsafeMutableBufferPointer { db in
                            guard let x = x.baseAddress, let w = w.baseAddress, let s = s.baseAddress, let dw = dw.baseAddress,
                                let db = db.baseAddress
                            else { return }
                            if inputGradient != nil {
                                written = inputGradient!.values.withUnsafeMutableBufferPointer { dx in
                                    mk_conv_backward(&shape, batch.rows, x, w, s, count, dw, db, dx.baseAddress)
                                }
                            } else {
                                written = mk_conv_backward(&shape, batch.rows, x, w, s, count, dw, db, nil)
                            }
                        }
                    }
                }
            }
        }
        require(written != 0 || batch.rows == 0, "ConvolutionLayer: out of memory for the backward pass")
        swap(&weightGradient, &buffers.parameterGradients[0])
        swap(&biasGradient, &buffers.parameterGradients[1])
    }

    public func forwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        [("n", buffers.net), ("a", buffers.output)] + ConvolutionWindow(self, buffers).quantities
    }

    /// Besides `s`, the batch's windows one row per output pixel (`patches`) and the
    /// sensitivities in the same rows (`spatch`), so that `dW = patchesᵀ spatch / m` can be
    /// checked: built for the trace only, the passes never form them.
    public func backwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        guard let batch = buffers.kept.first, batch.rows > 0 else { return [("s", buffers.sensitivity)] }
        var (patches, sensitivities) = (Matrix(rows: 0, columns: 0), Matrix(rows: 0, columns: 0))
        imageToColumns(batch, into: &patches)
        rowsToPixels(buffers.sensitivity, into: &sensitivities)
        return [("s", buffers.sensitivity), ("patches", patches), ("spatch", sensitivities)]
    }

    // MARK: - Layouts

    /// One row per output pixel (sample by sample, row by row), one column per weight of a
    /// filter: the window the filter meets there, zeros outside the image.
    func imageToColumns(_ batch: Matrix, into patches: inout Matrix) {
        let (outHeight, outWidth, k, p) = (output.height, output.width, size, padding)
        let (channels, height, width, imageCount) = (input.channels, input.height, input.width, input.count)
        let pixels = outHeight * outWidth, plane = height * width
        patches.prepare(rows: batch.rows * pixels, columns: channels * k * k)
        batch.values.withUnsafeBufferPointer { source in
            patches.values.withUnsafeMutableBufferPointer { target in
                guard let x = source.baseAddress, var row = target.baseAddress else { return }
                for sample in 0..<batch.rows {
                    let image = x + sample * imageCount
                    for oy in 0..<outHeight {
                        for ox in 0..<outWidth {
                            for c in 0..<channels {
                                let channel = image + c * plane
                                for u in 0..<k {
                                    let y = oy + u - p
                                    if y < 0 || y >= height {
                                        row.update(repeating: 0, count: k)
                                    } else if ox - p >= 0 && ox - p + k <= width {
                                        row.update(from: channel + y * width + ox - p, count: k)
                                    } else {
                                        for v in 0..<k {
                                            let xx = ox + v - p
                                            row[v] = xx >= 0 && xx < width ? channel[y * width + xx] : 0
                                        }
                                    }
                                    row += k
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `m × (F·H'·W')` (one row per sample, channel by channel) to `(m·H'·W') × F` (one row per pixel).
    func rowsToPixels(_ rows: Matrix, into pixelRows: inout Matrix) {
        let pixels = output.height * output.width, filters = self.filters
        pixelRows.prepare(rows: rows.rows * pixels, columns: filters)
        rows.values.withUnsafeBufferPointer { source in
            pixelRows.values.withUnsafeMutableBufferPointer { target in
                for sample in 0..<rows.rows {
                    for pixel in 0..<pixels {
                        let to = (sample * pixels + pixel) * filters
                        let from = sample * filters * pixels + pixel
                        for f in 0..<filters { target[to + f] = source[from + f * pixels] }
                    }
                }
            }
        }
    }
}

@used @section("lessons_layers")
private let registration: RegistryRecord = { ConvolutionLayer.registryRecord }
