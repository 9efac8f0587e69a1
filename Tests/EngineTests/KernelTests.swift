import Foundation
import Testing

@testable import Engine

/// The C kernels: the two versions agree, the thread split changes no bit, exp is accurate.
@Suite(.serialized) struct KernelTests {
    /// Shapes for the direct loops (tiny, skinny, long reductions) and the packed kernel
    /// (edges in both directions, several depth blocks, transposes).
    static let shapes: [(Int, Int, Int)] = [
        (1000, 2, 3), (2, 1000, 3), (3, 1000, 1), (1000, 1, 3), (64, 784, 128), (784, 64, 128),
        (64, 128, 10), (37, 300, 21), (130, 600, 131), (7, 5, 9),
    ]

    @Test(arguments: shapes, [false, true])
    func everyPathMatchesTheTripleLoop(shape: (Int, Int, Int), transposing: Bool) {
        let (m, k, n) = shape
        let a = randomMatrix(transposing ? k : m, transposing ? m : k, seed: 11)
        let b = randomMatrix(transposing ? n : k, transposing ? k : n, seed: 12)
        let product = Matrix.product(a, b, transposingLeft: transposing, transposingRight: transposing)
        let expected = naiveProduct(transposing ? a.transposed : a, transposing ? b.transposed : b)
        expectClose(product, expected, tolerance: 1e-12)
        let baseline = Kernels.withBaseline {
            Matrix.product(a, b, transposingLeft: transposing, transposingRight: transposing)
        }
        expectClose(baseline, expected, tolerance: 1e-12)
    }

    @Test(arguments: shapes)
    func oneAndTwoThreadsGiveTheSameBits(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let a = randomMatrix(m, k, seed: 13), b = randomMatrix(k, n, seed: 14)
        let twoThreads = a.matmul(b)
        #expect(Kernels.withSettings(threads: 1) { a.matmul(b) }.values == twoThreads.values)
    }

    @Test func accumulatingAddsTheProductOnce() {
        let a = randomMatrix(70, 300, seed: 15), b = randomMatrix(300, 20, seed: 16)
        var c = Matrix(rows: 70, columns: 20, repeating: 1)
        Matrix.multiply(a, b, into: &c, accumulating: true)
        expectClose(c, naiveProduct(a, b) + 1, tolerance: 1e-12)
    }

    /// Shapes of the direct loops: row by row (short depth, or many entries) with 4-row groups
    /// and a tail, and the four partial sums of a long depth with a tail of depth steps.
    static let directShapes: [(Int, Int, Int)] = [
        (1000, 2, 3), (1000, 3, 1), (1001, 1, 3), (7, 5, 9), (3, 1000, 1), (2, 1003, 3), (5, 30, 7),
        (300, 20, 2), (9, 16, 12), (2, 2, 2), (50, 4, 2), (61, 5, 4), (1, 3, 3), (100, 12, 3), (50, 16, 1),
        (5, 64, 9), (2, 1001, 1), (1, 999, 6), (1003, 2, 1), (1002, 4, 1),
    ]

    /// The direct loops' documented order, written out with Swift's fused multiply-add: each
    /// entry of a short product is one chain over the depth, starting from 0 (or from C when
    /// accumulating); a long one has four chains, step p in chain p mod 4, added pairwise.
    func directReference(_ a: Matrix, _ b: Matrix, onto c: Matrix?) -> Matrix {
        let (m, k, n) = (a.rows, a.columns, b.columns)
        var result = c ?? Matrix(rows: m, columns: n)
        for i in 0..<m {
            for j in 0..<n {
                if k <= 16 || m * n > 256 {
                    var sum = c?[i, j] ?? 0
                    for p in 0..<k { sum = sum.addingProduct(a[i, p], b[p, j]) }
                    result[i, j] = sum
                } else {
                    var sums = [0.0, 0, 0, 0]
                    for p in 0..<k { sums[p % 4] = sums[p % 4].addingProduct(a[i, p], b[p, j]) }
                    let total = (sums[0] + sums[1]) + (sums[2] + sums[3])
                    result[i, j] = c.map { $0[i, j] + total } ?? total
                }
            }
        }
        return result
    }

    /// Every shape with each operand stored as it is or transposed: which side's entries are
    /// contiguous decides how the vectorized loops read them.
    @Test(
        .enabled(if: Kernels.usesAVX2, "the fused order is the AVX2 version's"),
        arguments: directShapes, [(false, false), (true, false), (false, true), (true, true)])
    func directProductsFollowTheirOrderBitForBit(shape: (Int, Int, Int), transposing: (Bool, Bool)) {
        let (m, k, n) = shape
        let (left, right) = transposing
        let a = randomMatrix(left ? k : m, left ? m : k, seed: 31)
        let b = randomMatrix(right ? n : k, right ? k : n, seed: 32)
        let (plainA, plainB) = (left ? a.transposed : a, right ? b.transposed : b)
        var product = Matrix(rows: 0, columns: 0)
        Matrix.multiply(a, b, transposingLeft: left, transposingRight: right, into: &product)
        #expect(product.values.map(\.bitPattern) == directReference(plainA, plainB, onto: nil).values.map(\.bitPattern))
        let start = randomMatrix(m, n, seed: 33)
        var sum = start
        Matrix.multiply(a, b, transposingLeft: left, transposingRight: right, into: &sum, accumulating: true)
        #expect(sum.values.map(\.bitPattern) == directReference(plainA, plainB, onto: start).values.map(\.bitPattern))
    }

    @Test func exponentialIsWithinTwoUnitsInTheLastPlace() {
        var generator = SeededGenerator(seed: 17)
        let inputs = (0..<20_000).map { _ in generator.nextUniform(from: -745, to: 709.7) }
            + (0..<20_000).map { _ in generator.nextUniform(from: -1, to: 1) }
        for version in [false, true] {
            let results = version ? Kernels.withBaseline { Kernels.exponential(of: inputs) } : Kernels.exponential(of: inputs)
            var worst = 0.0
            for (x, y) in zip(inputs, results) {
                let exact = Foundation.exp(x)
                guard exact >= Double.leastNormalMagnitude else { continue }
                worst = max(worst, abs(y - exact) / exact.ulp)
            }
            #expect(worst <= 2, "baseline \(version): worst error \(worst) ulp")
        }
    }

    @Test func exponentialOverflowsUnderflowsAndKeepsNaNLikeExp() {
        let inputs: [Double] = [0, 1, -1, 709.78, 709.79, 1000, .infinity, -745.2, -1000, -.infinity, .nan, 1e308, -1e308]
        let results = Kernels.exponential(of: inputs)
        #expect(results[0] == 1)
        #expect(results[1] == Foundation.exp(1.0) || abs(results[1] - Foundation.exp(1.0)) <= Foundation.exp(1.0).ulp)
        #expect(results[3].isFinite && results[3] > 1.79e308)
        #expect(results[4] == .infinity && results[5] == .infinity && results[6] == .infinity && results[11] == .infinity)
        #expect(results[7] == 0 && results[8] == 0 && results[9] == 0 && results[12] == 0)
        #expect(results[10].isNaN)
        // Every position of a vector gives the same bits for the same input.
        let repeated = Kernels.exponential(of: [Double](repeating: 0.3, count: 7))
        #expect(Set(repeated.map(\.bitPattern)).count == 1)
    }
}
