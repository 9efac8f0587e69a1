import MatrixKernels

/// Which version of the engine's hot loops (`Sources/MatrixKernels`) this machine runs.
public enum Kernels {
    /// Whether the matrix product and the exponential use AVX2 and fused multiply-adds.
    public static var usesAVX2: Bool { mk_uses_avx2() != 0 }

    /// Runs `body` with the baseline loops forced (no AVX2, no fused multiply-add) on the
    /// calling thread, for tests that compare the two versions; the kernels run on one thread
    /// meanwhile, since the worker thread does not share the choice.
    public static func withBaseline<T>(_ body: () throws -> T) rethrows -> T {
        mk_force_baseline(1)
        let threads = MatrixProductKernel.threadCount
        MatrixProductKernel.threadCount = 1
        defer {
            mk_force_baseline(0)
            MatrixProductKernel.threadCount = threads
        }
        return try body()
    }

    /// `e^x` of every entry of `values`, through the vectorized kernel.
    public static func exponential(of values: [Double]) -> [Double] {
        var result = values
        result.withUnsafeMutableBufferPointer { exponentiate($0) }
        return result
    }
}
