/// A dense matrix of `Double`, stored row-major.
///
/// The engine writes one sample per row: a batch of `m` inputs with `n` features is an
/// `m × n` matrix, a layer's weights are `inputCount × outputCount`, and its bias is a
/// `1 × outputCount` row that is broadcast over the batch (`Z = X W + b`), as in the
/// row-vector notation of the perceptron and backpropagation chapters.
///
/// Operations check shapes: a mismatch is a programming error that stops the program with a
/// message naming both shapes, in debug and release builds alike. User input is validated before it reaches the engine.
public struct Matrix: Sendable, Hashable {
    /// The number of rows.
    public internal(set) var rows: Int
    /// The number of columns.
    public internal(set) var columns: Int
    /// The entries, row after row (`rows × columns` values).
    public internal(set) var values: [Double]

    /// Creates a matrix from its entries, row after row.
    public init(rows: Int, columns: Int, values: [Double]) {
        require(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)×\(columns)")
        require(
            values.count == rows * columns,
            "Matrix: \(values.count) values do not fill a \(rows)×\(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// Creates a matrix whose every entry is `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, values: Array(repeating: value, count: rows * columns))
    }

    /// Creates a matrix from a list of rows of equal length.
    public init(_ rowList: [[Double]]) {
        let columns = rowList.first?.count ?? 0
        for (index, row) in rowList.enumerated() {
            require(
                row.count == columns,
                "Matrix: row \(index) has \(row.count) entries, row 0 has \(columns)")
        }
        self.init(rows: rowList.count, columns: columns, values: rowList.flatMap { $0 })
    }

    /// Creates a `1 × n` row vector.
    public init(row: [Double]) {
        self.init(rows: 1, columns: row.count, values: row)
    }

    /// Creates an `n × 1` column vector.
    public init(column: [Double]) {
        self.init(rows: column.count, columns: 1, values: column)
    }

    /// Creates a `1 × 1` matrix holding a scalar.
    public init(scalar: Double) {
        self.init(rows: 1, columns: 1, values: [scalar])
    }

    /// Creates a matrix whose entry at `(row, column)` is `entry(row, column)`.
    public init(rows: Int, columns: Int, entry: (Int, Int) -> Double) {
        var values = [Double]()
        values.reserveCapacity(rows * columns)
        for row in 0..<rows {
            for column in 0..<columns { values.append(entry(row, column)) }
        }
        self.init(rows: rows, columns: columns, values: values)
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        Matrix(rows: n, columns: n) { $0 == $1 ? 1 : 0 }
    }

    /// A matrix of zeros.
    public static func zeros(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns)
    }

    /// The shape as `(rows, columns)`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// The shape written as `rows×columns`, the form every shape message uses.
    public var shapeDescription: String { "\(rows)×\(columns)" }

    /// The number of entries.
    public var count: Int { values.count }

    /// Whether the matrix is `1 × 1`.
    public var isScalar: Bool { rows == 1 && columns == 1 }

    /// The single entry of a `1 × 1` matrix.
    public var scalar: Double {
        require(isScalar, "Matrix.scalar: shape \(shapeDescription) is not 1×1")
        return values[0]
    }

    /// The entry at `(row, column)`.
    public subscript(row: Int, column: Int) -> Double {
        get {
            require(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Matrix: index (\(row), \(column)) outside shape \(shapeDescription)")
            return values[row * columns + column]
        }
        set {
            require(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Matrix: index (\(row), \(column)) outside shape \(shapeDescription)")
            values[row * columns + column] = newValue
        }
    }

    /// The rows as arrays.
    public var rowArrays: [[Double]] {
        (0..<rows).map { row in Array(values[(row * columns)..<((row + 1) * columns)]) }
    }

    /// Whether every entry is finite (no NaN, no infinity).
    public var isFinite: Bool {
        values.allSatisfy { $0.isFinite }
    }
}
