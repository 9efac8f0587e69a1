/// Inputs and the targets the network should produce for them, one sample per row.
public struct LabeledData: Sendable, Hashable {
    /// The inputs, `m × features`.
    public var inputs: Matrix
    /// The targets, `m × outputs` (0/1 for binary tasks, one-hot rows for classes).
    public var targets: Matrix

    /// Pairs inputs with targets; both must have one row per sample.
    public init(inputs: Matrix, targets: Matrix) {
        require(
            inputs.rows == targets.rows,
            "LabeledData: inputs \(inputs.shapeDescription) and targets \(targets.shapeDescription) "
                + "have different numbers of samples")
        self.inputs = inputs
        self.targets = targets
    }

    /// The number of samples.
    public var count: Int { inputs.rows }

    /// The samples at `indices`, in that order.
    public func samples(at indices: [Int]) -> LabeledData {
        LabeledData(inputs: inputs.rows(at: indices), targets: targets.rows(at: indices))
    }

    /// The samples at `indices`, in that order, into `batch`, which keeps its storage from one
    /// mini-batch to the next.
    func samples(at indices: ArraySlice<Int>, into batch: inout LabeledData) {
        inputs.rows(at: indices, into: &batch.inputs)
        targets.rows(at: indices, into: &batch.targets)
    }

    /// The samples in `range`.
    public func samples(_ range: Range<Int>) -> LabeledData {
        LabeledData(inputs: inputs.rows(range), targets: targets.rows(range))
    }
}
