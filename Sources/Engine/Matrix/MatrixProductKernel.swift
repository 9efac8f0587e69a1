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
    static let stripWidth = 8
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
                        tile4x8(
                            a + i * k + depthStart, lda: k, bStrip, depth: depth,
                            c + i * n + firstColumn, ldc: n, width: width)
                        i += tileRows
                    }
                    while i < blockEnd {
                        tile1x8(a + i * k + depthStart, bStrip, depth: depth, c + i * n + firstColumn, width: width)
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

    /// `C[0..<4, 0..<width] += A[0..<4, 0..<depth] · strip`, with the 4 × 8 tile in registers.
    @inline(__always)
    private static func tile4x8(
        _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, depth: Int,
        _ c: UnsafeMutablePointer<Double>, ldc: Int, width: Int
    ) {
        var c00 = SIMD4<Double>(), c01 = SIMD4<Double>()
        var c10 = SIMD4<Double>(), c11 = SIMD4<Double>()
        var c20 = SIMD4<Double>(), c21 = SIMD4<Double>()
        var c30 = SIMD4<Double>(), c31 = SIMD4<Double>()
        let a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda
        var bp = b
        for p in 0..<depth {
            let b0 = load(bp), b1 = load(bp + 4)
            let x0 = SIMD4(repeating: a0[p]), x1 = SIMD4(repeating: a1[p])
            c00 += x0 * b0; c01 += x0 * b1
            c10 += x1 * b0; c11 += x1 * b1
            let x2 = SIMD4(repeating: a2[p]), x3 = SIMD4(repeating: a3[p])
            c20 += x2 * b0; c21 += x2 * b1
            c30 += x3 * b0; c31 += x3 * b1
            bp += 8
        }
        store(c00, c01, into: c, width: width)
        store(c10, c11, into: c + ldc, width: width)
        store(c20, c21, into: c + 2 * ldc, width: width)
        store(c30, c31, into: c + 3 * ldc, width: width)
    }

    /// `C[0, 0..<width] += A[0, 0..<depth] · strip`, for the rows left over after the 4-row tiles.
    @inline(__always)
    private static func tile1x8(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, depth: Int,
        _ c: UnsafeMutablePointer<Double>, width: Int
    ) {
        var c0 = SIMD4<Double>(), c1 = SIMD4<Double>()
        var bp = b
        for p in 0..<depth {
            let x = SIMD4(repeating: a[p])
            c0 += x * load(bp)
            c1 += x * load(bp + 4)
            bp += 8
        }
        store(c0, c1, into: c, width: width)
    }

    /// Adds eight lanes to a row of `C`, of which only the first `width` are real columns.
    @inline(__always)
    private static func store(_ low: SIMD4<Double>, _ high: SIMD4<Double>, into c: UnsafeMutablePointer<Double>, width: Int) {
        if width == 8 {
            let raw = UnsafeMutableRawPointer(c)
            raw.storeBytes(of: load(c) + low, toByteOffset: 0, as: SIMD4<Double>.self)
            raw.storeBytes(of: load(c + 4) + high, toByteOffset: 32, as: SIMD4<Double>.self)
        } else {
            for t in 0..<width { c[t] += t < 4 ? low[t] : high[t - 4] }
        }
    }
}
