import Engine

extension Dataset {
    /// The one-hot encoding of class indices: an `m × classCount` matrix with a single 1 per row.
    ///
    /// ```
    /// oneHot([2, 0], classCount: 3) = [[0, 0, 1],
    ///                                  [1, 0, 0]]
    /// ```
    ///
    /// - Precondition: every label is in `0..<classCount`.
    public static func oneHot(_ labels: [Int], classCount: Int) -> Matrix {
        var values = [Double](repeating: 0, count: labels.count * classCount)
        for (row, label) in labels.enumerated() {
            require(
                label >= 0 && label < classCount,
                "Dataset.oneHot: label \(label) at row \(row) outside 0..<\(classCount)")
            values[row * classCount + label] = 1
        }
        return Matrix(rows: labels.count, columns: classCount, values: values)
    }
}
