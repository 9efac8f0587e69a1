import Testing
@testable import Engine

/// Convolution and max pooling: their forward rules on hand-made images, and their gradients
/// against finite differences, at padded borders and at pooling ties.
@Suite struct ConvolutionTests {
    /// A 2-channel 5×5 image per sample.
    let image = ImageShape(channels: 2, height: 5, width: 5)

    func convolution(padding: Int, size: Int = 3, filters: Int = 3, activation: Activation = .tanh, seed: UInt64 = 1) -> ConvolutionLayer {
        ConvolutionLayer(
            weights: randomMatrix(image.channels * size * size, filters, seed: seed).map { 0.4 * $0 },
            bias: randomMatrix(1, filters, seed: seed + 1).map { 0.1 * $0 }, activation: activation, input: image, size: size,
            padding: padding)
    }

    @Test func eachOutputPixelIsItsWindowTimesTheFilterPlusTheBias() {
        let layer = convolution(padding: 1)
        let batch = randomMatrix(2, image.count, seed: 3)
        var buffers = LayerBuffers()
        var context = PassContext.evaluation
        layer.forward(batch, into: &buffers, context: &context)
        #expect(layer.output == ImageShape(channels: 3, height: 5, width: 5))
        // Sample 1, filter 2, pixel (0, 3): the window hangs over the top border, where zeros stand.
        var expected = layer.bias[0, 2]
        for c in 0..<2 {
            for u in 0..<3 {
                for v in 0..<3 {
                    let (y, x) = (0 + u - 1, 3 + v - 1)
                    guard y >= 0, y < 5, x >= 0, x < 5 else { continue }
                    expected += layer.weights[c * 9 + u * 3 + v, 2] * batch[1, c * 25 + y * 5 + x]
                }
            }
        }
        #expect(abs(buffers.net[1, 2 * 25 + 0 * 5 + 3] - expected) < 1e-14)
        #expect(buffers.output[1, 2 * 25 + 3] == _tanhForTests(buffers.net[1, 2 * 25 + 3]))
    }

    @Test(arguments: [(0, 3), (1, 3), (0, 8), (0, 11), (0, 16)])
    func convolutionGradientsMatchFiniteDifferences(padding: Int, filters: Int) {
        let layer = convolution(padding: padding, filters: filters)
        let network = Network(layers: [
            layer,
            DenseLayer(weights: randomMatrix(layer.outputCount, 2, seed: 7).map { 0.3 * $0 }, bias: randomMatrix(1, 2, seed: 8), activation: .sigmoid),
        ])
        let data = LabeledData(inputs: randomMatrix(3, image.count, seed: 9), targets: Matrix(rows: 3, columns: 2) { r, c in Double((r + c) % 2) })
        let entries = GradientCheck.compare(network, on: data, loss: .binaryCrossEntropy)
        let worst = entries.max { $0.relativeError < $1.relativeError }!
        #expect(worst.relativeError < 1e-6, "worst: \(worst)")
        #expect(entries.count == 2 * 9 * filters + filters + layer.outputCount * 2 + 2)
    }

    /// The input gradient (what a layer before receives) checked through a first convolution.
    @Test func twoConvolutionsAndAPoolPassTheCheck() {
        let first = convolution(padding: 1, filters: 2, activation: .relu, seed: 11)
        let second = ConvolutionLayer(
            weights: randomMatrix(2 * 4, 2, seed: 13).map { 0.5 * $0 }, bias: Matrix(rows: 1, columns: 2), activation: .tanh,
            input: ImageShape(channels: 2, height: 5, width: 5), size: 2, padding: 0)
        let pool = MaxPoolingLayer(input: second.output, size: 2)
        let network = Network(layers: [
            first, second, pool,
            DenseLayer(weights: randomMatrix(pool.outputCount, 1, seed: 14), bias: Matrix(scalar: 0.1), activation: .sigmoid),
        ])
        let data = LabeledData(inputs: randomMatrix(4, image.count, seed: 15), targets: Matrix([[1.0], [0.0], [1.0], [0.0]]))
        let entries = GradientCheck.compare(network, on: data, loss: .binaryCrossEntropy)
        let worst = entries.max { $0.relativeError < $1.relativeError }!
        #expect(worst.relativeError < 1e-5, "worst: \(worst)")
    }

