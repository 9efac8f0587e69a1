/// How a layer's weights are drawn before training. Biases start at zero.
///
/// Weights are drawn layer by layer, row by row, from the generator passed in, so one seed
/// fixes every starting value. Explicit values are given by building `DenseLayer`s directly.
public enum Initializer: Sendable, Hashable, CustomStringConvertible {
    /// Every weight 0 (the perceptron chapters start here).
    case zeros
    /// Uniform in `[low, high)`.
    case uniform(low: Double, high: Double)
    /// Normal with the given mean and standard deviation.
    case normal(mean: Double, standardDeviation: Double)
    /// Glorot and Bengio's uniform: `U(−r, r)`, `r = √(6 / (inputs + outputs))`.
    case xavierUniform
    /// Glorot and Bengio's normal: `N(0, 2 / (inputs + outputs))`.
    case xavierNormal
    /// He et al.'s normal for ReLU layers: `N(0, 2 / inputs)`.
    case heNormal
    /// He et al.'s uniform for ReLU layers: `U(−r, r)`, `r = √(6 / inputs)`.
    case heUniform

    public var description: String {
        switch self {
        case .zeros: "zeros"
        case let .uniform(low, high): "uniform(\(low), \(high))"
        case let .normal(mean, standardDeviation): "normal(\(mean), \(standardDeviation))"
        case .xavierUniform: "xavier-uniform"
        case .xavierNormal: "xavier-normal"
        case .heNormal: "he-normal"
        case .heUniform: "he-uniform"
        }
    }

    /// Draws an `inputs × outputs` weight matrix.
    public func weights(inputs: Int, outputs: Int, using generator: inout SeededGenerator) -> Matrix {
        let fanSum = Double(inputs + outputs)
        let fanIn = Double(max(inputs, 1))
        var draw: (inout SeededGenerator) -> Double
        switch self {
        case .zeros: draw = { _ in 0 }
        case let .uniform(low, high): draw = { $0.nextUniform(from: low, to: high) }
        case let .normal(mean, deviation): draw = { $0.nextNormal(mean: mean, standardDeviation: deviation) }
        case .xavierUniform:
            let limit = (6 / fanSum).squareRoot()
            draw = { $0.nextUniform(from: -limit, to: limit) }
        case .xavierNormal:
            let deviation = (2 / fanSum).squareRoot()
            draw = { $0.nextNormal(mean: 0, standardDeviation: deviation) }
        case .heNormal:
            let deviation = (2 / fanIn).squareRoot()
            draw = { $0.nextNormal(mean: 0, standardDeviation: deviation) }
        case .heUniform:
            let limit = (6 / fanIn).squareRoot()
            draw = { $0.nextUniform(from: -limit, to: limit) }
        }
        var values = [Double]()
        values.reserveCapacity(inputs * outputs)
        for _ in 0..<(inputs * outputs) { values.append(draw(&generator)) }
        return Matrix(rows: inputs, columns: outputs, values: values)
    }
}
