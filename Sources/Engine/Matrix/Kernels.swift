import MatrixKernels

/// Which version of the engine's hot loops (`Sources/MatrixKernels`) runs, and on how many threads.
///
/// The settings belong to the calling thread and are changed only for the length of a closure
/// (`withSettings`), never for the whole process: tests that run at the same time cannot
/// change each other's. The kernels' worker thread runs each part it is handed with the
/// settings of the thread that handed it over.
public enum Kernels {
    /// Whether the matrix product and the exponential use AVX2 and fused multiply-adds on this
    /// thread: the machine has them, `LESSONS_KERNELS=baseline` was not set when the kernels
    /// started, and the thread's settings do not force the baseline.
    public static var usesAVX2: Bool { mk_uses_avx2() != 0 }

    /// Whether the hottest loops use their AVX-512 versions on this thread (they give the AVX2
    /// versions' bits): the machine has AVX-512 F, DQ and VL, `LESSONS_KERNELS` was neither
    /// `baseline` nor `avx2` when the kernels started, and the thread's settings allow it.
    public static var usesAVX512: Bool { mk_uses_avx512() != 0 }

    /// The number of threads large products, parameter updates and mini-batch gathers are split
    /// over on this thread: 2 (the caller and the kernels' worker, `mk_run_pair`) unless set to 1.
    public static var threadCount: Int { Int(mk_current_settings().threads) }

    /// Whether this thread runs the baseline loops because its settings say so.
    public static var forcesBaseline: Bool { mk_current_settings().baseline != 0 }

    /// Runs `body` with its kernels split over `threads` threads (1 or 2; results are the same
    /// bits either way); with `baseline`, the baseline loops forced (no AVX2, no fused
    /// multiply-add); with `avx512: false`, the AVX2 loops where AVX-512 ones exist (the same
    /// bits). A setting left `nil` stays as it is. The previous settings come back when `body`
    /// returns or throws.
    ///
    /// The settings are the calling thread's, so `body` is synchronous: work it hands to other
    /// threads of its own runs with the defaults.
    public static func withSettings<T>(
        threads: Int? = nil, baseline: Bool? = nil, avx512: Bool? = nil, _ body: () throws -> T
    ) rethrows -> T {
        let saved = mk_current_settings()
        var settings = saved
        if let threads { settings.threads = Int32(clamping: max(1, threads)) }
        if let baseline { settings.baseline = baseline ? 1 : 0 }
        if let avx512 { settings.no_avx512 = avx512 ? 0 : 1 }
        mk_set_settings(settings)
        defer { mk_set_settings(saved) }
        return try body()
    }

    /// Runs `body` with the baseline loops forced, on as many threads as before, for tests that
    /// compare the two versions.
    public static func withBaseline<T>(_ body: () throws -> T) rethrows -> T {
        try withSettings(baseline: true, body)
    }

    /// Runs `body` with the AVX2 loops where AVX-512 ones exist, for tests that compare the two.
    public static func withoutAVX512<T>(_ body: () throws -> T) rethrows -> T {
        try withSettings(avx512: false, body)
    }

    /// Runs `worker` on the kernels' worker thread while `caller` runs on this one, and returns
    /// when both are done. A product or update inside `caller` has the worker as soon as
    /// `worker` is done. With one thread in this thread's settings, or while the worker is busy
    /// with another thread's task, both run here, `caller` first. The two may read the same
    /// memory but must not write what the other reads.
    static func runBeside(worker: () -> Void, caller: () -> Void) {
        withoutActuallyEscaping(worker) { worker in
            withoutActuallyEscaping(caller) { caller in
                var parts = (caller, worker)
                withUnsafeMutablePointer(to: &parts) { pointer in
                    mk_run_pair({ context, part in
                        let parts = context!.assumingMemoryBound(to: (() -> Void, () -> Void).self).pointee
                        if part == 0 { parts.0() } else { parts.1() }
                    }, pointer)
                }
            }
        }
    }

    /// How many parts of tasks this thread handed to the kernels' worker ran on another thread
    /// (`mk_parts_run_elsewhere`): for tests of the split.
    static var partsRunElsewhere: Int { mk_parts_run_elsewhere() }

    /// `e^x` of every entry of `values`, through the vectorized kernel.
    public static func exponential(of values: [Double]) -> [Double] {
        var result = values
        result.withUnsafeMutableBufferPointer { exponentiate($0) }
        return result
    }
}
