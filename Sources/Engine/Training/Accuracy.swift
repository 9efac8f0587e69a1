/// The fraction of samples a network classifies correctly.
///
/// With one output, the prediction is class 1 when the output is at least `threshold` (0.5
/// for probabilities and for the hard-limit's 0/1), and the target's class is `y ≥ threshold`.
/// With several outputs, the prediction and the target are the arg-max of their rows.
public enum Accuracy {
    /// The threshold that splits one output into two classes: 0.5 for outputs that lie in
    /// [0, 1] (sigmoid, hard-limit, softmax); otherwise the middle of the targets' encoding,
    /// 0 for bipolar targets (any target below 0, as −1/+1) and 0.5 for 0/1 targets.
    ///
    /// The trainer's accuracy, the evaluate cell and the plots all split one output with this rule.
    public static func threshold(for activation: Activation, targets: Matrix) -> Double {
        switch activation {
        case .sigmoid, .hardLimit, .softmax: 0.5
        case .linear, .tanh, .relu, .leakyRelu, .elu: targets.values.contains { $0 < 0 } ? 0 : 0.5
        }
    }

    /// The number of correctly classified rows.
    public static func correctCount(output: Matrix, target: Matrix, threshold: Double = 0.5) -> Int {
        require(
            output.rows == target.rows && output.columns == target.columns,
            "Accuracy: output \(output.shapeDescription) and target \(target.shapeDescription) differ")
        if output.columns == 1 {
            return zip(output.values, target.values).reduce(0) { count, pair in
                count + ((pair.0 >= threshold) == (pair.1 >= threshold) ? 1 : 0)
            }
        }
        return zip(output.argmaxOfEachRow(), target.argmaxOfEachRow()).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    }

    /// The fraction of correctly classified rows (0 for no rows).
    public static func fraction(output: Matrix, target: Matrix, threshold: Double = 0.5) -> Double {
        output.rows == 0 ? 0 : Double(correctCount(output: output, target: target, threshold: threshold)) / Double(output.rows)
    }
}
