import Foundation
import Testing

@testable import Engine

/// The kernel settings of one thread (`Kernels.withSettings`): a one-thread run really stays on
/// its thread, a two-thread run really hands a part to the worker, and the worker runs that part
/// with the caller's choice of loops. Other tests run beside these and use the worker too.
@Suite struct KernelSettingsTests {
    /// 200 × 300 · 300 × 100: large enough to split, by rows at row 102.
    let a = randomMatrix(200, 300, seed: 91), b = randomMatrix(300, 100, seed: 92)

    /// The most products a two-thread test runs before it expects the worker to have taken a
    /// part: a test running beside it holds the worker for one product at a time at most.
    static let attempts = 2000

    @Test func oneThreadRunsEveryPartOnTheCallingThread() {
        Kernels.withSettings(threads: 1) {
            #expect(Kernels.threadCount == 1 && Matrix.productThreadCount == 1)
            let before = Kernels.partsRunElsewhere
            for _ in 0..<50 { _ = a.matmul(b) }
            #expect(Kernels.partsRunElsewhere == before)
        }
        #expect(Kernels.threadCount == 2, "the setting ends with the closure")
    }

    @Test func twoThreadsHandAPartToTheWorker() {
        Kernels.withSettings(threads: 2) {
            let before = Kernels.partsRunElsewhere
            var products = 0
            while Kernels.partsRunElsewhere == before, products < Self.attempts {
                _ = a.matmul(b)
                products += 1
            }
            #expect(Kernels.partsRunElsewhere > before, "no part of \(products) products ran on the worker")
        }
    }

    /// `Kernels.runBeside`: the worker's closure runs on the worker, and a product inside the
    /// caller's closure still takes the worker once the worker's closure is done (a nested
    /// hand-over, as the trainer's backward pass beside the loss), with the same bits.
    @Test func aProductBesideTheWorkersClosureStillTakesTheWorker() {
        let expected = Kernels.withSettings(threads: 1) { a.matmul(b) }
        Kernels.withSettings(threads: 2) {
            let caller = pthread_self()
            var nested = false, tries = 0
            while !nested, tries < Self.attempts {
                tries += 1
                var workerThread: pthread_t? = nil, product = Matrix(rows: 0, columns: 0)
                let before = Kernels.partsRunElsewhere
                Kernels.runBeside(worker: { workerThread = pthread_self() }) { product = a.matmul(b) }
                #expect(product == expected)
                // Both the closure and the product's second half ran elsewhere.
                nested = workerThread.map { pthread_equal($0, caller) == 0 } == true && Kernels.partsRunElsewhere == before + 2
            }
            #expect(nested, "in \(tries) tries the product inside never took the worker")
            // One thread: both closures here, the caller's first.
            Kernels.withSettings(threads: 1) {
                var order = [String]()
                Kernels.runBeside(worker: { order.append("worker") }) { order.append("caller") }
                #expect(order == ["caller", "worker"])
            }
        }
    }

    /// Split over two threads with the baseline forced, the product has the bits of the
    /// baseline on one thread in every row, the worker's half too; the fused version's bits
    /// differ, so a worker that ran its half fused would show.
    @Test(.enabled(if: Kernels.usesAVX2, "the two versions give different bits only with FMA"))
    func theWorkerRunsItsPartWithTheCallersBaseline() throws {
        let fused = a.matmul(b)
        let baseline = Kernels.withSettings(threads: 1, baseline: true) { a.matmul(b) }
        let workerRows = 102..<200
        let differ = { (x: Matrix, y: Matrix) in
            workerRows.contains { row in (0..<x.columns).contains { x[row, $0].bitPattern != y[row, $0].bitPattern } }
        }
        let versionsDiffer = differ(fused, baseline)
        try #require(versionsDiffer, "the two versions give the same bits in the worker's rows")
        Kernels.withSettings(threads: 2, baseline: true) {
            #expect(!Kernels.usesAVX2 && Kernels.forcesBaseline)
            let before = Kernels.partsRunElsewhere
            var products = 0
            while Kernels.partsRunElsewhere == before, products < Self.attempts {
                let split = a.matmul(b)
                let same = split.values.map(\.bitPattern) == baseline.values.map(\.bitPattern)
                #expect(same, "the split product differs from the baseline's bits")
                products += 1
            }
            #expect(Kernels.partsRunElsewhere > before, "no part of \(products) products ran on the worker")
        }
        #expect(Kernels.usesAVX2, "the baseline ends with the closure")
    }

    /// `LESSONS_KERNELS=baseline swift test` runs every test on the baseline loops.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LESSONS_KERNELS"] == "baseline"))
    func theEnvironmentSwitchForcesTheBaseline() {
        #expect(!Kernels.usesAVX2)
        #expect(!Kernels.forcesBaseline, "the switch is the machine's choice, not a thread's setting")
    }

    /// `LESSONS_KERNELS=avx2 swift test` runs every test on the AVX2 loops where AVX-512 ones exist.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LESSONS_KERNELS"] == "avx2"))
    func theEnvironmentSwitchForcesAVX2() {
        #expect(!Kernels.usesAVX512)
        #expect(Kernels.usesAVX2 == Self.machineHasAVX2, "AVX2 stays where the machine has it")
    }

    /// Whether `/proc/cpuinfo` lists AVX2 and FMA (false where it cannot be read).
    static var machineHasAVX2: Bool {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let flags = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return false }
        let words = Set(flags.split(separator: " "))
        return words.contains("avx2") && words.contains("fma")
    }
}
