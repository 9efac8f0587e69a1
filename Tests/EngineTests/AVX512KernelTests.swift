import Testing

@testable import Engine

/// The AVX-512 versions of the product kernels sum every entry in the order of the AVX2
/// versions, so they give the same bits: dense and mostly-zero operands, transposed or not,
/// accumulating or not, and every edge of the two-panel tile (widths 1 to 8 past a multiple of
/// 16, rows past a multiple of 6). Runs where the machine has AVX-512; `LESSONS_KERNELS=avx2`
/// turns it off.
@Suite(.serialized) struct AVX512KernelTests {
    /// `m × k · k × n`: the packed kernel with each leftover width of the 16-column tile, more
    /// than one depth block, MNIST's forward and gradient shapes, and the square bench product.
    static let shapes: [(Int, Int, Int)] = [
        (64, 784, 128), (784, 64, 128), (37, 300, 21), (130, 600, 131), (13, 257, 17), (19, 40, 24),
        (25, 64, 9), (6, 33, 16), (61, 100, 15), (256, 256, 256),
    ]

    /// A `rows × columns` matrix whose entries are nonzero (normally distributed) with probability
    /// `density`, and zero otherwise.
    func sparse(_ rows: Int, _ columns: Int, density: Double, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns) { _, _ in
            generator.nextUniform(from: 0, to: 1) < density ? generator.nextNormal() : 0
        }
    }

    /// The bits of `op(a) op(b)` (onto `start` when given), with AVX-512 and without.
    func bothVersions(_ a: Matrix, _ b: Matrix, transposing: (Bool, Bool), onto start: Matrix?) -> ([UInt64], [UInt64]) {
        func run() -> [UInt64] {
            var c = start ?? Matrix(rows: 0, columns: 0)
            Matrix.multiply(
                a, b, transposingLeft: transposing.0, transposingRight: transposing.1, into: &c,
                accumulating: start != nil)
            return c.values.map(\.bitPattern)
        }
        return (run(), Kernels.withoutAVX512(run))
    }

    @Test(
        .enabled(if: Kernels.usesAVX512, "the machine has no AVX-512, or LESSONS_KERNELS says not to use it"),
        arguments: shapes, [1.0, 0.2, 0.02])
    func theWideKernelsGiveTheNarrowOnesBits(shape: (Int, Int, Int), density: Double) {
        let (m, k, n) = shape
        for transposing in [(false, false), (true, false), (false, true), (true, true)] {
            let a = sparse(transposing.0 ? k : m, transposing.0 ? m : k, density: density, seed: 71)
            let b = randomMatrix(transposing.1 ? n : k, transposing.1 ? k : n, seed: 72)
            for start in [nil, randomMatrix(m, n, seed: 73)] {
                let (wide, narrow) = bothVersions(a, b, transposing: transposing, onto: start)
                let differing = zip(wide, narrow).filter { $0 != $1 }.count
                #expect(
                    differing == 0,
                    "\(differing) entries differ: \(m)×\(k)·\(k)×\(n), transposing \(transposing), accumulating \(start != nil)")
            }
        }
    }

    /// e^x and σ(x) over every kind of input: both paths of a block (all |x| < 708, and not),
    /// NaN, ±∞, results that overflow or are subnormal, and a tail shorter than a block.
    @Test(.enabled(if: Kernels.usesAVX512, "the machine has no AVX-512, or LESSONS_KERNELS says not to use it"))
    func theWideExponentialAndLogisticGiveTheNarrowOnesBits() {
        var generator = SeededGenerator(seed: 74)
        var inputs = (0..<997).map { _ in generator.nextUniform(from: -40, to: 40) }
        inputs += [0, -0.0, 1e-300, -1e-300, 709.7, 710, -745, -708.5, 800, -800, .infinity, -.infinity, .nan]
        inputs += (0..<100).map { _ in generator.nextUniform(from: -760, to: 720) }
        for count in [inputs.count, 47, 48, 49, 5] {
            let slice = Array(inputs.prefix(count))
            let differing = { (a: [Double], b: [Double]) in zip(a, b).filter { $0.bitPattern != $1.bitPattern }.count }
            let exponentials = Kernels.exponential(of: slice)
            #expect(differing(exponentials, Kernels.withoutAVX512 { Kernels.exponential(of: slice) }) == 0, "e^x of \(count) entries")
            let row = Matrix(rows: 1, columns: slice.count, values: slice)
            let wide = Activation.sigmoid.apply(row), narrow = Kernels.withoutAVX512 { Activation.sigmoid.apply(row) }
            #expect(differing(wide.values, narrow.values) == 0, "σ of \(count) entries")
        }
    }

    @Test(.enabled(if: Kernels.usesAVX512, "the machine has no AVX-512, or LESSONS_KERNELS says not to use it"))
    func theSettingTurnsTheWideKernelsOffForTheClosureOnly() {
        Kernels.withoutAVX512 {
            #expect(!Kernels.usesAVX512)
            #expect(Kernels.usesAVX2)
        }
        #expect(Kernels.usesAVX512)
    }
}
