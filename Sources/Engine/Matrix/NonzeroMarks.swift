import MatrixKernels

/// Which entries of a matrix are nonzero, one bit each: bit `c mod 64` of
/// `bits[r · ⌈columns / 64⌉ + c / 64]` for entry `(r, c)` (a NaN counts as nonzero).
///
/// A batch of MNIST images is four fifths zeros, and both of a training step's large products
/// skip them: `x W` in the forward pass and the gradient `xᵀ dZ` in the backward pass. A dense
/// layer marks its input once in the forward pass (`mark`) and keeps the marks in its buffers
/// for the backward pass, so neither product reads the batch again to find the zeros. The
/// marks change which terms are computed, never a bit of the result: a skipped term is `0 · w`
/// with `w` finite, and the products skip only while every `w` is.
struct NonzeroMarks: Sendable {
    /// The shape of the matrix marked last; `0 × 0` until `mark` runs.
    private(set) var rows = 0, columns = 0
    /// How many of its entries are nonzero.
    private(set) var nonzeroCount = 0
    /// The bits, `⌈columns / 64⌉` words a row.
    private(set) var bits: [UInt64] = []

    /// The words of one row's bits.
    var wordsPerRow: Int { (columns + 63) / 64 }

    /// Whether at most one entry in three of the matrix marked last is nonzero: the share at
    /// which skipping zeros pays.
    var isMostlyZero: Bool { rows > 0 && columns > 0 && 3 * nonzeroCount <= rows * columns }

    /// Marks `matrix`'s nonzero entries, keeping the storage of the marks before; split over
    /// the kernels' threads for a large matrix.
    mutating func mark(_ matrix: Matrix) {
        (rows, columns) = (matrix.rows, matrix.columns)
        let count = rows * wordsPerRow
        if bits.count != count { bits = [UInt64](repeating: 0, count: count) }
        guard count > 0 else {
            nonzeroCount = 0
            return
        }
        let (rows, columns) = (rows, columns)
        nonzeroCount = matrix.values.withUnsafeBufferPointer { values in
            bits.withUnsafeMutableBufferPointer { bits in
                mk_mark_nonzero(
                    values.baseAddress!, columns, rows, columns, bits.baseAddress!, Int32(MatrixProductKernel.threadCount))
            }
        }
    }

    /// Forgets the matrix marked last (the storage stays).
    mutating func clear() {
        (rows, columns, nonzeroCount) = (0, 0, 0)
    }

    /// These marks, for a product with `matrix`, when they are of a mostly-zero matrix of its
    /// shape; else nil. The caller vouches that `matrix` is the one marked.
    func forProduct(with matrix: Matrix) -> NonzeroMarks? {
        isMostlyZero && matrix.rows == rows && matrix.columns == columns ? self : nil
    }

    /// Whether a product of `matrix` (m × k) by a k × `outputs` matrix would skip its zeros:
    /// the product is large enough to be packed and `matrix` looks mostly zero in its first
    /// rows. Marking it pays only then.
    static func pay(for matrix: Matrix, outputs: Int) -> Bool {
        let (m, k) = (matrix.rows, matrix.columns)
        guard m > 0, k > 0, outputs > 0, mk_dgemm_is_direct(m, outputs, k) == 0 else { return false }
        return matrix.values.withUnsafeBufferPointer { mk_looks_mostly_zero($0.baseAddress!, k, m, k) != 0 }
    }
}
