import MatrixKernels

/// Operations that write into an existing matrix, for the training loop's reused buffers.
///
/// Each gives exactly the numbers of its allocating twin (`Matrix.product`, `sum(along:)`…),
/// which is written in terms of it.
extension Matrix {
    /// Gives the matrix the shape `rows × columns`, keeping its storage when the count of
    /// entries is unchanged; the entries are unspecified afterwards (callers overwrite them).
    mutating func prepare(rows: Int, columns: Int) {
        if values.count != rows * columns { values = [Double](repeating: 0, count: rows * columns) }
        self.rows = rows
        self.columns = columns
    }

    /// Shapes `result` as `rows × columns` and runs `body` with the storage of three operands
    /// and of `result`: a C loop that reads three matrices and writes one (a layer's product and
    /// its bias, a sensitivity's product and a layer's outputs).
    static func withStorage(
        of first: Matrix, _ second: Matrix, _ third: Matrix, writing result: inout Matrix, rows: Int, columns: Int,
        _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) {
        result.prepare(rows: rows, columns: columns)
        first.values.withUnsafeBufferPointer { a in
            second.values.withUnsafeBufferPointer { b in
                third.values.withUnsafeBufferPointer { c in
                    result.values.withUnsafeMutableBufferPointer { target in
                        body(a.baseAddress!, b.baseAddress!, c.baseAddress!, target.baseAddress!)
                    }
                }
            }
        }
    }

    /// `result = op(lhs) op(rhs)`, or `result += op(lhs) op(rhs)` when `accumulating`, into
    /// `result`'s storage when its entry count fits (as numpy's `matmul(a, b, out=)`); then
    /// every entry of `result` divided by `divisor`, with the bits of `divide(by:)` afterwards
    /// (a gradient averaged over its batch), by each thread in the part it just computed.
    public static func multiply(
        _ lhs: Matrix, _ rhs: Matrix, transposingLeft: Bool = false, transposingRight: Bool = false,
        into result: inout Matrix, accumulating: Bool = false, dividingBy divisor: Double = 1
    ) {
        multiply(
            lhs, rhs, transposingLeft: transposingLeft, transposingRight: transposingRight, into: &result,
            accumulating: accumulating, dividingBy: divisor, leftMarks: nil)
    }

    /// `multiply(_:_:transposingLeft:transposingRight:into:accumulating:dividingBy:)` with the
    /// marks of `lhs`'s nonzero entries (`NonzeroMarks.forProduct(with: lhs)`), which a product
    /// that skips them reads instead of `lhs`, and `rightIsFinite` where the caller vouches that
    /// every entry of `rhs` is (a trainer's weights), which is then not checked. The same bits.
    static func multiply(
        _ lhs: Matrix, _ rhs: Matrix, transposingLeft: Bool = false, transposingRight: Bool = false,
        into result: inout Matrix, accumulating: Bool = false, dividingBy divisor: Double = 1,
        leftMarks: NonzeroMarks?, rightIsFinite: Bool = false
    ) {
        let (m, k) = transposingLeft ? (lhs.columns, lhs.rows) : (lhs.rows, lhs.columns)
        let (innerRight, n) = transposingRight ? (rhs.columns, rhs.rows) : (rhs.rows, rhs.columns)
        require(
            k == innerRight,
            "Matrix product: shapes \(m)×\(k) and \(innerRight)×\(n) do not fit "
                + "(\(k) columns against \(innerRight) rows)")
        if accumulating {
            require(
                result.rows == m && result.columns == n,
                "Matrix product: the result \(result.shapeDescription) to add to is not \(m)×\(n)")
        } else {
            result.prepare(rows: m, columns: n)
        }
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulating { result.fill(with: 0) }
            if divisor != 1 { result.divide(by: divisor) }
            return
        }
        require(
            leftMarks.map { $0.rows == lhs.rows && $0.columns == lhs.columns } ?? true,
            "Matrix product: the marks of \(leftMarks?.rows ?? 0)×\(leftMarks?.columns ?? 0) entries are not those of \(lhs.shapeDescription)")
        let marks = leftMarks?.bits ?? []
        lhs.values.withUnsafeBufferPointer { a in
            rhs.values.withUnsafeBufferPointer { b in
                result.values.withUnsafeMutableBufferPointer { c in
                    marks.withUnsafeBufferPointer { bits in
                        MatrixProductKernel.multiply(
                            .init(
                                base: a.baseAddress!, rowStride: lhs.columns, transposed: transposingLeft,
                                marks: leftMarks == nil ? nil : bits.baseAddress, markWords: leftMarks?.wordsPerRow ?? 0),
                            .init(
                                base: b.baseAddress!, rowStride: rhs.columns, transposed: transposingRight,
                                isFinite: rightIsFinite),
                            into: c.baseAddress!, ldc: n, m: m, n: n, k: k, accumulating: accumulating,
                            dividingBy: divisor)
                    }
                }
            }
        }
    }

    /// Sets every entry to `value`.
    mutating func fill(with value: Double) {
        values.withUnsafeMutableBufferPointer { target in
            for index in target.indices { target[index] = value }
        }
    }

    /// Multiplies every entry by `factor`, in place.
    mutating func scale(by factor: Double) {
        values.withUnsafeMutableBufferPointer { target in
            for index in target.indices { target[index] *= factor }
        }
    }

    /// Divides every entry by `divisor`, in place.
    ///
    /// A power of two (a batch of 64) is divided by multiplying with its reciprocal: both
    /// round the same exact value, so the bits are the same, and a multiplication is several
    /// times cheaper than a division (`mk_divide_rows`).
    mutating func divide(by divisor: Double) {
        let count = values.count
        values.withUnsafeMutableBufferPointer { target in
            guard let base = target.baseAddress else { return }
            mk_divide_rows(base, 1, count, count, divisor)
        }
    }

    /// `result = self − other` entry by entry (same shapes).
    func subtract(_ other: Matrix, into result: inout Matrix) {
        require(
            rows == other.rows && columns == other.columns,
            "Matrix -: shapes \(shapeDescription) and \(other.shapeDescription) differ")
        result.prepare(rows: rows, columns: columns)
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                result.values.withUnsafeMutableBufferPointer { c in
                    for index in c.indices { c[index] = a[index] - b[index] }
                }
            }
        }
    }

    /// The column sums into the `1 × columns` row `result` (`sum(along: .rows)`): the product
    /// `1ᵀ·self` of a row of ones, summed in the order the matrix product gives that shape
    /// (four interleaved partial sums down a long column), which keeps the chains of
    /// dependent additions short.
    func sumOfColumns(into result: inout Matrix) {
        result.prepare(rows: 1, columns: columns)
        let (rows, columns) = (self.rows, self.columns)
        guard columns > 0 else { return }
        values.withUnsafeBufferPointer { source in
            result.values.withUnsafeMutableBufferPointer { total in
                // An empty matrix has no storage to point at; its sums are zeros all the same.
                let start = source.baseAddress ?? UnsafePointer(total.baseAddress!)
                mk_column_sums(start, rows, columns, columns, total.baseAddress!)
            }
        }
    }
}

/// `y[i] = e^x[i]` for a buffer, in place, vectorized.
@inline(__always)
func exponentiate(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    mk_exp(base, base, buffer.count)
}
