import Foundation
import Testing
@testable import Engine

@Suite struct MatrixTests {
    @Test func productOfKnownMatrices() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        #expect(a.matmul(b) == Matrix([[58, 64], [139, 154]]))
    }

    /// Shapes that exercise the simple loop, the packed tiles, leftover rows and columns,
    /// several depth blocks, and the two-thread split.
    @Test(arguments: [(3, 4, 5), (1, 784, 128), (64, 784, 128), (37, 300, 21), (130, 600, 131), (257, 513, 66)])
    func blockedProductMatchesTheTripleLoop(shape: (Int, Int, Int)) {
        let a = randomMatrix(shape.0, shape.1, seed: 1)
        let b = randomMatrix(shape.1, shape.2, seed: 2)
        expectClose(a.matmul(b), naiveProduct(a, b), tolerance: 1e-12)
    }

    @Test func productIsTheSameOnOneAndTwoThreads() {
        let a = randomMatrix(200, 300, seed: 3)
        let b = randomMatrix(300, 100, seed: 4)
        let twoThreads = a.matmul(b)
        #expect(Kernels.withSettings(threads: 1) { a.matmul(b) }.values == twoThreads.values)
    }

    @Test func transposedProducts() {
        let a = randomMatrix(5, 3, seed: 5)
        let b = randomMatrix(5, 4, seed: 6)
        let c = randomMatrix(4, 3, seed: 7)
        #expect(Matrix.product(a, b, transposingLeft: true) == a.transposed.matmul(b))
        #expect(Matrix.product(a, c, transposingRight: true) == a.matmul(c.transposed))
        #expect(Matrix([[1, 2, 3], [4, 5, 6]]).transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
    }

    @Test func broadcastingAddsRowsColumnsAndScalars() {
        let z = Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(z + Matrix(row: [10, 20]) == Matrix([[11, 22], [13, 24], [15, 26]]))
        #expect(z - Matrix(column: [1, 2, 3]) == Matrix([[0, 1], [1, 2], [2, 3]]))
        #expect(z * Matrix(scalar: 2) == z * 2)
        #expect(Matrix(row: [1, 2]) * Matrix(column: [1, 10]) == Matrix([[1, 2], [10, 20]]))
        #expect(1 - Matrix(row: [0.25, 1]) == Matrix(row: [0.75, 0]))
        var biased = z
        biased.addToEachRow(Matrix(row: [10, 20]))
        #expect(biased == z + Matrix(row: [10, 20]))
    }

    @Test func reductions() {
        let z = Matrix([[1, 5, 2], [7, 0, 7]])
        #expect(z.sum(along: .rows) == Matrix(row: [8, 5, 9]))
        #expect(z.sum(along: .columns) == Matrix(column: [8, 14]))
        #expect(z.mean(along: .rows) == Matrix(row: [4, 2.5, 4.5]))
        #expect(z.sum() == 22)
        #expect(z.argmaxOfEachRow() == [1, 0])
        #expect(z.maxOfEachRow() == Matrix(column: [5, 7]))
        #expect(z.sumOfSquares() == 128)
    }

    @Test func rowsForMiniBatches() {
        let z = Matrix([[1, 2], [3, 4], [5, 6], [7, 8]])
        #expect(z.rows(1..<3) == Matrix([[3, 4], [5, 6]]))
        #expect(z.rows(at: [3, 0]) == Matrix([[7, 8], [1, 2]]))
        #expect(z.column(1) == Matrix(column: [2, 4, 6, 8]))
        #expect(Matrix.horizontalConcatenation([Matrix(column: [1, 1]), Matrix([[2, 3], [4, 5]])]) == Matrix([[1, 2, 3], [1, 4, 5]]))
        #expect(Matrix.verticalConcatenation([Matrix(row: [0, 0]), Matrix(row: [1, 2])]) == Matrix([[0, 0], [1, 2]]))
    }

    @Test func keepingRowsInPlaceGivesTheRowsAtTheIndicesInTheSameStorage() {
        var generator = SeededGenerator(seed: 74)
        let original = Matrix(rows: 300, columns: 7) { _, _ in generator.nextNormal() }
        let kept = [0, 2, 3, 50, 51, 199, 299]
        var z = original
        z.values[0] += 0  // its own storage, as after a data set is loaded
        let before = z.values.withUnsafeBufferPointer { $0.baseAddress }
        z.keepRows(kept)
        #expect(z == original.rows(at: kept))
        #expect(z.values.withUnsafeBufferPointer { $0.baseAddress } == before)
        var all = original
        all.keepRows(Array(0..<300))
        #expect(all == original)
        var none = original
        none.keepRows([])
        #expect(none.rows == 0 && none.columns == 7 && none.values.isEmpty)
    }

    @Test func keepingRowsOutOfOrderIsAProgrammingError() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var z = Matrix(rows: 4, columns: 2)
            z.keepRows([0, 3, 2])
        }.map { result in
            let message = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(message.contains("Matrix.keepRows: row 2 at position 2 is outside shape 4×2 or out of order"))
        }
    }

    @Test func description() {
        #expect(Matrix([[1, 0.5], [-2, 3]]).description == "[[1, 0.5], [-2, 3]]")
    }

    @Test func shapeMismatchNamesBothShapes() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 2, columns: 3).matmul(Matrix(rows: 2, columns: 3))
        }.map { result in
            let message = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(message.contains("Matrix product: shapes 2×3 and 2×3 do not fit (3 columns against 2 rows)"))
        }
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Matrix(rows: 2, columns: 3) + Matrix(rows: 3, columns: 2)
        }.map { result in
            let message = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(message.contains("Matrix +: shapes 2×3 and 3×2 do not broadcast"))
        }
    }

    @Test(arguments: [64.0, 1, 2, 0.5, -32, 1000, 3, 1e-300])
    func dividingGivesTheBitsOfDivisionWhateverTheDivisor(divisor: Double) {
        var generator = SeededGenerator(seed: 61)
        let values = (0..<2_000).map { _ in generator.nextNormal() * Foundation.pow(10, generator.nextUniform(from: -310, to: 308)) }
            + [0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, .infinity, .nan, .leastNormalMagnitude / 3]
        var matrix = Matrix(rows: 1, columns: values.count, values: values)
        matrix.divide(by: divisor)
        #expect(matrix.values.map(\.bitPattern) == values.map { ($0 / divisor).bitPattern })
    }

    /// A gradient averaged in the product (`dividingBy:`, each thread dividing its own part)
    /// has the bits of the product divided afterwards: images times weights, an image gradient
    /// `xᵀ·dZ`, a dense product split over threads, a direct one; replacing or accumulating.
    @Test(arguments: [64.0, 3])
    func aProductDividedAsItIsStoredHasTheBitsOfDividingAfterwards(divisor: Double) {
        var generator = SeededGenerator(seed: 62)
        let images = Matrix(rows: 64, columns: 300) { _, _ in
            generator.nextUniform(from: 0, to: 1) < 0.2 ? generator.nextUniform(from: 0, to: 1) : 0
        }
        let cases: [(Matrix, Matrix, Bool)] = [
            (images, randomMatrix(300, 40, seed: 63), false), (images, randomMatrix(64, 40, seed: 64), true),
            (randomMatrix(30, 400, seed: 65), randomMatrix(400, 50, seed: 66), false),
            (randomMatrix(3, 4, seed: 67), randomMatrix(4, 5, seed: 68), false),
        ]
        for threads in [1, 2] {
            Kernels.withSettings(threads: threads) {
                for (lhs, rhs, transposing) in cases {
                    for accumulating in [false, true] {
                        let rows = transposing ? lhs.columns : lhs.rows
                        let start = randomMatrix(rows, rhs.columns, seed: 69)
                        var divided = start, expected = start
                        Matrix.multiply(lhs, rhs, transposingLeft: transposing, into: &divided, accumulating: accumulating, dividingBy: divisor)
                        Matrix.multiply(lhs, rhs, transposingLeft: transposing, into: &expected, accumulating: accumulating)
                        expected.divide(by: divisor)
                        #expect(divided.values.map(\.bitPattern) == expected.values.map(\.bitPattern), "\(lhs.shapeDescription) threads \(threads)")
                    }
                }
            }
        }
    }
}
