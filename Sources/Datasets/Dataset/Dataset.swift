import Engine

/// A data set: one sample per row of `inputs`, with the `targets` a network is trained against.
///
/// For classification every sample has a class index in `labels` (`0..<classCount`), and
/// `targets` follows from it: for two classes an `m × 1` column (0/1, or −1/+1 in the
/// bipolar encoding of the perceptron chapters), for more classes the `m × classCount`
/// one-hot matrix.
///
/// For regression (`isRegression`) the targets are real values to predict, `m × k`, named by
/// `targetNames`; there are no classes (`classCount` is 0 and `labels` is empty).
///
/// ```swift
/// var generator = SeededGenerator(seed: 7, stream: "data")
/// let circles = Dataset.circles(count: 200, noise: 0.05, factor: 0.5, using: &generator)
/// let (train, _, test) = circles.split(trainFraction: 0.8, validationFraction: 0, using: &generator)
/// ```
public struct Dataset: Sendable, Hashable {
    /// A short name for reports, for example `"xor"` or `"circles"`.
    public var name: String
    /// The inputs: `count × featureCount`, one sample per row.
    public var inputs: Matrix
    /// The class index of each sample, in `0..<classCount`; empty for regression.
    public var labels: [Int]
    /// The number of classes; 0 for regression.
    public var classCount: Int
    /// The training targets: `count × 1` for two classes, `count × classCount` one-hot otherwise;
    /// for regression the real values, `count × targetNames.count`.
    public var targets: Matrix
    /// The name of each input column (for example `["x1", "x2"]`).
    public var featureNames: [String]
    /// The name of each target column of a regression set (for example `["y"]`); empty for classification.
    public var targetNames: [String] = []

    /// Creates a data set whose targets follow from the labels.
    ///
    /// Two classes get a `count × 1` target column with `negative` for class 0 and `positive`
    /// for class 1; more classes get one-hot targets.
    ///
    /// - Precondition: `labels.count == inputs.rows`, every label is in `0..<classCount`,
    ///   and `featureNames` (when given) has one name per column.
    public init(
        name: String, inputs: Matrix, labels: [Int], classCount: Int,
        featureNames: [String]? = nil, negative: Double = 0, positive: Double = 1
    ) {
        require(
            labels.count == inputs.rows,
            "Dataset \(name): \(labels.count) labels for \(inputs.rows) samples")
        require(
            labels.allSatisfy { (0..<classCount).contains($0) },
            "Dataset \(name): a label lies outside 0..<\(classCount)")
        let names = featureNames ?? (0..<inputs.columns).map { "x\($0 + 1)" }
        require(
            names.count == inputs.columns,
            "Dataset \(name): \(names.count) feature names for \(inputs.columns) columns")
        self.name = name
        self.inputs = inputs
        self.labels = labels
        self.classCount = classCount
        self.featureNames = names
        if classCount == 2 {
            targets = Matrix(column: labels.map { $0 == 1 ? positive : negative })
        } else {
            targets = Dataset.oneHot(labels, classCount: classCount)
        }
    }

    /// A regression set: real-valued targets `y`, `count × k`, and no classes.
    ///
    /// - Precondition: `targets.rows == inputs.rows`, at least one target column, and the
    ///   names (when given) one per column.
    public init(name: String, inputs: Matrix, targets: Matrix, featureNames: [String]? = nil, targetNames: [String]? = nil) {
        require(targets.rows == inputs.rows, "Dataset \(name): \(targets.rows) targets for \(inputs.rows) samples")
        require(targets.columns >= 1, "Dataset \(name): a regression set needs a target column")
        let names = featureNames ?? (0..<inputs.columns).map { "x\($0 + 1)" }
        let outputs = targetNames ?? (targets.columns == 1 ? ["y"] : (0..<targets.columns).map { "y\($0 + 1)" })
        require(
            names.count == inputs.columns && outputs.count == targets.columns,
            "Dataset \(name): \(names.count) feature and \(outputs.count) target names for \(inputs.columns) and \(targets.columns) columns")
        self.name = name
        self.inputs = inputs
        self.labels = []
        self.classCount = 0
        self.targets = targets
        self.featureNames = names
        self.targetNames = outputs
    }

    /// Whether the targets are real values to predict rather than classes.
    public var isRegression: Bool { classCount == 0 }

    /// The number of samples.
    public var count: Int { inputs.rows }

    /// The number of input features (columns of `inputs`).
    public var featureCount: Int { inputs.columns }

    /// The samples at `indices`, in that order, with their labels and targets.
    public func subset(_ indices: [Int]) -> Dataset {
        var copy = self
        copy.inputs = inputs.rows(at: indices)
        copy.labels = isRegression ? [] : indices.map { labels[$0] }
        copy.targets = targets.rows(at: indices)
        return copy
    }

    /// Keeps only the samples at `indices`, which must ascend, with their labels and targets:
    /// `subset(indices)` in place, without a second copy of the inputs.
    public mutating func keepSamples(_ indices: [Int]) {
        inputs.keepRows(indices)
        targets.keepRows(indices)
        if !isRegression { labels = indices.map { labels[$0] } }
    }

    /// The number of samples in each class, indexed by class.
    public var classCounts: [Int] {
        var counts = Array(repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }
}

extension Dataset {
    /// The same two-class data with targets `negative` for class 0 and `positive` for class 1,
    /// for example −1/+1 for a hard-limit perceptron with bipolar outputs.
    ///
    /// - Precondition: `classCount == 2`.
    public func withBinaryTargets(negative: Double, positive: Double) -> Dataset {
        require(classCount == 2, "Dataset \(name): binary targets need 2 classes, not \(classCount)")
        var copy = self
        copy.targets = Matrix(column: labels.map { $0 == 1 ? positive : negative })
        return copy
    }
}
