import Dispatch
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

    /// The number of threads large products are split over.
    nonisolated(unsafe) static var threadCount = 2

    /// One operand as stored: its entries, the distance between rows, and whether it is read transposed.
    struct Operand: @unchecked Sendable {
        var base: UnsafePointer<Double>
        var rowStride: Int
        var transposed: Bool

        /// The operand from its row `row` (as read) on: an offset into `base`.
        func fromRow(_ row: Int) -> Operand {
            var copy = self
            copy.base += transposed ? row : row * rowStride
            return copy
        }

        /// The operand from its column `column` (as read) on.
        func fromColumn(_ column: Int) -> Operand {
            var copy = self
            copy.base += transposed ? column * rowStride : column
            return copy
        }
    }

    /// `C = op(A) op(B)`, or `C += op(A) op(B)` when `accumulating`; `op(A)` is `m × k`,
    /// `op(B)` is `k × n`, `C` is `m × n` with rows `ldc` apart.
    static func multiply(
        _ a: Operand, _ b: Operand, into c: UnsafeMutablePointer<Double>, ldc: Int,
        m: Int, n: Int, k: Int, accumulating: Bool = false
    ) {
        guard m > 0, n > 0 else { return }
        if mk_dgemm_is_direct(m, n, k) != 0 {
            mk_dgemm(
                a.transposed ? 1 : 0, b.transposed ? 1 : 0, m, n, k,
                a.base, a.rowStride, b.base, b.rowStride, c, ldc, accumulating ? 1 : 0)
            return
        }
        let threads = m * n * k >= parallelThreshold ? threadCount : 1
        // Splitting the columns of C makes each thread pack all of A; splitting the rows, all
        // of B. Split where the repeated packing is smaller, in whole tiles.
        let splitsColumns = m < n
        let extent = splitsColumns ? n : m
        let unit = splitsColumns ? tileColumns : tileRows
        let partSize = ((extent + threads - 1) / threads + unit - 1) / unit * unit
        let parts = threads <= 1 ? 1 : (extent + partSize - 1) / partSize
        if parts <= 1 {
            run(a, b, c, ldc: ldc, m: m, n: n, k: k, accumulating: accumulating)
            return
        }
        let output = SendablePointer(base: c)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let start = part * partSize
            let size = min(partSize, extent - start)
            if splitsColumns {
                run(a, b.fromColumn(start), output.base + start, ldc: ldc, m: m, n: size, k: k, accumulating: accumulating)
            } else {
                run(a.fromRow(start), b, output.base + start * ldc, ldc: ldc, m: size, n: n, k: k, accumulating: accumulating)
            }
        }
    }

    private struct SendablePointer: @unchecked Sendable {
        let base: UnsafeMutablePointer<Double>
    }

    private static func run(
        _ a: Operand, _ b: Operand, _ c: UnsafeMutablePointer<Double>, ldc: Int,
        m: Int, n: Int, k: Int, accumulating: Bool
    ) {
        mk_dgemm_packed(
            a.transposed ? 1 : 0, b.transposed ? 1 : 0, m, n, k,
            a.base, a.rowStride, b.base, b.rowStride, c, ldc, accumulating ? 1 : 0)
    }
}
