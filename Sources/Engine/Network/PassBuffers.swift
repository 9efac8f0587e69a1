import MatrixKernels

/// The matrices of one forward and backward pass, one `LayerBuffers` per layer, kept from
/// batch to batch so that a training step allocates nothing.
struct PassBuffers {
    /// Each layer's buffers.
    var layers: [LayerBuffers]

    /// Empty buffers for a network of `layerCount` layers; the first pass sizes them.
    init(layerCount: Int) {
        layers = [LayerBuffers](repeating: LayerBuffers(), count: layerCount)
    }

    /// The net input of each layer (empty for a layer without one).
    var nets: [Matrix] { layers.map(\.net) }
    /// The output of each layer.
    var outputs: [Matrix] { layers.map(\.output) }
    /// The sensitivities and parameter gradients of the last backward pass.
    var gradients: Gradients {
        Gradients(sensitivities: layers.map(\.sensitivity), parameters: layers.map(\.parameterGradients))
    }
}

extension Network {
    /// An evaluation's forward pass of `input` into `buffers`.
    func forward(_ input: Matrix, into buffers: inout PassBuffers) {
        var context = PassContext.evaluation
        forward(input, into: &buffers, context: &context)
    }

    /// The forward pass of `input` into `buffers`.
    func forward(_ input: Matrix, into buffers: inout PassBuffers, context: inout PassContext) {
        for index in layers.indices {
            if index == 0 {
                layers[index].forward(input, into: &buffers.layers[index], context: &context)
            } else {
                let layerInput = buffers.layers[index - 1].output
                layers[index].forward(layerInput, into: &buffers.layers[index], context: &context)
            }
        }
    }

    /// The backward pass after `forward(input, into: &buffers)`: fills the sensitivities and
    /// gradients. The output layer's sensitivity comes from the loss; each layer then hands
    /// `∂Lᵢ/∂a` to the one before, and a dense layer after a dense layer carries its
    /// sensitivity straight into the previous layer's (`Activation.backpropagate`, the same
    /// bits as the two steps, in one pass for a small logistic layer).
    func backward(input: Matrix, target: Matrix, loss: Loss, in buffers: inout PassBuffers) {
        let last = layers.count - 1
        let count = Double(input.rows)
        loss.outputSensitivity(
            output: buffers.layers[last].output, net: buffers.layers[last].net, target: target,
            activation: outputLayer.activation, into: &buffers.layers[last].sensitivity)
        for index in stride(from: last, through: 0, by: -1) {
            let layerInput = index == 0 ? input : buffers.layers[index - 1].output
            if index > 0, let dense = layers[index] as? DenseLayer, let previous = layers[index - 1] as? DenseLayer {
                var none: Matrix? = nil
                dense.backward(layerInput, buffers: &buffers.layers[index], count: count, inputGradient: &none)
                previous.activation.backpropagate(
                    buffers.layers[index].sensitivity, through: dense.weights,
                    into: &buffers.layers[index - 1].sensitivity, net: buffers.layers[index - 1].net,
                    output: buffers.layers[index - 1].output)
            } else if index > 0 {
                var gradient: Matrix? = buffers.layers[index - 1].sensitivity
                buffers.layers[index - 1].sensitivity = Matrix(rows: 0, columns: 0)
                layers[index].backward(layerInput, buffers: &buffers.layers[index], count: count, inputGradient: &gradient)
                // `take()` leaves no second reference, so `receive` works in place instead of copying.
                buffers.layers[index - 1].sensitivity = gradient.take()!
                layers[index - 1].receive(&buffers.layers[index - 1])
            } else {
                var none: Matrix? = nil
                layers[index].backward(layerInput, buffers: &buffers.layers[index], count: count, inputGradient: &none)
            }
        }
    }

    /// `weights = (inputᵀ · sensitivity) / count` and `bias = (1ᵀ · sensitivity) / count`: a
    /// layer's gradients averaged over the batch. A small layer gets both in one pass over the
    /// batch (`mk_layer_gradients`), with the bits of the product and the column sums; a large
    /// one skips the zeros of `input` by `inputMarks`, when given (`NonzeroMarks`).
    static func gradients(
        input: Matrix, sensitivity: Matrix, dividingBy count: Double, weights: inout Matrix, bias: inout Matrix,
        inputMarks: NonzeroMarks? = nil
    ) {
        let (rows, inputs, outputs) = (input.rows, input.columns, sensitivity.columns)
        if rows > 0, inputs > 0, outputs > 0, sensitivity.rows == rows {
            weights.prepare(rows: inputs, columns: outputs)
            bias.prepare(rows: 1, columns: outputs)
            let fused = input.values.withUnsafeBufferPointer { x in
                sensitivity.values.withUnsafeBufferPointer { dz in
                    weights.values.withUnsafeMutableBufferPointer { dw in
                        bias.values.withUnsafeMutableBufferPointer { db in
                            mk_layer_gradients(
                                x.baseAddress!, dz.baseAddress!, rows, inputs, outputs, count, dw.baseAddress!,
                                db.baseAddress!)
                        }
                    }
                }
            }
            if fused != 0 { return }
        }
        Matrix.multiply(
            input, sensitivity, transposingLeft: true, into: &weights, dividingBy: count, leftMarks: inputMarks)
        sensitivity.sumOfColumns(into: &bias)
        bias.divide(by: count)
    }
}