    /// The spelled-out pixel is the first filter's largest net input in the first sample, and
    /// its window times the filter plus the bias gives it, even after the weights have moved on.
    @Test func theRecordedPixelIsItsWindowTimesTheFilterPlusTheBias() throws {
        var layer = convolution(padding: 0, size: 3, filters: 2)
        let batch = randomMatrix(3, image.count, seed: 21)
        var buffers = LayerBuffers()
        var context = PassContext.evaluation
        layer.forward(batch, into: &buffers, context: &context)
        layer.weights = layer.weights.map { $0 + 1 }  // an update after the pass
        let quantities = Dictionary(uniqueKeysWithValues: layer.forwardQuantities(buffers).map { ($0.symbol, $0.value) })
        let (window, filter) = (try #require(quantities["window"]), try #require(quantities["filter"]))
        #expect(window.rows == 6 && window.columns == 3)
        let sum = zip(window.values, filter.values).reduce(0) { $0 + $1.0 * $1.1 } + quantities["bias"]!.scalar
        #expect(abs(sum - quantities["pixel"]!.scalar) < 1e-14)
        let firstMap = (0..<9).map { buffers.net[0, $0] }
        #expect(quantities["pixel"]!.scalar == firstMap.max())
        let place = quantities["where"]!
        #expect(buffers.net[0, Int(place[0, 0] - 1) * 3 + Int(place[0, 1] - 1)] == firstMap.max())
    }

    /// The C kernels give the same bits on one thread and two, in the AVX2 and the baseline
    /// versions: each entry is summed in one documented order whoever computes it.
    /// Padding 1 takes the kernels' general loops; padding 0 with eight filters their tiled
    /// ones (4 window entries × 8 filters in registers).
    @Test(arguments: [(1, 4), (0, 8), (0, 12), (0, 16), (0, 32)])
    func theKernelsGiveTheSameBitsOnOneOrTwoThreadsAndWithoutAVX2(padding: Int, filters: Int) {
        let layer = convolution(padding: padding, size: 3, filters: filters, activation: .relu)
        let batch = randomMatrix(7, image.count, seed: 31)
        func pass(threads: Int, baseline: Bool) -> [Matrix] {
            Kernels.withSettings(threads: threads, baseline: baseline) {
                let (buffers, gradient) = passBothWays(layer, batch, sensitivitySeed: 32)
                return [buffers.net, buffers.parameterGradients[0], buffers.parameterGradients[1], gradient!]
            }
        }
        let reference = pass(threads: 2, baseline: false)
        #expect(pass(threads: 1, baseline: false) == reference)
        #expect(pass(threads: 1, baseline: true) == reference)
        #expect(pass(threads: 2, baseline: true) == reference)
    }

    /// Shapes for the tiled kernels: filters, and a channels × height × width image under a
    /// `size` × `size` filter. The first three reach the AVX2 tiles (4 pixels × 8 filters and 2 × 16
    /// with a ragged end of the row, 4-entry weight-gradient tiles with 1–3 left over, register
    /// blocks of the window gradient); the last two the AVX-512 ones (8 pixels × 8 filters and
    /// 4 × 32 with a ragged end, 8-entry weight tiles with 3 left over, and 64-entry window
    /// blocks: 75 entries, 64 + 8 + 3).
    static let tiledShapes: [(filters: Int, channels: Int, height: Int, width: Int, size: Int)] = [
        (8, 2, 7, 9, 3), (16, 2, 7, 9, 3), (24, 2, 7, 9, 3), (8, 3, 7, 14, 5), (32, 3, 7, 11, 5),
    ]

    /// Every path of the kernels sums each entry in the documented order: equal, bit for bit, to a
    /// plain loop in that order.
    @Test(arguments: tiledShapes)
    func theTiledKernelsSumInTheDocumentedOrder(shape tiled: (filters: Int, channels: Int, height: Int, width: Int, size: Int)) {
        let (filters, channels, k) = (tiled.filters, tiled.channels, tiled.size)
        let shape = ImageShape(channels: channels, height: tiled.height, width: tiled.width)
        let (outHeight, outWidth) = (tiled.height - k + 1, tiled.width - k + 1)
        let (window, plane) = (channels * k * k, tiled.height * tiled.width)
        let layer = ConvolutionLayer(
            weights: randomMatrix(window, filters, seed: 5).map { 0.4 * $0 }, bias: randomMatrix(1, filters, seed: 6),
            activation: .linear, input: shape, size: k, padding: 0)
        let batch = randomMatrix(3, shape.count, seed: 7)
        let (buffers, gradient) = passBothWays(layer, batch, sensitivitySeed: 8)
        let pixels = outHeight * outWidth
        /// Where window entry `e` of output pixel (y, x) reads the image.
        func at(_ e: Int, _ y: Int, _ x: Int) -> Int {
            let (c, u, v) = (e / (k * k), e / k % k, e % k)
            return c * plane + (y + u) * tiled.width + x + v
        }
        var (net, inputGradient) = (Matrix(rows: 3, columns: layer.outputCount), Matrix(rows: 3, columns: shape.count))
        for sample in 0..<3 {
            for y in 0..<outHeight {
                for x in 0..<outWidth {
                    var windowGradient = [Double](repeating: 0, count: window)
                    for f in 0..<filters {
                        var sum = 0.0
                        for e in 0..<window { sum += batch[sample, at(e, y, x)] * layer.weights[e, f] }
                        net[sample, f * pixels + y * outWidth + x] = sum + layer.bias[0, f]
                    }
                    for e in 0..<window {
                        for f in 0..<filters {
                            windowGradient[e] += buffers.sensitivity[sample, f * pixels + y * outWidth + x] * layer.weights[e, f]
                        }
                    }
                    for e in 0..<window { inputGradient[sample, at(e, y, x)] += windowGradient[e] }
                }
            }
        }
        #expect(buffers.net == net)
        #expect(gradient! == inputGradient)
        // The weight gradient: each half of the batch (2 samples and 1) summed sample by sample,
        // pixel by pixel, the halves added.
        let halves = [0..<2, 2..<3].map { range -> Matrix in
            var sums = Matrix(rows: window, columns: filters)
            for sample in range {
                for e in 0..<window {
                    for f in 0..<filters {
                        for y in 0..<outHeight {
                            for x in 0..<outWidth {
                                sums[e, f] += batch[sample, at(e, y, x)] * buffers.sensitivity[sample, f * pixels + y * outWidth + x]
                            }
                        }
                    }
                }
            }
            return sums
        }
        #expect(buffers.parameterGradients[0].values == zip(halves[0].values, halves[1].values).map { ($0 + $1) / 3 })
    }

    /// Tiles of 3 on a 1 × 7 × 8 image (a row and two columns dropped), ties in reading order,
    /// and a batch large enough to be split over two threads, equal to one thread's.
    @Test func poolingOfAnySizeOnOneOrTwoThreads() {
        let pool = MaxPoolingLayer(input: ImageShape(channels: 1, height: 7, width: 8), size: 3)
        #expect(pool.output == ImageShape(channels: 1, height: 2, width: 2))
        var row = [Double](repeating: 0, count: 56)
        row[1 * 8 + 1] = 4; row[2 * 8 + 0] = 4  // tile (0, 0): the 4 at (1, 1) comes first
        row[0 * 8 + 5] = -1; row[2 * 8 + 3] = 6  // tile (0, 1): 6 at (2, 3)
        row[5 * 8 + 2] = 2  // tile (1, 0); tile (1, 1) all zeros: its first entry (3, 3)
        row[6 * 8 + 7] = 99  // dropped: row 6 and columns 6–7 fill no tile
        var buffers = LayerBuffers()
        var context = PassContext.evaluation
        pool.forward(Matrix(row: row), into: &buffers, context: &context)
        #expect(buffers.output == Matrix(row: [4, 6, 2, 0]))
        buffers.sensitivity = Matrix(row: [1, 2, 3, 4])
        var gradient: Matrix? = Matrix(rows: 0, columns: 0)
        pool.backward(Matrix(row: row), buffers: &buffers, count: 1, inputGradient: &gradient)
        var expected = [Double](repeating: 0, count: 56)
        expected[1 * 8 + 1] = 1; expected[2 * 8 + 3] = 2; expected[5 * 8 + 2] = 3; expected[3 * 8 + 3] = 4
        #expect(gradient!.values == expected)

        let large = MaxPoolingLayer(input: ImageShape(channels: 8, height: 24, width: 24), size: 2)
        let batch = randomMatrix(9, large.inputCount, seed: 9).map { ($0 * 4).rounded() }  // many ties
        func pass(threads: Int) -> [Matrix] {
            Kernels.withSettings(threads: threads) {
                let (buffers, gradient) = passBothWays(large, batch, sensitivitySeed: 10)
                return [buffers.output, gradient!]
            }
        }
        #expect(pass(threads: 1) == pass(threads: 2))
    }

    /// The trace's windows and sensitivities give the weight gradient the kernel computed.
    @Test func theRecordedPatchesGiveTheWeightGradient() throws {
        let layer = convolution(padding: 1, size: 3, filters: 2)
        let batch = randomMatrix(3, image.count, seed: 41)
        let buffers = passBothWays(layer, batch, sensitivitySeed: 42, inputGradient: false).buffers
        let quantities = Dictionary(uniqueKeysWithValues: layer.backwardQuantities(buffers).map { ($0.symbol, $0.value) })
        let patches = try #require(quantities["patches"]), sensitivities = try #require(quantities["spatch"])
        #expect(patches.rows == 3 * 25 && patches.columns == 18 && sensitivities.columns == 2)
        expectClose(patches.transposed.matmul(sensitivities).map { $0 / 3 }, buffers.parameterGradients[0], tolerance: 1e-13)
    }

    @Test func poolingKeepsTheLargestAndATieGoesToTheFirstInReadingOrder() {
        let pool = MaxPoolingLayer(input: ImageShape(channels: 1, height: 4, width: 5), size: 2)
        #expect(pool.output == ImageShape(channels: 1, height: 2, width: 2))
        let batch = Matrix(row: [
            1, 7, 3, 3, 9,
            2, 7, 3, 3, 9,
            0, -1, 5, 2, 9,
            -2, -3, 4, 5, 9,
        ])
        var buffers = LayerBuffers()
        var context = PassContext.evaluation
        pool.forward(batch, into: &buffers, context: &context)
        // The fifth column does not fill a tile and is dropped.
        #expect(buffers.output == Matrix(row: [7, 3, 0, 5]))
        buffers.sensitivity = Matrix(row: [10, 20, 30, 40])
        var gradient: Matrix? = Matrix(rows: 0, columns: 0)
        pool.backward(batch, buffers: &buffers, count: 1, inputGradient: &gradient)
        // Ties: 7 at (0, 1) and (1, 1) → (0, 1); four 3s → (0, 2); 5 at (2, 2) and (3, 3) → (2, 2).
        #expect(gradient! == Matrix(row: [
            0, 10, 20, 0, 0,
            0, 0, 0, 0, 0,
            30, 0, 40, 0, 0,
            0, 0, 0, 0, 0,
        ]))
    }

    @Test func aFilterLargerThanItsInputIsRefused() throws {
        #expect(throws: LayerShapeError("a 7×7 filter is larger than its 2×5×5 input")) {
            _ = try ConvolutionLayer(input: LayerInput(count: 50, image: image), settings: ["size": 7, "filters": 2], activation: .relu)
        }
        #expect(throws: LayerShapeError("'same' padding centres the filter on each pixel, so its size must be odd, not 4")) {
            _ = try ConvolutionLayer(input: LayerInput(count: 50, image: image), settings: ["size": 4, "padding": 1], activation: .relu)
        }
        let same = try ConvolutionLayer(input: LayerInput(count: 50, image: image), settings: ["size": 7, "padding": 1, "filters": 4], activation: .relu)
        #expect(same.output == ImageShape(channels: 4, height: 5, width: 5))
    }
}

/// `layer`'s forward pass on `batch` in evaluation mode, then its backward pass from random
/// sensitivities drawn with `sensitivitySeed`: the buffers, and the input gradient when asked.
private func passBothWays(
    _ layer: some Layer, _ batch: Matrix, sensitivitySeed: UInt64, inputGradient wanted: Bool = true
) -> (buffers: LayerBuffers, inputGradient: Matrix?) {
    var buffers = LayerBuffers()
    var context = PassContext.evaluation
    layer.forward(batch, into: &buffers, context: &context)
    buffers.sensitivity = randomMatrix(batch.rows, layer.outputCount, seed: sensitivitySeed)
    var gradient: Matrix? = wanted ? Matrix(rows: 0, columns: 0) : nil
    layer.backward(batch, buffers: &buffers, count: Double(batch.rows), inputGradient: &gradient)
    return (buffers, gradient)
}

private func _tanhForTests(_ x: Double) -> Double { Activation.tanh.apply(Matrix(scalar: x)).scalar }
