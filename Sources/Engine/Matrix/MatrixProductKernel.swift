import Dispatch

/// The cache-blocked, vectorized kernel behind `Matrix.product`.
///
/// `C += A B` for row-major `A` (`m × k`), `B` (`k × n`) and `C` (`m × n`). `B` is packed into
/// strips of `stripWidth` columns so the innermost loop reads it contiguously; `C` is computed
/// in tiles of `tileRows × stripWidth` held in SIMD registers; the depth is cut into blocks of
/// `depthBlock` so a strip of `B` stays in the L1 cache while the rows of `A` stream past.
///
/// Every entry of `C` is accumulated in the same order (depth blocks in turn, then `p` in
/// turn), whatever the number of threads, so results are bit-identical across runs and
/// thread counts. Multiplications and additions are separate (no fused multiply-add), so
/// they are the same on every x86-64 and ARM machine.
enum MatrixProductKernel {
    static let stripWidth = 4
    static let tileRows = 4
    static let depthBlock = 256
    static let rowBlock = 64
    /// Products below this many multiply-adds run on one thread; thread start-up would cost more.
    static let parallelThreshold = 1 << 20

    /// The number of threads large products are split over.
    nonisolated(unsafe) static var threadCount = 2

    static func multiplyAdd(
        _ a: UnsafePointer<Double>?, _ b: UnsafePointer<Double>?, into c: UnsafeMutablePointer<Double>?,
        rows m: Int, inner k: Int, columns n: Int
    ) {
        guard m > 0, n > 0, k > 0, let a, let b, let c else { return }
        if n < stripWidth || m * n * k < 4096 {
            multiplyAddSimple(a, b, c, m: m, k: k, n: n)
            return
        }
        let strips = (n + stripWidth - 1) / stripWidth
        let packed = UnsafeMutablePointer<Double>.allocate(capacity: strips * k * stripWidth)
        defer { packed.deallocate() }
        pack(b, into: packed, k: k, n: n)

        let threads = m * n * k >= parallelThreshold ? min(threadCount, max(1, m / tileRows)) : 1
        if threads <= 1 {
            multiplyAddPacked(a, packed, c, rowRange: 0..<m, k: k, n: n)
        } else {
            // Split the rows of C; each thread owns whole tiles, so no entry is shared.
            let rowsPerThread = ((m + threads - 1) / threads + tileRows - 1) / tileRows * tileRows
            let operands = SharedOperands(a: a, packedB: UnsafePointer(packed), c: c)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                let start = thread * rowsPerThread
                let end = min(m, start + rowsPerThread)
                if start < end {
                    multiplyAddPacked(operands.a, operands.packedB, operands.c, rowRange: start..<end, k: k, n: n)
                }
            }
        }
    }

    /// The operands the threads of one product share: `A` and packed `B` are only read, and
    /// each thread writes a disjoint set of rows of `C`.
    private struct SharedOperands: @unchecked Sendable {
        let a: UnsafePointer<Double>
        let packedB: UnsafePointer<Double>
        let c: UnsafeMutablePointer<Double>
    }

    /// The plain triple loop (i, p, j) for products too small or too narrow to pack.
    private static func multiplyAddSimple(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        for i in 0..<m {
            let cRow = c + i * n
            for p in 0..<k {
                let factor = a[i * k + p]
                let bRow = b + p * n
                for j in 0..<n { cRow[j] += factor * bRow[j] }
            }
        }
    }

    /// Copies `B` into strips: strip `s` holds, for each `p`, columns `s·w ..< s·w + w` (zero-padded).
    private static func pack(_ b: UnsafePointer<Double>, into packed: UnsafeMutablePointer<Double>, k: Int, n: Int) {
        let strips = (n + stripWidth - 1) / stripWidth
        for strip in 0..<strips {
            let firstColumn = strip * stripWidth
            let width = min(stripWidth, n - firstColumn)
            let target = packed + strip * k * stripWidth
            for p in 0..<k {
                let row = target + p * stripWidth
                for t in 0..<width { row[t] = b[p * n + firstColumn + t] }
                for t in width..<stripWidth { row[t] = 0 }
            }
        }
    }

    private static func multiplyAddPacked(
        _ a: UnsafePointer<Double>, _ packed: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        rowRange: Range<Int>, k: Int, n: Int
    ) {
        let strips = (n + stripWidth - 1) / stripWidth
        for depthStart in stride(from: 0, to: k, by: depthBlock) {
            let depth = min(depthBlock, k - depthStart)
            for blockStart in stride(from: rowRange.lowerBound, to: rowRange.upperBound, by: rowBlock) {
                let blockEnd = min(blockStart + rowBlock, rowRange.upperBound)
                for strip in 0..<strips {
                    let firstColumn = strip * stripWidth
                    let width = min(stripWidth, n - firstColumn)
                    let bStrip = packed + strip * k * stripWidth + depthStart * stripWidth
                    var i = blockStart
                    while i + tileRows <= blockEnd {
                        tile(
                            a + i * k + depthStart, lda: k, bStrip, depth: depth,
                            c + i * n + firstColumn, ldc: n, width: width)
                        i += tileRows
                    }
                    while i < blockEnd {
                        singleRow(a + i * k + depthStart, bStrip, depth: depth, c + i * n + firstColumn, width: width)
                        i += 1
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// `C[0..<4, 0..<width] += A[0..<4, 0..<depth] · strip`, with the 4 × 4 tile in registers.
    ///
    /// Eight two-lane accumulators, two for the strip's row and one for the broadcast entry of
    /// `A` fit the sixteen vector registers of baseline x86-64 without spilling.
    @inline(__always)
    private static func tile(
        _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, depth: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int, width: Int
    ) {
        var c0 = SIMD4<Double>(), c1 = SIMD4<Double>(), c2 = SIMD4<Double>(), c3 = SIMD4<Double>()
        let a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda
        var bp = b
        for p in 0..<depth {
            let row = load(bp)
            c0 += SIMD4(repeating: a0[p]) * row
            c1 += SIMD4(repeating: a1[p]) * row
            c2 += SIMD4(repeating: a2[p]) * row
            c3 += SIMD4(repeating: a3[p]) * row
            bp += stripWidth
        }
        store(c0, into: c, width: width)
        store(c1, into: c + ldc, width: width)
        store(c2, into: c + 2 * ldc, width: width)
        store(c3, into: c + 3 * ldc, width: width)
    }

    /// `C[0, 0..<width] += A[0, 0..<depth] · strip`, for the rows left over after the 4-row tiles.
    @inline(__always)
    private static func singleRow(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, depth: Int,
        _ c: UnsafeMutablePointer<Double>, width: Int
    ) {
        var c0 = SIMD4<Double>()
        var bp = b
        for p in 0..<depth {
            c0 += SIMD4(repeating: a[p]) * load(bp)
            bp += stripWidth
        }
        store(c0, into: c, width: width)
    }

    /// Adds four lanes to a row of `C`, of which only the first `width` are real columns.
    @inline(__always)
    private static func store(_ lanes: SIMD4<Double>, into c: UnsafeMutablePointer<Double>, width: Int) {
        if width == stripWidth {
            UnsafeMutableRawPointer(c).storeBytes(of: load(c) + lanes, as: SIMD4<Double>.self)
        } else {
            for t in 0..<width { c[t] += lanes[t] }
        }
    }
}
