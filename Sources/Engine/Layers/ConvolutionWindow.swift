/// One output pixel of a convolution, spelled out for a relation a lesson can check: for the
/// batch's first sample and the first filter, the pixel where that filter responds most
/// (the largest net input; the first such pixel in reading order), the window of the input
/// it sees, the filter, its bias and the net input there.
///
/// ```
/// pixel = Σ (window ⊙ filter) + bias        (channels stacked: C·size rows × size columns)
/// ```
/// Recorded for layer `k` as `windowk`, `filterk`, `biask`, `pixelk` and `wherek` (the
/// pixel's row and column, from 1).
struct ConvolutionWindow {
    /// The quantities, by symbol; none before a forward pass.
    let quantities: [(symbol: String, value: Matrix)]

    init(_ layer: ConvolutionLayer, _ buffers: LayerBuffers) {
        guard buffers.kept.count >= 4, buffers.kept[1].rows > 0 else {
            quantities = []
            return
        }
        let (patches, pixelRows) = (buffers.kept[0], buffers.kept[1])
        let out = layer.output, k = layer.size, channels = layer.input.channels
        let pixels = out.height * out.width
        var best = 0
        for pixel in 0..<pixels where pixelRows[pixel, 0] > pixelRows[best, 0] { best = pixel }
        let window = Matrix(rows: channels * k, columns: k) { row, column in patches[best, row * k + column] }
        let used = buffers.kept[3]
        let filter = Matrix(rows: channels * k, columns: k) { row, column in used[row * k + column, 0] }
        quantities = [
            ("window", window), ("filter", filter), ("bias", Matrix(scalar: used[used.rows - 1, 0])),
            ("pixel", Matrix(scalar: pixelRows[best, 0])),
            ("where", Matrix(row: [Double(best / out.width + 1), Double(best % out.width + 1)])),
        ]
    }
}
