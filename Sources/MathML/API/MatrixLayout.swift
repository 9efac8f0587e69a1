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
    /// The rows to show of a matrix with more than ``maxRows`` rows, in place of its first and
    /// last ones, for a row count: `[784: [152, 153, 180, 181, 208]]` shows those rows of any
    /// 784-row matrix, with `⋮` for each gap. Empty by default.
    public var rowChoices: [Int: [Int]] = [:]
    /// The columns to show of a matrix with more than ``maxColumns`` columns, by column count,
    /// like ``rowChoices``.
    public var columnChoices: [Int: [Int]] = [:]

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
        let rowIndices = Self.shown(rows.count, max: maxRows, chosen: rowChoices[rows.count])
        let columnIndices = Self.shown(columnCount, max: maxColumns, chosen: columnChoices[columnCount])
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

    /// The indices shown out of `count`, with `nil` where the dots go: the first and last ones,
    /// or the `chosen` ones (sorted) with dots at each gap.
    private static func shown(_ count: Int, max: Int, chosen: [Int]? = nil) -> [Int?] {
        guard count > max else { return Array(0..<count) }
        if let chosen = chosen?.filter({ (0..<count).contains($0) }).sorted(), !chosen.isEmpty {
            var shown: [Int?] = chosen.first! > 0 ? [nil] : []
            for (position, index) in chosen.enumerated() {
                if position > 0, index > chosen[position - 1] + 1 { shown.append(nil) }
                shown.append(index)
            }
            if chosen.last! < count - 1 { shown.append(nil) }
            return shown
        }
        let head = max / 2
        let tail = max - 1 - head
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }
}
