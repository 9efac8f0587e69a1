import Testing

@testable import Engine

/// A mostly-zero left operand (a batch of images): the packed kernel skips the depth steps where
/// a panel of its rows is all zero, and gives the bits of the full order.
@Suite(.serialized) struct SparseProductTests {
    /// A `rows × columns` matrix whose entries are zero but for about one in five, with a −0
    /// among the zeros.
    func mostlyZero(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        var matrix = Matrix(rows: rows, columns: columns) { _, _ in
            generator.nextUniform(from: 0, to: 1) < 0.2 ? generator.nextNormal() : 0
        }
        matrix[0, 1] = -0.0
        return matrix
    }

    /// The packed kernel's documented order, with Swift's fused multiply-add (or a separate
    /// multiply and add for the baseline): per entry, one chain over each block of 256 depth
    /// steps from zero, each block's sum added to the entry (or replacing it, for the first
    /// block of a product that does not accumulate).
    func packedReference(_ a: Matrix, _ b: Matrix, onto c: Matrix?, fused: Bool) -> Matrix {
        let (m, k, n) = (a.rows, a.columns, b.columns)
        var result = c ?? Matrix(rows: m, columns: n)
        for i in 0..<m {
            for j in 0..<n {
                for start in stride(from: 0, to: k, by: 256) {
                    var sum = 0.0
                    for p in start..<min(k, start + 256) {
                        sum = fused ? sum.addingProduct(a[i, p], b[p, j]) : sum + a[i, p] * b[p, j]
                    }
                    result[i, j] = (c != nil || start > 0) ? result[i, j] + sum : sum
                }
            }
        }
        return result
    }

    /// Forward-like (several depth blocks, a chunk, vectors and a scalar tail across the row)
    /// and gradient-like (A read transposed) shapes, `m × k · k × n`. Read transposed, a depth
    /// of at most 256 takes the pixel-by-pixel path: one word of images (64), three (130), or
    /// a depth beyond it (300, 530), which the packed kernel serves.
    static let shapes: [(Int, Int, Int)] = [
        (20, 530, 45), (9, 64, 37), (70, 300, 5), (2, 257, 40), (100, 64, 20), (200, 130, 70),
    ]

    @Test(arguments: shapes, [false, true])
    func followsThePackedOrderBitForBit(shape: (Int, Int, Int), transposing: Bool) throws {
        let (m, k, n) = shape
        let plainA = mostlyZero(m, k, seed: 41)
        let a = transposing ? plainA.transposed : plainA
        let b = randomMatrix(k, n, seed: 42)
        let start = randomMatrix(m, n, seed: 43)
        // The fused order is the AVX2 version's: without AVX2 only the baseline's is checked.
        for baseline in Kernels.usesAVX2 ? [false, true] : [true] {
            for onto in [nil, start] {
                var product = onto ?? Matrix(rows: 0, columns: 0)
                let multiply = { Matrix.multiply(a, b, transposingLeft: transposing, into: &product, accumulating: onto != nil) }
                if baseline { Kernels.withBaseline(multiply) } else { multiply() }
                let expected = packedReference(plainA, b, onto: onto, fused: !baseline)
                #expect(product.values.map(\.bitPattern) == expected.values.map(\.bitPattern), "baseline \(baseline)")
            }
        }
    }

    @Test(.enabled(if: Kernels.usesAVX2, "the fused order is the AVX2 version's"))
    func imagesAfterDenseRowsAreSkippedByThePackedKernelWithTheSameBits() {
        // Dense first rows send x·W past the row-by-row path to the packed kernel, whose
        // later panels of six mostly-zero rows still drop their common zero steps.
        var a = mostlyZero(40, 530, seed: 52)
        let dense = randomMatrix(4, 530, seed: 53)
        for i in 0..<4 { for p in 0..<530 { a[i, p] = dense[i, p] } }
        let b = randomMatrix(530, 45, seed: 54)
        #expect(Matrix.product(a, b).values.map(\.bitPattern) == packedReference(a, b, onto: nil, fused: true).values.map(\.bitPattern))
    }

    @Test(.enabled(if: Kernels.usesAVX2, "the fused order is the AVX2 version's"))
    func thePackedKernelFollowsTheSameOrder() {
        let a = randomMatrix(20, 530, seed: 50), b = randomMatrix(530, 45, seed: 51)
        let expected = packedReference(a, b, onto: nil, fused: true)
        #expect(Matrix.product(a, b).values.map(\.bitPattern) == expected.values.map(\.bitPattern))
    }

    @Test func aNonFiniteEntryOfBMakesEveryStepCount() {
        var a = mostlyZero(40, 300, seed: 46)
        for p in 0..<300 { for i in 0..<6 { a[i, p] = 0 } }
        a[1, 7] = .nan
        var b = randomMatrix(300, 20, seed: 44)
        b[5, 3] = .infinity
        let product = Matrix.product(a, b)
        // Rows 0, 2…5 are zero at depth 5, as in the whole panel: 0·∞ is NaN as in the full
        // order, not skipped. A NaN in A counts as nonzero and spreads along its row.
        #expect(product[0, 3].isNaN && product[2, 3].isNaN)
        #expect(product[0, 2] == 0 && product[1, 0].isNaN)
        #expect((6..<40).allSatisfy { product[$0, 3].isNaN || product[$0, 3].isInfinite })
    }

    @Test func aNonFiniteEntryOfBMakesEveryImageCountInAGradient() {
        // xᵀ·dZ: pixel p of image 5 is zero for most p, and dZ[5, 3] = ∞; 0·∞ is NaN in the
        // full order, so every such pixel's entry in column 3 is NaN, not skipped.
        let x = mostlyZero(64, 300, seed: 55)
        var dz = randomMatrix(64, 20, seed: 56)
        dz[5, 3] = .infinity
        let gradient = Matrix.product(x, dz, transposingLeft: true)
        let zeroInImage5 = (0..<300).filter { x[5, $0] == 0 }
        #expect(zeroInImage5.count > 150)
        #expect(zeroInImage5.allSatisfy { gradient[$0, 3].isNaN })
        #expect(gradient[zeroInImage5[0], 2].isFinite)
    }

    @Test func theWholeProductIsTheSameOnOneAndTwoThreads() {
        let x = mostlyZero(64, 784, seed: 47), w = randomMatrix(784, 128, seed: 48)
        let dz = randomMatrix(64, 128, seed: 49)
        let forward = Matrix.product(x, w), gradient = Matrix.product(x, dz, transposingLeft: true)
        Kernels.withSettings(threads: 1) {
            #expect(Matrix.product(x, w).values.map(\.bitPattern) == forward.values.map(\.bitPattern))
            #expect(Matrix.product(x, dz, transposingLeft: true).values.map(\.bitPattern) == gradient.values.map(\.bitPattern))
        }
        expectClose(forward, naiveProduct(x, w), tolerance: 1e-12)
    }
}
