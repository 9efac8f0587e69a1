import MatrixKernels

/// Selecting and joining rows and columns: mini-batches, shuffles and `[1 x]`-style concatenation.
extension Matrix {
    /// The rows in `range`, as a new matrix (a contiguous mini-batch).
    public func rows(_ range: Range<Int>) -> Matrix {
        require(
            range.lowerBound >= 0 && range.upperBound <= rows,
            "Matrix.rows: range \(range) outside shape \(shapeDescription)")
        return Matrix(
            rows: range.count, columns: columns,
            values: Array(values[(range.lowerBound * columns)..<(range.upperBound * columns)]))
    }

    /// Keeps only the rows at `indices`, which must ascend, in place: each moves up to its new
    /// place and the storage stays (a data set's kept part after a split, hundreds of megabytes
    /// that a copy would have to fault in page by page).
    public mutating func keepRows(_ indices: [Int]) {
        for (position, index) in indices.enumerated() {
            require(
                index >= 0 && index < rows && (position == 0 || indices[position - 1] < index),
                "Matrix.keepRows: row \(index) at position \(position) is outside shape \(shapeDescription) or out of order")
        }
        let columns = columns
        values.withUnsafeMutableBufferPointer { storage in
            guard let base = storage.baseAddress else { return }
            for (position, index) in indices.enumerated() where position != index {
                (base + position * columns).update(from: base + index * columns, count: columns)
            }
        }
        values.removeLast((rows - indices.count) * columns)
        rows = indices.count
    }

    /// The row at `index`, as a `1 × columns` matrix.
    public func row(_ index: Int) -> Matrix {
        rows(index..<(index + 1))
    }

    /// The rows at `indices`, in that order (a shuffled mini-batch, or the part of a data set
    /// a split keeps). The copy goes straight into new storage, never zeroed first.
    public func rows(at indices: [Int]) -> Matrix {
        let values = [Double](unsafeUninitializedCapacity: indices.count * columns) { destination, initialized in
            gatherRows(at: indices[...], into: destination.baseAddress)
            initialized = indices.count * columns
        }
        return Matrix(rows: indices.count, columns: columns, values: values)
    }

    /// The rows at `indices`, in that order, into `result`, which keeps its storage from one
    /// mini-batch to the next.
    func rows(at indices: ArraySlice<Int>, into result: inout Matrix) {
        result.prepare(rows: indices.count, columns: columns)
        result.values.withUnsafeMutableBufferPointer { gatherRows(at: indices, into: $0.baseAddress) }
    }

    /// Copies the rows at `indices` one after another to `destination` (room for
    /// `indices.count × columns` entries), after checking each index; the copy is split over two
    /// threads for a large batch.
    private func gatherRows(at indices: ArraySlice<Int>, into destination: UnsafeMutablePointer<Double>?) {
        for index in indices {
            require(index >= 0 && index < rows, "Matrix.rows(at:): row \(index) outside shape \(shapeDescription)")
        }
        guard !indices.isEmpty, columns > 0 else { return }
        values.withUnsafeBufferPointer { source in
            indices.withUnsafeBufferPointer { rows in
                mk_gather_rows(
                    source.baseAddress, columns, rows.baseAddress, rows.count, destination,
                    Int32(MatrixProductKernel.threadCount))
            }
        }
    }

    /// The column at `index`, as a `rows × 1` matrix.
    public func column(_ index: Int) -> Matrix {
        require(index >= 0 && index < columns, "Matrix.column: column \(index) outside shape \(shapeDescription)")
        return Matrix(rows: rows, columns: 1) { row, _ in self.values[row * self.columns + index] }
    }

    /// The matrices side by side, `[A B]` (equal row counts).
    public static func horizontalConcatenation(_ parts: [Matrix]) -> Matrix {
        guard let first = parts.first else { return Matrix(rows: 0, columns: 0) }
        for part in parts where part.rows != first.rows {
            programmingError(
                "Matrix [A B]: shapes \(first.shapeDescription) and \(part.shapeDescription) have different row counts")
        }
        let columns = parts.reduce(0) { $0 + $1.columns }
        var values = [Double]()
        values.reserveCapacity(first.rows * columns)
        for row in 0..<first.rows {
            for part in parts {
                values.append(contentsOf: part.values[(row * part.columns)..<((row + 1) * part.columns)])
            }
        }
        return Matrix(rows: first.rows, columns: columns, values: values)
    }

    /// The matrices stacked top to bottom, `[A; B]` (equal column counts).
    public static func verticalConcatenation(_ parts: [Matrix]) -> Matrix {
        guard let first = parts.first else { return Matrix(rows: 0, columns: 0) }
        for part in parts where part.columns != first.columns {
            programmingError(
                "Matrix [A; B]: shapes \(first.shapeDescription) and \(part.shapeDescription) have different column counts")
        }
        return Matrix(
            rows: parts.reduce(0) { $0 + $1.rows }, columns: first.columns,
            values: parts.flatMap { $0.values })
    }
}
