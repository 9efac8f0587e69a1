/// Evaluation passes over many samples in slices of rows, so that memory stays bounded: a
/// convolution's outputs for the 10,000 MNIST test images would otherwise hold 46 million
/// values (370 MB) in each of its net input and activation at once.
extension Network {
    /// The most values one layer's output may hold in one slice of an evaluation pass.
    public static let evaluationSliceValues = 4_000_000

    /// The rows of one slice: as many samples as keep the widest layer within
    /// `evaluationSliceValues`.
    public var evaluationSliceRows: Int {
        let widest = layers.map { max($0.inputCount, $0.outputCount) }.max() ?? 1
        return max(1, Self.evaluationSliceValues / max(widest, 1))
    }

    /// Passes `input` forward in evaluation mode, slice by slice of at most
    /// `evaluationSliceRows` rows, handing each slice's rows and its output layer's net input
    /// and output to `body`. Each sample's numbers do not depend on the others of its pass.
    public func forwardInSlices(_ input: Matrix, _ body: (Range<Int>, _ net: Matrix, _ output: Matrix) -> Void) {
        let step = evaluationSliceRows
        var buffers = PassBuffers(layerCount: layers.count)
        var start = 0
        repeat {
            let end = min(start + step, input.rows)
            var context = PassContext.evaluation
            forward(start == 0 && end == input.rows ? input : input.rows(start..<end), into: &buffers, context: &context)
            body(start..<end, buffers.layers[layers.count - 1].net, buffers.layers[layers.count - 1].output)
            start = end
        } while start < input.rows
    }

    /// The output for every sample of `input` and each sample's `loss` against `target` (`m × 1`),
    /// passed in slices: `losses.mean()` is `loss.value` of one pass over all samples.
    public func predict(_ input: Matrix, target: Matrix, loss: Loss) -> (output: Matrix, losses: Matrix) {
        var losses = Matrix(rows: input.rows, columns: 1)
        let outputs = outputs(of: input) { range, net, output in
            let perSample = loss.perSample(
                output: output, net: net, target: range.count == input.rows ? target : target.rows(range),
                activation: outputLayer.activation)
            losses.values.replaceSubrange(range, with: perSample.values)
        }
        return (outputs, losses)
    }

    /// The output for every sample of `input`, the slices' outputs put together; `each` also
    /// sees every slice as `forwardInSlices` hands it over.
    func outputs(of input: Matrix, seeing each: (Range<Int>, _ net: Matrix, _ output: Matrix) -> Void = { _, _, _ in }) -> Matrix {
        var outputs = Matrix(rows: 0, columns: 0)
        forwardInSlices(input) { range, net, output in
            each(range, net, output)
            if range.count == input.rows {
                outputs = output
                return
            }
            if outputs.rows == 0 { outputs = Matrix(rows: input.rows, columns: output.columns) }
            outputs.values.replaceSubrange(
                (range.lowerBound * output.columns)..<(range.upperBound * output.columns), with: output.values)
        }
        return outputs
    }
}
