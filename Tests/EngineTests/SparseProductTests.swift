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

    /// How many entries of `a` and `b` differ in their bits (or in number).
    func differingBits(_ a: Matrix, _ b: Matrix) -> Int {
        a.values.count == b.values.count ? zip(a.values, b.values).filter { $0.bitPattern != $1.bitPattern }.count : -1
    }

    /// The kernels a test can run here, by name: the baseline, AVX2, and AVX-512 where the
    /// machine has them.
    func eachKernelSet(_ body: (String) -> Void) {
        Kernels.withBaseline { body("baseline") }
        if Kernels.usesAVX2 { Kernels.withoutAVX512 { body("AVX2") } }
        if Kernels.usesAVX512 { body("AVX-512") }
    }

    @Test(arguments: [1, 2])
    func theMarksAreTheNonzeroEntries(threads: Int) {
        // 130 columns: two whole words and two entries of a third; a NaN counts, −0 does not.
        var a = mostlyZero(70, 130, seed: 60)
        a[3, 64] = .nan
        a[69, 129] = 5
        a[2, 2] = -0.0
        var marks = NonzeroMarks()
        Kernels.withSettings(threads: threads) { marks.mark(a) }
        #expect(marks.rows == 70 && marks.columns == 130 && marks.wordsPerRow == 3)
        var wrong = 0, nonzero = 0
        for r in 0..<70 {
            for c in 0..<192 {
                let bit = marks.bits[r * 3 + c / 64] >> UInt64(c % 64) & 1 == 1
                let expected = c < 130 && (a[r, c] != 0 || a[r, c].isNaN)
                if bit != expected { wrong += 1 }
                if expected { nonzero += 1 }
            }
        }
        #expect(wrong == 0)
        #expect(marks.nonzeroCount == nonzero && marks.isMostlyZero)
        #expect(marks.forProduct(with: a) != nil && marks.forProduct(with: a.transposed) == nil)
        marks.mark(randomMatrix(4, 130, seed: 61))
        #expect(marks.nonzeroCount == 4 * 130 && !marks.isMostlyZero)
    }

    /// The products with the marks of A follow the order without them: every kernel set, one
    /// thread and two (whose halves start the transposed A's marks mid-word: 200 pixels split
    /// at 102), images in one word of marks or three (130).
    @Test(arguments: shapes, [false, true])
    func theMarkedProductsFollowThePackedOrderBitForBit(shape: (Int, Int, Int), transposing: Bool) {
        let (m, k, n) = shape
        let plainA = mostlyZero(m, k, seed: 62)
        let a = transposing ? plainA.transposed : plainA
        let b = randomMatrix(k, n, seed: 63)
        let start = randomMatrix(m, n, seed: 64)
        var marks = NonzeroMarks()
        marks.mark(a)
        eachKernelSet { kernels in
            let expected = packedReference(plainA, b, onto: nil, fused: kernels != "baseline")
            let expectedOnto = packedReference(plainA, b, onto: start, fused: kernels != "baseline")
            for threads in [1, 2] {
                Kernels.withSettings(threads: threads) {
                    var product = Matrix(rows: 0, columns: 0), onto = start
                    Matrix.multiply(a, b, transposingLeft: transposing, into: &product, leftMarks: marks.forProduct(with: a))
                    Matrix.multiply(
                        a, b, transposingLeft: transposing, into: &onto, accumulating: true,
                        leftMarks: marks.forProduct(with: a))
                    #expect(differingBits(product, expected) == 0, "\(kernels), \(threads) threads")
                    // With B vouched finite, x·W copies only the rows of B the marks select.
                    var vouched = Matrix(rows: 0, columns: 0)
                    Matrix.multiply(
                        a, b, transposingLeft: transposing, into: &vouched, leftMarks: marks.forProduct(with: a),
                        rightIsFinite: true)
                    #expect(differingBits(vouched, expected) == 0, "\(kernels), \(threads) threads, B vouched finite")
                    #expect(differingBits(onto, expectedOnto) == 0, "\(kernels), \(threads) threads, accumulating")
                    // Divided as a gradient is, by a power of two and by another number.
                    for divisor in [64.0, 3] {
                        var divided = Matrix(rows: 0, columns: 0), dividedOnto = start
                        Matrix.multiply(
                            a, b, transposingLeft: transposing, into: &divided, dividingBy: divisor,
                            leftMarks: marks.forProduct(with: a))
                        Matrix.multiply(
                            a, b, transposingLeft: transposing, into: &dividedOnto, accumulating: true,
                            dividingBy: divisor, leftMarks: marks.forProduct(with: a))
                        #expect(differingBits(divided, expected.map { $0 / divisor }) == 0, "\(kernels), ÷\(divisor)")
                        #expect(
                            differingBits(dividedOnto, expectedOnto.map { $0 / divisor }) == 0,
                            "\(kernels), ÷\(divisor), accumulating")
                    }
                }
            }
        }
    }

    @Test func aNonFiniteEntryOfBMakesEveryStepCountWithMarksToo() {
        let x = mostlyZero(64, 300, seed: 65)
        var w = randomMatrix(300, 20, seed: 66), dz = randomMatrix(64, 20, seed: 67)
        w[5, 3] = .infinity
        dz[5, 3] = .infinity
        var marks = NonzeroMarks()
        marks.mark(x)
        eachKernelSet { kernels in
            var forward = Matrix(rows: 0, columns: 0), gradient = Matrix(rows: 0, columns: 0)
            Matrix.multiply(x, w, into: &forward, leftMarks: marks.forProduct(with: x))
            Matrix.multiply(x, dz, transposingLeft: true, into: &gradient, leftMarks: marks.forProduct(with: x))
            // Every image with pixel 5 zero gets 0·∞ = NaN in column 3, as in the full order.
            let zeroAt5 = (0..<64).filter { x[$0, 5] == 0 }
            #expect(zeroAt5.allSatisfy { forward[$0, 3].isNaN }, "\(kernels)")
            let zeroInImage5 = (0..<300).filter { x[5, $0] == 0 }
            #expect(zeroInImage5.allSatisfy { gradient[$0, 3].isNaN }, "\(kernels)")
        }
    }

    @Test func aDenseLayerMarksABatchOfImagesAndItsGradientsKeepTheirBits() {
        // 64 images of 784 pixels into 128 units: the forward pass marks the batch, and both
        // products with it give the bits of the products without marks.
        let x = mostlyZero(64, 784, seed: 68)
        let layer = DenseLayer(weights: randomMatrix(784, 128, seed: 69), bias: randomMatrix(1, 128, seed: 70), activation: .relu)
        var buffers = LayerBuffers()
        var context = PassContext.evaluation
        layer.forward(x, into: &buffers, context: &context)
        #expect(buffers.inputMarks.forProduct(with: x) != nil)
        var net = Matrix.product(x, layer.weights)
        net.addToEachRow(layer.bias)
        #expect(differingBits(buffers.net, net) == 0)
        buffers.sensitivity = randomMatrix(64, 128, seed: 71)
        var none: Matrix? = nil
        layer.backward(x, buffers: &buffers, count: 64, inputGradient: &none)
        let gradient = Matrix.product(x, buffers.sensitivity, transposingLeft: true).map { $0 / 64 }
        #expect(differingBits(buffers.parameterGradients[0], gradient) == 0)
        // A dense input is not marked.
        layer.forward(randomMatrix(64, 784, seed: 72), into: &buffers, context: &context)
        #expect(buffers.inputMarks.rows == 0)
    }

    @Test func aWeightMatrixVouchedFiniteIsReadOnlyWhereTheBatchIsNonzero() {
        // Pixels 100..<200 are zero in every image; W's rows for them hold NaN. Checked, W is
        // not finite, so nothing is skipped and every entry is NaN (0 · NaN); vouched finite, those
        // rows are never read and the product is that of the other rows.
        var x = mostlyZero(64, 300, seed: 75)
        for i in 0..<64 { for p in 100..<200 { x[i, p] = 0 } }
        var w = randomMatrix(300, 130, seed: 76)
        var clean = w
        for p in 100..<200 { for j in 0..<130 { w[p, j] = .nan; clean[p, j] = 0 } }
        var marks = NonzeroMarks()
        marks.mark(x)
        eachKernelSet { kernels in
            var checked = Matrix(rows: 0, columns: 0), vouched = Matrix(rows: 0, columns: 0)
            Matrix.multiply(x, w, into: &checked, leftMarks: marks.forProduct(with: x))
            Matrix.multiply(x, w, into: &vouched, leftMarks: marks.forProduct(with: x), rightIsFinite: true)
            let allNaN = checked.values.allSatisfy { $0.isNaN }
            #expect(allNaN, "\(kernels)")
            if kernels == "baseline" {
                // The baseline skips zeros one by one and never reads W's unused rows either way.
                let noNaN = vouched.values.allSatisfy { !$0.isNaN }
                #expect(noNaN, "\(kernels)")
            } else {
                #expect(differingBits(vouched, Matrix.product(x, clean)) == 0, "\(kernels)")
            }
        }
    }

    /// Products of at most 2¹⁷ multiply-adds that are not direct read A in place instead of
    /// packing it; the chains are the packed kernel's. MNIST's second layer and its two backward
    /// products, and shapes with a last tile of fewer than six rows, ragged columns, two depth
    /// blocks (300 steps), each operand read transposed or not, and half of A zero (after ReLU).
    static let smallShapes: [(Int, Int, Int)] = [(64, 128, 10), (128, 64, 10), (64, 10, 128), (13, 300, 21), (25, 40, 30)]

    @Test(arguments: smallShapes, [(false, false), (true, false), (false, true), (true, true)])
    func smallProductsFollowThePackedOrderBitForBit(shape: (Int, Int, Int), transposing: (Bool, Bool)) {
        let (m, k, n) = shape
        var generator = SeededGenerator(seed: 78)
        let plainA = Matrix(rows: m, columns: k) { _, _ in generator.nextUniform(from: 0, to: 1) < 0.5 ? 0 : generator.nextNormal() }
        let plainB = randomMatrix(k, n, seed: 79)
        let a = transposing.0 ? plainA.transposed : plainA, b = transposing.1 ? plainB.transposed : plainB
        let start = randomMatrix(m, n, seed: 80)
        eachKernelSet { kernels in
            let fused = kernels != "baseline"
            var product = Matrix(rows: 0, columns: 0), onto = start
            Matrix.multiply(a, b, transposingLeft: transposing.0, transposingRight: transposing.1, into: &product)
            Matrix.multiply(
                a, b, transposingLeft: transposing.0, transposingRight: transposing.1, into: &onto, accumulating: true)
            #expect(differingBits(product, packedReference(plainA, plainB, onto: nil, fused: fused)) == 0, "\(kernels)")
            #expect(differingBits(onto, packedReference(plainA, plainB, onto: start, fused: fused)) == 0, "\(kernels), accumulating")
        }
    }
}
