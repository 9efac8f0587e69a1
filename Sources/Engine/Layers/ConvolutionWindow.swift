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
        guard buffers.kept.count == 2, buffers.kept[0].rows > 0, buffers.net.rows > 0 else {
            quantities = []
            return
        }
        let (batch, used) = (buffers.kept[0], buffers.kept[1])
        let out = layer.output, image = layer.input, k = layer.size, p = layer.padding
        let pixels = out.height * out.width
        var best = 0
        for pixel in 0..<pixels where buffers.net[0, pixel] > buffers.net[0, best] { best = pixel }
        let (oy, ox) = (best / out.width, best % out.width)
        // Channel c's rows stacked: row c·k + u, column v is input pixel (c, oy + u − p, ox + v − p).
        let window = Matrix(rows: image.channels * k, columns: k) { row, v in
            let (c, u) = (row / k, row % k)
            let (y, x) = (oy + u - p, ox + v - p)
            guard y >= 0, y < image.height, x >= 0, x < image.width else { return 0 }
            return batch[0, (c * image.height + y) * image.width + x]
        }
        let filter = Matrix(rows: image.channels * k, columns: k) { row, column in used[row * k + column, 0] }
        quantities = [
            ("window", window), ("filter", filter), ("bias", Matrix(scalar: used[used.rows - 1, 0])),
            ("pixel", Matrix(scalar: buffers.net[0, best])),
            ("where", Matrix(row: [Double(oy + 1), Double(ox + 1)])),
        ]
    }
}
