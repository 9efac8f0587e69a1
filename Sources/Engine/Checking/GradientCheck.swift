/// Compares backpropagation's gradients with central finite differences.
///
/// For every weight and bias `θ`, the fourth-order central difference:
/// ```
/// numerical ∂L/∂θ ≈ (−L(θ + 2h) + 8 L(θ + h) − 8 L(θ − h) + L(θ − 2h)) / 12h
/// relative error = |analytic − numerical| / max(|analytic|, |numerical|)
/// ```
/// An entry whose analytic and numerical gradients are both below `1e-8` in size counts as
/// agreeing (relative error 0): there the ratio measures only rounding noise.
public enum GradientCheck {
    /// One parameter's two gradients.
    public struct Entry: Sendable, Hashable {
        /// The layer, from 1.
        public var layer: Int
        /// The parameter's symbol, `"W"` or `"b"` for a dense layer.
        public var parameter: String
        /// The entry's row in the parameter matrix, from 0.
        public var row: Int
        /// The entry's column in the parameter matrix, from 0.
        public var column: Int
        /// The gradient from backpropagation.
        public var analytic: Double
        /// The gradient from central differences.
        public var numerical: Double

        /// The relative error between the two (0 when both are negligible).
        public var relativeError: Double {
            let scale = max(abs(analytic), abs(numerical))
            return scale < 1e-8 ? 0 : abs(analytic - numerical) / scale
        }
    }

    /// The gradients of every parameter of `network` for the mean `loss` over `data`, with
    /// every pass in `context`'s mode; a training pass draws the same random numbers (a
    /// dropout mask) each time, from `context`'s generator as it is.
    public static func compare(
        _ network: Network, on data: LabeledData, loss: Loss, step h: Double = 1e-4, context: PassContext = .evaluation
    ) -> [Entry] {
        let gradients = network.backward(network.forward(data.inputs, context: context), target: data.targets, loss: loss)
        func meanLoss(of candidate: Network) -> Double {
            let pass = candidate.forward(data.inputs, context: context)
            return loss.value(
                output: pass.output, net: pass.nets[pass.nets.count - 1], target: data.targets,
                activation: candidate.outputLayer.activation)
        }
        var entries = [Entry]()
        for (index, layer) in network.layers.enumerated() {
            for (slot, (name, (parameter, analytic))) in zip(layer.parameterSymbols, zip(layer.parameters, gradients.parameters[index])).enumerated() {
                for row in 0..<parameter.rows {
                    for column in 0..<parameter.columns {
                        func lossValue(shiftedBy shift: Double) -> Double {
                            var shifted = network
                            shifted.shiftParameter(slot, ofLayer: index, row: row, column: column, by: shift)
                            return meanLoss(of: shifted)
                        }
                        let numerical =
                            (-lossValue(shiftedBy: 2 * h) + 8 * lossValue(shiftedBy: h) - 8 * lossValue(shiftedBy: -h)
                                + lossValue(shiftedBy: -2 * h)) / (12 * h)
                        entries.append(
                            Entry(
                                layer: index + 1, parameter: name, row: row, column: column,
                                analytic: analytic[row, column], numerical: numerical))
                    }
                }
            }
        }
        return entries
    }
}
