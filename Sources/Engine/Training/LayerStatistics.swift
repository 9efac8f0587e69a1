/// What one layer does at one moment of training, measured on a probe batch: how spread its
/// outputs are and how large its weight gradient is, so vanishing or exploding signals are
/// measured rather than asserted.
///
/// ```
/// mean = (1/N) Σ aᵏᵢⱼ        spread = √((1/N) Σ (aᵏᵢⱼ − mean)²)        over all N entries of aᵏ
/// gradient norm = ‖∂ℒ/∂Wᵏ‖ = √(Σ (∂ℒ/∂Wᵏᵢⱼ)²)      (the layer's first parameter; none without one)
/// ```
public struct LayerStatistics: Sendable, Hashable {
    /// The mean of the layer's outputs.
    public var activationMean: Double
    /// Their standard deviation.
    public var activationSpread: Double
    /// The Frobenius norm of the gradient of the layer's first parameter (`W`), if it has one.
    public var gradientNorm: Double?

    /// The most samples a probe holds: the first ones of the training set.
    public static let probeSize = 512

    /// Every layer's statistics for `network` on `probe`, from one forward and one backward
    /// pass as training makes them (dropout drawing its masks from `context`, batch
    /// normalization using the probe's statistics), without changing anything.
    public static func measure(
        _ network: Network, on probe: LabeledData, loss: Loss, context: PassContext
    ) -> [LayerStatistics] {
        let pass = network.forward(probe.inputs, context: context)
        let gradients = network.backward(pass, target: probe.targets, loss: loss)
        return network.layers.indices.map { index in
            let values = pass.outputs[index].values
            let count = Double(max(values.count, 1))
            let mean = values.reduce(0, +) / count
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
            let gradient = gradients.parameters[index].first
            return LayerStatistics(
                activationMean: mean, activationSpread: variance.squareRoot(),
                gradientNorm: gradient.map { $0.values.reduce(0) { $0 + $1 * $1 }.squareRoot() })
        }
    }
}
