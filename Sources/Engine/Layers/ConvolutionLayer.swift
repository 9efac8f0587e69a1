/// A 2-D convolution with stride 1: `filters` filters of `size × size` pixels over every
/// channel, each sliding over the image, plus a bias per filter, then the activation.
///
/// ```
/// nᶠ(y, x) = Σ_c Σ_{u,v} Wᶠ(c, u, v) · a(c, y + u − p, x + v − p) + bᶠ      a_out = f(n)
/// ```
/// with `p = 0` (`valid`: the output shrinks by `size − 1`) or `p = (size − 1)/2` (`same`,
/// odd sizes: pixels outside the image count as 0). It is computed as one matrix product
/// (im2col): each output pixel's window becomes a row of `patches`, `(m·H'·W') × (C·size²)`,
/// and `patches · W + b` gives every filter at every pixel. `W` is `(C·size²) × filters`:
/// column `f` is filter `f`, channel by channel, row by row. The backward pass is the same
/// product read the other way:
/// ```
/// ∂ℒ/∂W = patchesᵀ S / m      ∂ℒ/∂b = Σ S / m      ∂Lᵢ/∂patches = S Wᵀ, added back onto the pixels
/// ```
/// with `S` the sensitivities `∂Lᵢ/∂n`, one row per output pixel.
public struct ConvolutionLayer: ConfigurableLayer, Hashable {
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
    public var parameters: [Matrix] { [weights, bias] }
    public var parameterSymbols: [String] { ["W", "b"] }
    public func parameter(at index: Int) -> Matrix { index == 0 ? weights : bias }
    public mutating func swapParameters(with values: inout [Matrix]) {
        swap(&weights, &values[0])
        swap(&bias, &values[1])
    }

    /// `Conv(1×28×28 → 8×24×24, 5×5, relu)`.
    public var description: String { "Conv(\(input) → \(output), \(size)×\(size), \(activation))" }

    /// `buffers.kept`: the patches and the net input one row per output pixel, the
    /// sensitivities in those rows (after the backward pass), and the first filter and bias.
    public func forward(_ batch: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        require(batch.columns == inputCount, "ConvolutionLayer \(self): input \(batch.shapeDescription) is not \(inputCount) pixels per sample")
        if buffers.kept.count != 4 { buffers.kept = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: 4) }
        // The first filter and its bias as this pass used them, for the trace (which records
        // after the update).
        buffers.kept[3] = Matrix(rows: weights.rows + 1, columns: 1) { row, _ in row < weights.rows ? weights[row, 0] : bias[0, 0] }
        imageToColumns(batch, into: &buffers.kept[0])
        Matrix.multiply(buffers.kept[0], weights, into: &buffers.kept[1])
        buffers.kept[1].addToEachRow(bias)
        pixelsToRows(buffers.kept[1], samples: batch.rows, into: &buffers.net)
        activation.apply(buffers.net, into: &buffers.output)
    }

    /// `∂Lᵢ/∂n = ∂Lᵢ/∂a ⊙ f'(n)`.
    public func receive(_ buffers: inout LayerBuffers) {
        activation.backward(&buffers.sensitivity, net: buffers.net, output: buffers.output)
    }

    public func backward(_ batch: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        rowsToPixels(buffers.sensitivity, into: &buffers.kept[2])
        buffers.holdParameterGradients(2)
        Matrix.multiply(buffers.kept[0], buffers.kept[2], transposingLeft: true, into: &buffers.parameterGradients[0], dividingBy: count)
        buffers.kept[2].sumOfColumns(into: &buffers.parameterGradients[1])
        buffers.parameterGradients[1].divide(by: count)
        guard inputGradient != nil else { return }
        var patchGradient = Matrix(rows: 0, columns: 0)
        Matrix.multiply(buffers.kept[2], weights, transposingRight: true, into: &patchGradient)
        columnsToImage(patchGradient, samples: batch.rows, into: &inputGradient!)
    }

    public func forwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        [("n", buffers.net), ("a", buffers.output)] + ConvolutionWindow(self, buffers).quantities
    }

    public func backwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        [("s", buffers.sensitivity), ("patches", buffers.kept.first ?? Matrix(rows: 0, columns: 0)),
         ("spatch", buffers.kept.count > 2 ? buffers.kept[2] : Matrix(rows: 0, columns: 0))]
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

    /// The patch gradients added back onto the pixels they came from (the transpose of
    /// `imageToColumns`).
    func columnsToImage(_ patchGradient: Matrix, samples: Int, into gradient: inout Matrix) {
        let (outHeight, outWidth, k, p) = (output.height, output.width, size, padding)
        let (channels, height, width, imageCount) = (input.channels, input.height, input.width, input.count)
        let plane = height * width
        gradient.prepare(rows: samples, columns: imageCount)
        gradient.values.withUnsafeMutableBufferPointer { target in
            guard let g = target.baseAddress else { return }
            g.update(repeating: 0, count: target.count)
            patchGradient.values.withUnsafeBufferPointer { source in
                guard var row = source.baseAddress else { return }
                for sample in 0..<samples {
                    let image = g + sample * imageCount
                    for oy in 0..<outHeight {
                        for ox in 0..<outWidth {
                            for c in 0..<channels {
                                let channel = image + c * plane
                                for u in 0..<k {
                                    let y = oy + u - p
                                    if y >= 0 && y < height {
                                        let line = channel + y * width
                                        for v in 0..<k {
                                            let xx = ox + v - p
                                            if xx >= 0 && xx < width { line[xx] += row[v] }
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

    /// `(m·H'·W') × F` (one row per pixel) to `m × (F·H'·W')` (one row per sample, channel by channel).
    func pixelsToRows(_ pixelRows: Matrix, samples: Int, into rows: inout Matrix) {
        let pixels = output.height * output.width, filters = self.filters
        rows.prepare(rows: samples, columns: filters * pixels)
        pixelRows.values.withUnsafeBufferPointer { source in
            rows.values.withUnsafeMutableBufferPointer { target in
                for sample in 0..<samples {
                    for pixel in 0..<pixels {
                        let from = (sample * pixels + pixel) * filters
                        let to = sample * filters * pixels + pixel
                        for f in 0..<filters { target[to + f * pixels] = source[from + f] }
                    }
                }
            }
        }
    }

    /// The inverse of `pixelsToRows`.
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
