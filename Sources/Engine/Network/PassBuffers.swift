import MatrixKernels

/// The matrices of one forward and backward pass, kept from batch to batch so that a
/// training step allocates nothing: each is overwritten in place while no one else holds it,
/// and copied first (copy-on-write) when a trace record still does.
struct PassBuffers {
    /// The net input `nᵏ` of each layer.
    var nets: [Matrix]
    /// The activation `aᵏ` of each layer.
    var outputs: [Matrix]
    /// The per-sample sensitivity `dZᵏ = ∂Lᵢ/∂nᵏ` of each layer.
    var sensitivities: [Matrix]
    /// `∂L/∂Wᵏ`, averaged over the batch.
    var weightGradients: [Matrix]
    /// `∂L/∂bᵏ`, averaged over the batch.
    var biasGradients: [Matrix]

    /// Empty buffers for a network of `layerCount` layers; the first pass sizes them.
    init(layerCount: Int) {
        let empty = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: layerCount)
        nets = empty
        outputs = empty
        sensitivities = empty
        weightGradients = empty
        biasGradients = empty
    }
}

extension Network {
    /// The forward pass of `input` into `buffers`' nets and outputs.
    func forward(_ input: Matrix, into buffers: inout PassBuffers) {
        for (index, layer) in layers.enumerated() {
            let layerInput = index == 0 ? input : buffers.outputs[index - 1]
            layer.net(layerInput, into: &buffers.nets[index])
            layer.activation.apply(buffers.nets[index], into: &buffers.outputs[index])
        }
    }

    /// The backward pass after `forward(input, into: &buffers)`: fills the sensitivities and gradients.
    func backward(input: Matrix, target: Matrix, loss: Loss, in buffers: inout PassBuffers) {
        let last = layers.count - 1
        let count = Double(input.rows)
        loss.outputSensitivity(
            output: buffers.outputs[last], net: buffers.nets[last], target: target,
            activation: outputLayer.activation, into: &buffers.sensitivities[last])
        for index in stride(from: last, through: 0, by: -1) {
            let layerInput = index == 0 ? input : buffers.outputs[index - 1]
            Self.gradients(
                input: layerInput, sensitivity: buffers.sensitivities[index], dividingBy: count,
                weights: &buffers.weightGradients[index], bias: &buffers.biasGradients[index])
            if index > 0 {
                layers[index - 1].activation.backpropagate(
                    buffers.sensitivities[index], through: layers[index].weights,
                    into: &buffers.sensitivities[index - 1], net: buffers.nets[index - 1],
                    output: buffers.outputs[index - 1])
            }
        }
    }

    /// `weights = (inputᵀ · sensitivity) / count` and `bias = (1ᵀ · sensitivity) / count`: a
    /// layer's gradients averaged over the batch. A small layer gets both in one pass over the
    /// batch (`mk_layer_gradients`), with the bits of the product and the column sums.
    static func gradients(
        input: Matrix, sensitivity: Matrix, dividingBy count: Double, weights: inout Matrix, bias: inout Matrix
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
        Matrix.multiply(input, sensitivity, transposingLeft: true, into: &weights, dividingBy: count)
        sensitivity.sumOfColumns(into: &bias)
        bias.divide(by: count)
    }
}
