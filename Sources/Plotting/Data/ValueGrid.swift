/// Values of a function sampled on a regular grid over a rectangle, for heatmaps and contours.
///
/// The rectangle `x × y` is cut into `columns × rows` cells, and `values[row][column]` is the
/// value at the centre of a cell; row 0 is the bottom (smallest `y`), as on a plot.
public struct ValueGrid: Sendable {
    /// The values, `rows` arrays of `columns` values, bottom row first.
    public let values: [[Double]]
    /// The x interval the grid covers.
    public let x: ClosedRange<Double>
    /// The y interval the grid covers.
    public let y: ClosedRange<Double>

    /// Creates a grid from values (bottom row first) covering `x × y`.
    public init(values: [[Double]], x: ClosedRange<Double>, y: ClosedRange<Double>) {
        precondition(!values.isEmpty && !values[0].isEmpty, "ValueGrid: no values")
        let columns = values[0].count
        for (index, row) in values.enumerated() {
            precondition(row.count == columns, "ValueGrid: row \(index) has \(row.count) values, row 0 has \(columns)")
        }
        self.values = values
        self.x = x
        self.y = y
    }

    /// Samples `function(x, y)` at the centres of `columns × rows` cells over `x × y`.
    public init(
        x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int = 200, rows: Int? = nil,
        function: (Double, Double) -> Double
    ) {
        let rowCount = rows ?? columns
        precondition(columns > 0 && rowCount > 0, "ValueGrid: empty resolution \(columns)×\(rowCount)")
        let dx = (x.upperBound - x.lowerBound) / Double(columns)
        let dy = (y.upperBound - y.lowerBound) / Double(rowCount)
        var values: [[Double]] = []
        values.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            let yValue = y.lowerBound + (Double(row) + 0.5) * dy
            values.append(
                (0..<columns).map { column in
                    function(x.lowerBound + (Double(column) + 0.5) * dx, yValue)
                })
        }
        self.init(values: values, x: x, y: y)
    }

    /// The number of columns.
    public var columns: Int { values[0].count }
    /// The number of rows.
    public var rows: Int { values.count }

    /// The x coordinate of a column's centre.
    public func xCenter(ofColumn column: Int) -> Double {
        x.lowerBound + (Double(column) + 0.5) * (x.upperBound - x.lowerBound) / Double(columns)
    }

    /// The y coordinate of a row's centre.
    public func yCenter(ofRow row: Int) -> Double {
        y.lowerBound + (Double(row) + 0.5) * (y.upperBound - y.lowerBound) / Double(rows)
    }

    /// The smallest and largest finite values.
    public var valueRange: ClosedRange<Double> {
        var low = Double.infinity
        var high = -Double.infinity
        for row in values {
            for v in row where v.isFinite {
                low = min(low, v)
                high = max(high, v)
            }
        }
        return low <= high ? low...high : 0...1
    }
}
