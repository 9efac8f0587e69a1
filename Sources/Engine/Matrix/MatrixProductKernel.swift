import MatrixKernels

/// Splits a matrix product over threads and hands each part to the blocked C kernel
/// (`mk_dgemm_packed` in `Sources/MatrixKernels/gemm.c`); small and skinny products go to
/// the direct loops of `mk_dgemm` on one thread.
///
/// The blocked kernel sums every entry of `C` in one fixed order whatever part of `C` it is
/// asked for, so results are bit-identical for every thread count and every split. On a machine
/// with AVX2 and FMA the kernel fuses each multiply-add; elsewhere it multiplies and adds
/// separately, so the last bits can differ between such machines, never between runs.
enum MatrixProductKernel {
    /// Products below this many multiply-adds run on one thread: waking a second costs more.
    static let parallelThreshold = 1 << 17
    /// The kernel's register tile, `rows × columns`; parts of a split are whole tiles.
    static let tileRows = 6, tileColumns = 8

    /// The number of threads large products and parameter updates are split over on this
    /// thread: `Kernels.threadCount`, set for a closure with `Kernels.withSettings(threads:)`.
    static var threadCount: Int { Kernels.threadCount }

    /// One operand as stored: its entries, the distance between rows, whether it is read
    /// transposed, for a left operand the marks of its nonzero entries (`NonzeroMarks`) from the
    /// stored column `markColumn` on, and for a right operand whether its caller vouches that
    /// every entry is finite.
    struct Operand: @unchecked Sendable {
        var base: UnsafePointer<Double>
        var rowStride: Int
        var transposed: Bool
        var marks: UnsafePointer<UInt64>? = nil
        var markWords = 0, markColumn = 0
        var isFinite = false

        /// The operand from its row `row` (as read) on: an offset into `base`.
        func fromRow(_ row: Int) -> Operand {
            var copy = self
            copy.base += transposed ? row : row * rowStride
            if transposed { copy.markColumn += row } else { copy.marks = marks.map { $0 + row * markWords } }
            return copy
        }

        /// The operand from its column `column` (as read) on.
        func fromColumn(_ column: Int) -> Operand {
            var copy = self
            copy.base += transposed ? column * rowStride : column
            if transposed { copy.marks = marks.map { $0 + column * markWords } } else { copy.markColumn += column }
            return copy
        }
    }

    /// `C = op(A) op(B)`, or `C += op(A) op(B)` when `accumulating`, then divided by `divisor`;
    /// `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n` with rows `ldc` apart.
    static func multiply(
        _ a: Operand, _ b: Operand, into c: UnsafeMutablePointer<Double>, ldc: Int,
        m: Int, n: Int, k: Int, accumulating: Bool = false, dividingBy divisor: Double = 1
    ) {
        guard m > 0, n > 0 else { return }
        if mk_dgemm_is_direct(m, n, k) != 0 {
            mk_dgemm(
                a.transposed ? 1 : 0, b.transposed ? 1 : 0, m, n, k,
                a.base, a.rowStride, b.base, b.rowStride, c, ldc, accumulating ? 1 : 0)
            if divisor != 1 { mk_divide_rows(c, m, n, ldc, divisor) }
            return
        }
        // Splitting the columns of C makes each thread pack all of A; splitting the rows, all
        // of B. Split where the repeated packing is smaller, in whole tiles.
        let splitsColumns = m < n
        let extent = splitsColumns ? n : m
        let unit = splitsColumns ? tileColumns : tileRows
        let half = ((extent + 1) / 2 + unit - 1) / unit * unit
        guard threadCount > 1, m * n * k >= parallelThreshold, half < extent else {
            run(a, b, c, ldc: ldc, m: m, n: n, k: k, accumulating: accumulating, dividingBy: divisor)
            return
        }
        var split = Split(
            a: a, b: b, c: c, ldc: ldc, m: m, n: n, k: k, accumulating: accumulating, divisor: divisor,
            splitsColumns: splitsColumns, half: half, extent: extent)
        withUnsafeMutablePointer(to: &split) { job in
            mk_run_pair({ context, part in
                context!.assumingMemoryBound(to: Split.self).pointee.run(part: Int(part))
            }, job)
        }
    }

    /// A product cut in two at `half` (rows or columns of C), one part per thread.
    private struct Split {
        var a: Operand, b: Operand
        var c: UnsafeMutablePointer<Double>
        var ldc, m, n, k: Int
        var accumulating: Bool
        var divisor: Double
        var splitsColumns: Bool
        var half, extent: Int

        func run(part: Int) {
            let start = part == 0 ? 0 : half
            let size = part == 0 ? half : extent - half
            if splitsColumns {
                MatrixProductKernel.run(
                    a, b.fromColumn(start), c + start, ldc: ldc, m: m, n: size, k: k, accumulating: accumulating,
                    dividingBy: divisor)
            } else {
                MatrixProductKernel.run(
                    a.fromRow(start), b, c + start * ldc, ldc: ldc, m: size, n: n, k: k, accumulating: accumulating,
                    dividingBy: divisor)
            }
        }
    }

    private static func run(
        _ a: Operand, _ b: Operand, _ c: UnsafeMutablePointer<Double>, ldc: Int,
        m: Int, n: Int, k: Int, accumulating: Bool, dividingBy divisor: Double
    ) {
        // The kernel divides as it stores where it can (the sparse paths), else after.
        var marks = mk_marks(bits: a.marks, words: a.markWords, first_column: a.markColumn)
        withUnsafePointer(to: &marks) { marks in
            var options = mk_product_options(
                marks_a: a.marks == nil ? nil : marks, b_finite: b.isFinite ? 1 : 0, divisor: divisor)
            mk_dgemm_packed_with(
                a.transposed ? 1 : 0, b.transposed ? 1 : 0, m, n, k,
                a.base, a.rowStride, b.base, b.rowStride, c, ldc, accumulating ? 1 : 0, &options)
        }
    }
}
