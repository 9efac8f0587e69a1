/// How well a network's outputs `a` fit real-valued targets `y` (`m × k`): the mean squared
/// error and the coefficient of determination R².
///
/// ```
/// MSE = 1/(m k) Σᵢ Σⱼ (yᵢⱼ − aᵢⱼ)²
/// R²ⱼ = 1 − Σᵢ (yᵢⱼ − aᵢⱼ)² / Σᵢ (yᵢⱼ − ȳⱼ)²,   R² = the mean of R²ⱼ over the k outputs
/// ```
///
/// With one output the MSE is the `squared-error` loss of the same outputs (which sums over
/// outputs and averages over samples). R² is 1 for a perfect fit, 0 for a network that always
/// predicts the mean of the targets, and negative for one that does worse than that.
public enum RegressionMetrics {
    /// The mean over samples and outputs of `(y − a)²`; 0 for no samples.
    public static func meanSquaredError(output: Matrix, target: Matrix) -> Double {
        checkShapes(output, target)
        guard !output.values.isEmpty else { return 0 }
        var total = 0.0
        for (a, y) in zip(output.values, target.values) { total += (y - a) * (y - a) }
        return total / Double(output.values.count)
    }

    /// R², averaged over the outputs; `nil` when an output's targets are all equal (then
    /// `Σ (y − ȳ)²` is 0 and R² is not defined) or there are no samples.
    public static func rSquared(output: Matrix, target: Matrix) -> Double? {
        checkShapes(output, target)
        let (m, k) = (target.rows, target.columns)
        guard m > 0, k > 0 else { return nil }
        var sum = 0.0
        for column in 0..<k {
            var mean = 0.0
            for row in 0..<m { mean += target[row, column] }
            mean /= Double(m)
            var residual = 0.0
            var spread = 0.0
            for row in 0..<m {
                let y = target[row, column]
                residual += (y - output[row, column]) * (y - output[row, column])
                spread += (y - mean) * (y - mean)
            }
            guard spread > 0 else { return nil }
            sum += 1 - residual / spread
        }
        return sum / Double(k)
    }

    private static func checkShapes(_ output: Matrix, _ target: Matrix) {
        require(
            output.rows == target.rows && output.columns == target.columns,
            "RegressionMetrics: output \(output.shapeDescription) and target \(target.shapeDescription) differ")
    }
}
