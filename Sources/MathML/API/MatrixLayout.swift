/// How the numeric typesetting lays out a matrix: how much of it to show and whether to
/// annotate its shape.
///
/// A matrix with more rows than ``maxRows`` shows its first ⌈(maxRows − 1)/2⌉ rows, a row
/// of `⋮`, and its last ⌊(maxRows − 1)/2⌋ rows; columns likewise with `⋯`, and `⋱` where
/// the two meet. So at most `maxRows` × `maxColumns` cells are drawn.
public struct MatrixLayout: Equatable, Sendable {
    /// When to write the shape, as the subscript `(784×128)`.
    public enum Shape: Equatable, Sendable {
        /// Never.
        case never
        /// Only when rows or columns are elided (the default).
        case whenElided
        /// Always.
        case always
    }

    /// Rows shown at most, the `⋮` row included; at least 3.
    public var maxRows: Int
    /// Columns shown at most, the `⋯` column included; at least 3.
    public var maxColumns: Int
    /// When to write the shape.
    public var shape: Shape

    /// Creates a layout.
    ///
    /// - Parameters:
    ///   - maxRows: Rows shown at most, at least 3; the default is 6.
    ///   - maxColumns: Columns shown at most, at least 3; the default is 6.
    ///   - shape: When to write the shape; the default is ``Shape/whenElided``.
    public init(maxRows: Int = 6, maxColumns: Int = 6, shape: Shape = .whenElided) {
        precondition(maxRows >= 3 && maxColumns >= 3, "MatrixLayout needs at least 3 rows and columns, got \(maxRows)×\(maxColumns)")
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.shape = shape
    }

    /// One cell of the laid-out matrix.
    enum Cell: Equatable {
        case value(Double)
        case verticalDots, horizontalDots, diagonalDots
    }

    /// The cells to draw, and whether the shape is written.
    func lay(_ rows: [[Double]]) -> (cells: [[Cell]], showsShape: Bool) {
        let columnCount = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columnCount }, "matrix rows differ in length: \(rows.map(\.count))")
        let rowIndices = Self.shown(rows.count, max: maxRows)
        let columnIndices = Self.shown(columnCount, max: maxColumns)
        let cells = rowIndices.map { row in
            columnIndices.map { column -> Cell in
                switch (row, column) {
                case (nil, nil): return .diagonalDots
                case (nil, _): return .verticalDots
                case (_, nil): return .horizontalDots
                case (let row?, let column?): return .value(rows[row][column])
                }
            }
        }
        let elided = rowIndices.contains(nil) || columnIndices.contains(nil)
        let showsShape = shape == .always || (shape == .whenElided && elided)
        return (cells, showsShape)
    }

    /// The indices shown out of `count`, with `nil` where the dots go.
    private static func shown(_ count: Int, max: Int) -> [Int?] {
        guard count > max else { return Array(0..<count) }
        let head = max / 2
        let tail = max - 1 - head
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }
}
