/// Sums, means and arg-maxima along an axis.
extension Matrix {
    /// An axis of a matrix to reduce along.
    public enum Axis: Sendable {
        /// Reduce down each column, giving a `1 × columns` row (for example a bias gradient over a batch).
        case rows
        /// Reduce across each row, giving a `rows × 1` column (for example one value per sample).
        case columns
    }

    /// The sum of every entry.
    public func sum() -> Double {
        values.reduce(0, +)
    }

    /// The sum along `axis`: `.rows` gives column sums (`1 × columns`), `.columns` gives row sums (`rows × 1`).
    public func sum(along axis: Axis) -> Matrix {
        switch axis {
        case .rows:
            var result = Matrix(rows: 0, columns: 0)
            sumOfColumns(into: &result)
            return result
        case .columns:
            var result = [Double](repeating: 0, count: rows)
            values.withUnsafeBufferPointer { source in
                for row in 0..<rows {
                    var total = 0.0
                    for column in 0..<columns { total += source[row * columns + column] }
                    result[row] = total
                }
            }
            return Matrix(rows: rows, columns: 1, values: result)
        }
    }

    /// The mean along `axis` (see `sum(along:)`).
    public func mean(along axis: Axis) -> Matrix {
        sum(along: axis) / Double(axis == .rows ? rows : columns)
    }

    /// The mean of every entry.
    public func mean() -> Double {
        sum() / Double(count)
    }

    /// The largest entry of each row, as a `rows × 1` column.
    public func maxOfEachRow() -> Matrix {
        require(columns > 0, "Matrix.maxOfEachRow: shape \(shapeDescription) has no columns")
        return Matrix(rows: rows, columns: 1) { row, _ in
            var best = self.values[row * self.columns]
            for column in 1..<self.columns { best = Swift.max(best, self.values[row * self.columns + column]) }
            return best
        }
    }

    /// The column index of the largest entry in each row (the first one on ties).
    public func argmaxOfEachRow() -> [Int] {
        require(columns > 0, "Matrix.argmaxOfEachRow: shape \(shapeDescription) has no columns")
        return (0..<rows).map { row in
            var bestColumn = 0
            var best = values[row * columns]
            for column in 1..<columns where values[row * columns + column] > best {
                best = values[row * columns + column]
                bestColumn = column
            }
            return bestColumn
        }
    }

    /// The sum of the squares of every entry (the squared Frobenius norm).
    public func sumOfSquares() -> Double {
        values.reduce(0) { $0 + $1 * $1 }
    }

    /// The largest absolute entry (0 for an empty matrix).
    public func maxAbsoluteValue() -> Double {
        values.reduce(0) { Swift.max($0, abs($1)) }
    }
}
