import MatrixKernels
import Testing

@testable import Engine

/// The path for a mostly-zero left operand (a batch of images) gives the packed kernel's bits.
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

    /// Calls the sparse kernel directly; nil when it declines.
    func sparseProduct(_ a: Matrix, transposingLeft: Bool, _ b: Matrix, onto start: Matrix?) -> Matrix? {
        let (m, k) = transposingLeft ? (a.columns, a.rows) : (a.rows, a.columns)
        var c = start ?? Matrix(rows: m, columns: b.columns, repeating: 7)
        let done = a.values.withUnsafeBufferPointer { a_ in
            b.values.withUnsafeBufferPointer { b_ in
                c.values.withUnsafeMutableBufferPointer { c_ in
                    mk_dgemm_sparse(
                        transposingLeft ? 1 : 0, m, b.columns, k, a_.baseAddress, a.columns, b_.baseAddress, b.columns,
                        c_.baseAddress, b.columns, start == nil ? 0 : 1)
                }
            }
        }
        return done != 0 ? c : nil
    }

    /// Forward-like (several depth blocks, a chunk, vectors and a scalar tail across the row)
    /// and gradient-like (A read transposed) shapes, `m × k · k × n`.
    static let shapes: [(Int, Int, Int)] = [(20, 530, 45), (9, 64, 37), (70, 300, 3), (1, 257, 33)]

    @Test(arguments: shapes, [false, true])
    func followsThePackedOrderBitForBit(shape: (Int, Int, Int), transposing: Bool) throws {
        let (m, k, n) = shape
        let plainA = mostlyZero(m, k, seed: 41)
        let a = transposing ? plainA.transposed : plainA
        let b = randomMatrix(k, n, seed: 42)
        let start = randomMatrix(m, n, seed: 43)
        for baseline in [false, true] {
            if !baseline { try #require(Kernels.usesAVX2, "the fused order is the AVX2 version's") }
            let run = { (onto: Matrix?) in
                baseline
                    ? Kernels.withBaseline { sparseProduct(a, transposingLeft: transposing, b, onto: onto) }
                    : sparseProduct(a, transposingLeft: transposing, b, onto: onto)
            }
            for onto in [nil, start] {
                let product = try #require(run(onto), "the sparse kernel declined a mostly-zero operand")
                let expected = packedReference(plainA, b, onto: onto, fused: !baseline)
                #expect(product.values.map(\.bitPattern) == expected.values.map(\.bitPattern), "baseline \(baseline)")
            }
        }
    }

    @Test func thePackedKernelFollowsTheSameOrder() throws {
        try #require(Kernels.usesAVX2, "the fused order is the AVX2 version's")
        let a = randomMatrix(20, 530, seed: 50), b = randomMatrix(530, 45, seed: 51)
        let expected = packedReference(a, b, onto: nil, fused: true)
        #expect(Matrix.product(a, b).values.map(\.bitPattern) == expected.values.map(\.bitPattern))
    }

    @Test func declinesADenseOperandOrANonFiniteOne() {
        let b = randomMatrix(300, 20, seed: 44)
        #expect(sparseProduct(randomMatrix(40, 300, seed: 45), transposingLeft: false, b, onto: nil) == nil)
        var a = mostlyZero(40, 300, seed: 46)
        #expect(sparseProduct(a, transposingLeft: false, b, onto: nil) != nil)
        var infinite = b
        infinite[5, 3] = .infinity
        #expect(sparseProduct(a, transposingLeft: false, infinite, onto: nil) == nil)
        // Through the product, the dense path then gives 0·∞ = NaN where the sparse one would skip.
        a[0, 5] = 0
        let product = Matrix.product(a, infinite)
        #expect(product[0, 3].isNaN)
        // A NaN in A counts as nonzero and spreads as in the dense product.
        a[1, 7] = .nan
        #expect(Matrix.product(a, b)[1, 0].isNaN)
    }

    @Test func theWholeProductIsTheSameOnOneAndTwoThreads() {
        let x = mostlyZero(64, 784, seed: 47), w = randomMatrix(784, 128, seed: 48)
        let dz = randomMatrix(64, 128, seed: 49)
        let forward = Matrix.product(x, w), gradient = Matrix.product(x, dz, transposingLeft: true)
        MatrixProductKernel.threadCount = 1
        defer { MatrixProductKernel.threadCount = 2 }
        #expect(Matrix.product(x, w).values.map(\.bitPattern) == forward.values.map(\.bitPattern))
        #expect(Matrix.product(x, dz, transposingLeft: true).values.map(\.bitPattern) == gradient.values.map(\.bitPattern))
        expectClose(forward, naiveProduct(x, w), tolerance: 1e-12)
    }
}
