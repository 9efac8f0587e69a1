import Engine

/// An axis-aligned rectangle in the plane: the extent of a scatter plot or heatmap.
public struct BoundingBox: Sendable, Hashable {
    /// The smallest x.
    public var minX: Double
    /// The largest x.
    public var maxX: Double
    /// The smallest y.
    public var minY: Double
    /// The largest y.
    public var maxY: Double

    /// Creates a box from its edges.
    ///
    /// - Precondition: `minX < maxX` and `minY < maxY`.
    public init(minX: Double, maxX: Double, minY: Double, maxY: Double) {
        require(minX < maxX && minY < maxY, "BoundingBox: empty box x \(minX)…\(maxX), y \(minY)…\(maxY)")
        self.minX = minX
        self.maxX = maxX
        self.minY = minY
        self.maxY = maxY
    }

    /// The smallest box holding the first two columns of `points`, widened on every side by
    /// `padding` times its width and height (and by 0.5 where all points share a coordinate).
    ///
    /// - Precondition: `points` has at least one row and two columns.
    public init(around points: Matrix, padding: Double = 0.1) {
        require(points.rows > 0 && points.columns >= 2, "BoundingBox: needs points with two columns, got \(points.shapeDescription)")
        var lowX = Double.infinity, highX = -Double.infinity, lowY = Double.infinity, highY = -Double.infinity
        for row in 0..<points.rows {
            lowX = min(lowX, points[row, 0])
            highX = max(highX, points[row, 0])
            lowY = min(lowY, points[row, 1])
            highY = max(highY, points[row, 1])
        }
        let padX = highX > lowX ? (highX - lowX) * padding : 0.5
        let padY = highY > lowY ? (highY - lowY) * padding : 0.5
        self.init(minX: lowX - padX, maxX: highX + padX, minY: lowY - padY, maxY: highY + padY)
    }
}

/// A regular grid of points over a bounding box, for decision-region heatmaps and contours.
///
/// Evaluate a model on `points` (one grid point per row), then read the outputs back as a
/// `rowCount × columnCount` image: output row `r · columnCount + c` belongs to `(xs[c], ys[r])`.
public struct Grid: Sendable, Hashable {
    /// The x coordinate of each grid column, from `box.minX` to `box.maxX` inclusive.
    public let xs: [Double]
    /// The y coordinate of each grid row, from `box.minY` to `box.maxY` inclusive.
    public let ys: [Double]
    /// Every grid point as a row `[x, y]`: `(ys.count · xs.count) × 2`, row by row of the grid.
    public let points: Matrix

    /// Creates a grid of `columnCount × rowCount` points spanning `box`, edges included.
    ///
    /// - Precondition: `columnCount ≥ 2` and `rowCount ≥ 2`.
    public init(over box: BoundingBox, columnCount: Int, rowCount: Int) {
        require(columnCount >= 2 && rowCount >= 2, "Grid: needs at least 2×2 points, got \(columnCount)×\(rowCount)")
        xs = (0..<columnCount).map { box.minX + (box.maxX - box.minX) * Double($0) / Double(columnCount - 1) }
        ys = (0..<rowCount).map { box.minY + (box.maxY - box.minY) * Double($0) / Double(rowCount - 1) }
        var values = [Double]()
        values.reserveCapacity(columnCount * rowCount * 2)
        for y in ys {
            for x in xs {
                values.append(x)
                values.append(y)
            }
        }
        points = Matrix(rows: columnCount * rowCount, columns: 2, values: values)
    }

    /// Creates a square grid with `resolution` points on each side.
    public init(over box: BoundingBox, resolution: Int) {
        self.init(over: box, columnCount: resolution, rowCount: resolution)
    }

    /// Reshapes one value per grid point (a model's output column) into rows of the grid.
    ///
    /// - Precondition: `values.count == xs.count · ys.count`.
    public func reshape(_ values: [Double]) -> [[Double]] {
        require(values.count == xs.count * ys.count, "Grid.reshape: \(values.count) values for \(xs.count)×\(ys.count) points")
        return (0..<ys.count).map { Array(values[($0 * xs.count)..<(($0 + 1) * xs.count)]) }
    }
}
