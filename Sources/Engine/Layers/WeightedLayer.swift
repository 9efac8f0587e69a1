/// A layer whose parameters are a weight matrix `W` and a bias row `b`, in that order (dense
/// layers and convolutions): its parameter list, their trace symbols and their exchange with
/// the optimizer's proposals, written once.
public protocol WeightedLayer: Layer {
    /// The weights `W`.
    var weights: Matrix { get set }
    /// The bias `b`, `1 × outputs` (or one per filter).
    var bias: Matrix { get set }
}

extension WeightedLayer {
    /// `[W, b]`.
    public var parameters: [Matrix] { [weights, bias] }
    public var parameterSymbols: [String] { ["W", "b"] }
    public func parameter(at index: Int) -> Matrix { index == 0 ? weights : bias }
    public mutating func swapParameters(with values: inout [Matrix]) {
        swap(&weights, &values[0])
        swap(&bias, &values[1])
    }
}
