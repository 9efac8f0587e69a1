/// Element-wise arithmetic with broadcasting.
///
/// Two matrices combine entry by entry when their shapes are equal. A `1 × 1` operand is
/// broadcast to the other's shape, a `1 × n` row is repeated down an `m × n` matrix (a bias
/// added to every sample), and an `m × 1` column is repeated across it. Any other pair of
/// shapes is a programming error whose message names both shapes.
extension Matrix {
    /// The shape two operands broadcast to, or `nil` when they do not fit together.
    public static func broadcastShape(_ lhs: Matrix, _ rhs: Matrix) -> (rows: Int, columns: Int)? {
        func fit(_ a: Int, _ b: Int) -> Int? { a == b ? a : (a == 1 ? b : (b == 1 ? a : nil)) }
        guard let rows = fit(lhs.rows, rhs.rows), let columns = fit(lhs.columns, rhs.columns) else {
            return nil
        }
        return (rows, columns)
    }

    /// Combines two matrices entry by entry, broadcasting as described above.
    public static func combine(
        _ lhs: Matrix, _ rhs: Matrix, operation name: String, _ body: (Double, Double) -> Double
    ) -> Matrix {
        if lhs.rows == rhs.rows && lhs.columns == rhs.columns {
            var result = [Double](repeating: 0, count: lhs.count)
            lhs.values.withUnsafeBufferPointer { a in
                rhs.values.withUnsafeBufferPointer { b in
                    for index in 0..<a.count { result[index] = body(a[index], b[index]) }
                }
            }
            return Matrix(rows: lhs.rows, columns: lhs.columns, values: result)
        }
        guard let shape = broadcastShape(lhs, rhs) else {
            programmingError(
                "Matrix \(name): shapes \(lhs.shapeDescription) and \(rhs.shapeDescription) do not broadcast")
        }
        return Matrix(rows: shape.rows, columns: shape.columns) { row, column in
            body(
                lhs.values[(lhs.rows == 1 ? 0 : row) * lhs.columns + (lhs.columns == 1 ? 0 : column)],
                rhs.values[(rhs.rows == 1 ? 0 : row) * rhs.columns + (rhs.columns == 1 ? 0 : column)])
        }
    }

    /// Applies `transform` to every entry.
    public func map(_ transform: (Double) -> Double) -> Matrix {
        Matrix(rows: rows, columns: columns, values: values.map(transform))
    }

    /// The sum, broadcasting a row, column or scalar operand.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, operation: "+", +) }
    /// The difference, broadcasting a row, column or scalar operand.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, operation: "-", -) }
    /// The element-wise (Hadamard) product `A ⊙ B`, broadcasting a row, column or scalar operand.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, operation: "⊙", *) }
    /// The element-wise quotient, broadcasting a row, column or scalar operand.
    public static func / (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, operation: "/", /) }

    /// The element-wise (Hadamard) product `A ⊙ B`; the same as `*`.
    public func hadamard(_ other: Matrix) -> Matrix { self * other }

    /// Every entry plus `scalar`.
    public static func + (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 + rhs } }
    /// Every entry minus `scalar`.
    public static func - (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 - rhs } }
    /// `scalar` minus every entry.
    public static func - (lhs: Double, rhs: Matrix) -> Matrix { rhs.map { lhs - $0 } }
    /// Every entry times `scalar`.
    public static func * (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 * rhs } }
    /// Every entry times `scalar`.
    public static func * (lhs: Double, rhs: Matrix) -> Matrix { rhs.map { lhs * $0 } }
    /// Every entry divided by `scalar`.
    public static func / (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 / rhs } }
    /// Every entry negated.
    public static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }

    /// Adds `other` in place (same shape).
    public static func += (lhs: inout Matrix, rhs: Matrix) {
        require(
            lhs.rows == rhs.rows && lhs.columns == rhs.columns,
            "Matrix +=: shapes \(lhs.shapeDescription) and \(rhs.shapeDescription) differ")
        lhs.values.withUnsafeMutableBufferPointer { a in
            rhs.values.withUnsafeBufferPointer { b in
                for index in 0..<a.count { a[index] += b[index] }
            }
        }
    }

    /// Subtracts `other` in place (same shape).
    public static func -= (lhs: inout Matrix, rhs: Matrix) {
        lhs.addScaled(rhs, by: -1)
    }

    /// Adds `factor × other` in place (same shape): the update `θ ← θ + factor · Δ` without a temporary.
    public mutating func addScaled(_ other: Matrix, by factor: Double) {
        require(
            rows == other.rows && columns == other.columns,
            "Matrix addScaled: shapes \(shapeDescription) and \(other.shapeDescription) differ")
        values.withUnsafeMutableBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                for index in 0..<a.count { a[index] += factor * b[index] }
            }
        }
    }

    /// The transpose `Aᵀ`.
    public var transposed: Matrix {
        var result = [Double](repeating: 0, count: count)
        values.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                // Blocks of 32 keep both the rows read and the rows written in cache.
                let block = 32
                for rowStart in stride(from: 0, to: rows, by: block) {
                    for columnStart in stride(from: 0, to: columns, by: block) {
                        for row in rowStart..<min(rowStart + block, rows) {
                            for column in columnStart..<min(columnStart + block, columns) {
                                target[column * rows + row] = source[row * columns + column]
                            }
                        }
                    }
                }
            }
        }
        return Matrix(rows: columns, columns: rows, values: result)
    }
}
