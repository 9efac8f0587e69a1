import Datasets
import Engine
import LessonFormat

/// What an evaluate cell measured, kept in the session for the plots below it (a confusion
/// matrix, the misclassified digits).
struct Evaluation: Sendable {
    /// The part of the data measured.
    public var split: EvaluateCell.Split
    /// The samples as the network saw them (after any feature map).
    public var samples: Dataset
    /// The network's output for each sample, one row per sample.
    public var outputs: Matrix
    /// The class the network predicts for each sample; empty for regression.
    public var predictedLabels: [Int]
    /// The loss reported, if any.
    public var loss: Loss?
    /// The mean loss over the samples, if a loss is reported.
    public var lossValue: Double?
    /// The class names, in label order.
    public var classNames: [String]
    /// `confusion[t][p]`: how many samples of true class `t` the network put in class `p`;
    /// empty for regression.
    public var confusion: [[Int]]
    /// For regression, the mean squared error `1/(m k) Σ (y − a)²` of the outputs.
    public var meanSquaredError: Double?
    /// For regression, R² = 1 − SS_res / SS_tot (`nil` when the targets are all equal).
    public var rSquared: Double?
    /// The network measured, to tell whether it has changed since.
    public var network: Network

    /// The number of samples classified correctly.
    public var correctCount: Int { zip(samples.labels, predictedLabels).count { $0 == $1 } }

    /// Whether the samples have real-valued targets, measured by MSE and R² instead of accuracy.
    public var isRegression: Bool { samples.isRegression }

    /// The fraction of samples classified correctly (0 for none).
    public var accuracy: Double { samples.count == 0 ? 0 : Double(correctCount) / Double(samples.count) }

    /// The indices of the samples the network gets wrong, in order.
    public var misclassifiedIndices: [Int] {
        samples.labels.indices.filter { samples.labels[$0] != predictedLabels[$0] }
    }

    /// Counts each pair of true and predicted class.
    static func confusion(labels: [Int], predicted: [Int], classCount: Int) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        for (label, prediction) in zip(labels, predicted) { counts[label][prediction] += 1 }
        return counts
    }

    /// The class of each output row.
    ///
    /// With several outputs, the largest one. With one output, class 1 when it reaches
    /// `Accuracy.threshold(for:targets:)`, the rule training's accuracy uses too.
    static func predictedLabels(outputs: Matrix, activation: Activation, samples: Dataset) -> [Int] {
        if outputs.columns > 1 { return outputs.argmaxOfEachRow() }
        let threshold = Accuracy.threshold(for: activation, targets: samples.targets)
        return outputs.values.map { $0 >= threshold ? 1 : 0 }
    }
}

extension Session {
    /// The last evaluation of the current network, or an error saying an evaluate cell must
    /// come first (or again, after the network changed).
    public func requireEvaluation(for cell: Cell) throws(LessonError) -> Evaluation {
        guard let evaluation else {
            throw LessonError(.failed("the \(cell.kind.rawValue) cell needs an evaluate cell above it"), at: cell.position)
        }
        guard evaluation.network == network else {
            throw LessonError(
                .failed("the network has changed since the evaluate cell above measured it; add an evaluate cell after the last train or model cell"),
                at: cell.position)
        }
        return evaluation
    }
}
