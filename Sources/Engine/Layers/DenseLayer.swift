import MatrixKernels

/// A fully connected layer: `A = f(A_prev W + b)`.
///
/// Shapes, with one sample per row: input `m × inputCount`, weights `W` `inputCount × outputCount`,
/// bias `b` `1 × outputCount` (broadcast over the `m` rows), net input and output `m × outputCount`.
public struct DenseLayer: WeightedLayer, Hashable {
    public static let name = "dense"

    /// The weights `W`, `inputCount × outputCount`: column `j` holds the weights into unit `j`.
    public var weights: Matrix
    /// The bias `b`, `1 × outputCount`.
    public var bias: Matrix
    /// The activation `f`.
    public var activation: Activation

    /// Creates a layer from explicit weights and bias.
    public init(weights: Matrix, bias: Matrix, activation: Activation) {
        require(
            bias.rows == 1 && bias.columns == weights.columns,
            "DenseLayer: bias shape \(bias.shapeDescription) does not fit weights shape \(weights.shapeDescription) "
                + "(expected 1×\(weights.columns))")
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// The number of inputs each unit receives.
    public var inputCount: Int { weights.rows }
    /// The number of units.
    public var outputCount: Int { weights.columns }
    /// `inputs × units`.
    public var multiplyAdds: Int { weights.count }

    /// `Dense(2→8, relu)`.
    public var description: String { "Dense(\(inputCount)→\(outputCount), \(activation))" }

    /// The net input `n = A_prev W + b`.
    public func net(_ input: Matrix) -> Matrix {
        var result = Matrix(rows: 0, columns: 0)
        net(input, into: &result)
        return result
    }

    /// `result = A_prev W + b`, into a reused buffer; `inputMarks`, when given, are `input`'s
    /// (`NonzeroMarks`), and `weightsAreFinite` says the caller knows every weight is.
    func net(_ input: Matrix, into result: inout Matrix, inputMarks: NonzeroMarks? = nil, weightsAreFinite: Bool = false) {
        require(
            input.columns == inputCount,
            "DenseLayer \(self): input shape \(input.shapeDescription) does not fit weights shape "
                + "\(weights.shapeDescription)")
        let (rows, outputs) = (input.rows, outputCount)
        guard mk_dgemm_is_direct(rows, outputs, inputCount) != 0, rows > 0 else {
            Matrix.multiply(input, weights, into: &result, leftMarks: inputMarks, rightIsFinite: weightsAreFinite)
            result.addToEachRow(bias)
            return
        }
        // A small product adds the bias as it stores each row (the same bits as the two steps).
        Matrix.withStorage(of: input, weights, bias, writing: &result, rows: rows, columns: outputs) { x, w, b, net in
            mk_dgemm_plus_row(0, 0, rows, outputs, inputCount, x, inputCount, w, outputs, b, net)
        }
    }
}

extension DenseLayer {
    /// `n = A_prev W + b`, `a = f(n)`. An input that is mostly zeros (a batch of images) is
    /// marked first, for both products with it (`NonzeroMarks`).
    public func forward(_ input: Matrix, into buffers: inout LayerBuffers, context: inout PassContext) {
        if NonzeroMarks.pay(for: input, outputs: outputCount) {
            buffers.inputMarks.mark(input)
        } else {
            buffers.inputMarks.clear()
        }
        net(
            input, into: &buffers.net, inputMarks: buffers.inputMarks.forProduct(with: input),
            weightsAreFinite: context.parametersAreFinite)
        activation.apply(buffers.net, into: &buffers.output)
    }

    /// `∂Lᵢ/∂n = ∂Lᵢ/∂a ⊙ f'(n)` (for softmax, the row's Jacobian times `∂Lᵢ/∂a`).
    public func receive(_ buffers: inout LayerBuffers) {
        activation.backward(&buffers.sensitivity, net: buffers.net, output: buffers.output)
    }

    /// `dW = A_prevᵀ dZ / m`, `db = Σ dZ / m`, and `∂Lᵢ/∂A_prev = dZ Wᵀ`; `input` is the
    /// forward pass's.
    public func backward(_ input: Matrix, buffers: inout LayerBuffers, count: Double, inputGradient: inout Matrix?) {
        buffers.holdParameterGradients(2)
        // Taken out of the array and put back, so the two are written at once without a copy.
        var (weightGradient, biasGradient) = (Matrix(rows: 0, columns: 0), Matrix(rows: 0, columns: 0))
        swap(&weightGradient, &buffers.parameterGradients[0])
        swap(&biasGradient, &buffers.parameterGradients[1])
        Network.gradients(
            input: input, sensitivity: buffers.sensitivity, dividingBy: count, weights: &weightGradient, bias: &biasGradient,
            inputMarks: buffers.inputMarks.forProduct(with: input))
        swap(&weightGradient, &buffers.parameterGradients[0])
        swap(&biasGradient, &buffers.parameterGradients[1])
        if inputGradient != nil {
            Matrix.multiply(buffers.sensitivity, weights, transposingRight: true, into: &inputGradient!)
        }
    }

    public func forwardQuantities(_ buffers: LayerBuffers) -> [(symbol: String, value: Matrix)] {
        [("n", buffers.net), ("a", buffers.output)]
    }
}

@used @section("lessons_layers")
private let registration: RegistryRecord = { DenseLayer.registryRecord }

extension Matrix {
    /// Adds the `1 × columns` row `row` to every row, in place (a bias over a batch).
    public mutating func addToEachRow(_ row: Matrix) {
        require(
            row.rows == 1 && row.columns == columns,
            "Matrix addToEachRow: shapes \(shapeDescription) and \(row.shapeDescription) do not fit")
        values.withUnsafeMutableBufferPointer { target in
            row.values.withUnsafeBufferPointer { source in
                guard let values = target.baseAddress, let bias = source.baseAddress else { return }
                mk_add_to_each_row(values, rows, columns, bias)
            }
        }
    }
}
