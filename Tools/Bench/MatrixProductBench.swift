import Datasets
import Engine
import Foundation

/// GFLOP/s of `Matrix.product` for the shapes one MNIST training step uses and for square 1024²,
/// on one and two threads, against the machine's limit as numpy measures it now.
struct MatrixProductBench {
    let peers: PeerRunner
    let repeats: Int
    /// The first 64 MNIST training images, as the first layer's products see them.
    let images: Matrix

    /// One product: `op(A) op(B)` with the operands as the engine stores them.
    struct Case {
        var name: String
        var m: Int, k: Int, n: Int
        var transposingLeft = false
        var transposingRight = false
        /// Whether the goal (≥ 95 % of the limit) applies: MNIST's large products and 1024².
        var counts = false
        /// Whether A is a batch of images (mostly zeros), as in training, rather than dense.
        var images = false
    }

    static let cases = [
        Case(name: "forward   x·W1      64×784 · 784×128", m: 64, k: 784, n: 128, counts: true),
        Case(name: "backward  xᵀ·dZ1   784×64 · 64×128 ", m: 784, k: 64, n: 128, transposingLeft: true, counts: true),
        Case(name: "forward   h·W2      64×128 · 128×10 ", m: 64, k: 128, n: 10),
        Case(name: "backward  hᵀ·dZ2   128×64 · 64×10  ", m: 128, k: 64, n: 10, transposingLeft: true),
        Case(name: "backward  dZ2·W2ᵀ   64×10 · 10×128 ", m: 64, k: 10, n: 128, transposingRight: true),
        Case(name: "chapter   x·W1      64×784 · 784×512", m: 64, k: 784, n: 512, counts: true),
        Case(name: "chapter   xᵀ·dZ1   784×64 · 64×512 ", m: 784, k: 64, n: 512, transposingLeft: true, counts: true),
        Case(name: "square             1024 · 1024      ", m: 1024, k: 1024, n: 1024, counts: true),
        Case(name: "images    x·W1      64×784 · 784×128", m: 64, k: 784, n: 128, images: true),
        Case(name: "images    xᵀ·dZ1   784×64 · 64×128 ", m: 784, k: 64, n: 128, transposingLeft: true, images: true),
    ]

    /// The share of the limit the counted products must reach.
    static let goal = 0.95

    func run() {
        print("Matrix product (Double), GFLOP/s, best of \(max(repeats, 3)) batches")
        let limit = machineLimit()
        if let limit {
            print(String(format: "  machine limit: numpy float64 2048² on 2 threads = %.1f GFLOP/s (goal: ≥ %.0f%% = %.1f)", limit, Self.goal * 100, Self.goal * limit))
        }
        var announcedImages = false
        for item in Self.cases {
            if item.images && !announcedImages {
                announcedImages = true
                let nonzero = Double(images.values.filter { $0 != 0 }.count) / Double(images.values.count)
                print(String(format: "  x a batch of MNIST images (%.0f%% nonzero: the zeros are skipped); GFLOP/s as if dense", nonzero * 100))
            }
            let a = item.images ? images : randomMatrix(item.transposingLeft ? item.k : item.m, item.transposingLeft ? item.m : item.k, seed: 1)
            let b = randomMatrix(item.transposingRight ? item.n : item.k, item.transposingRight ? item.k : item.n, seed: 2)
            let flops = 2.0 * Double(item.m * item.k * item.n)
            let inner = max(1, Int(2e8 / flops))
            var rates = [Double]()
            for threads in [1, 2] {
                Kernels.withSettings(threads: threads) {
                    // Into one result, after a first product, as the peer times numpy's matmul(out=)
                    // and as the training loop reuses its buffers.
                    var result = Matrix(rows: 0, columns: 0)
                    let multiply = {
                        Matrix.multiply(
                            a, b, transposingLeft: item.transposingLeft, transposingRight: item.transposingRight, into: &result)
                    }
                    multiply()
                    let time = bestTime(of: max(repeats, 3)) {
                        for _ in 0..<inner { multiply() }
                    } / Double(inner)
                    rates.append(flops / time / 1e9)
                }
            }
            var line = "  \(item.name)  1 thread \(pad(oneDecimal(rates[0])))   2 threads \(pad(oneDecimal(rates[1])))"
            if let limit, !item.images {
                let share = rates[1] / limit
                line += String(format: "   %3.0f%% of limit", share * 100)
                if item.counts { line += share >= Self.goal ? " (goal met)" : " (goal NOT met)" }
            }
            print(line)
        }
    }

    /// numpy's float64 GFLOP/s for a 2048² product on both cores, the practical limit.
    private func machineLimit() -> Double? {
        guard let output = peers.output(of: "matmul_peak.py", ["--reps", "5"]) else { return nil }
        for line in output.split(separator: "\n") where line.hasPrefix("square") && line.contains("float64") {
            let parts = line.split(separator: ":").last?.split(separator: " ")
            if let first = parts?.first, let value = Double(first) { return value }
        }
        return nil
    }

    private func pad(_ text: String) -> String {
        String(repeating: " ", count: max(0, 6 - text.count)) + text
    }
}

/// The first 64 training images of the MNIST set in `directory`, pixels in [0, 1]; without
/// the set, 64 rows with the same share of nonzero pixels (19 %) at random places.
func imageBatch(from directory: URL) -> Matrix {
    if let parts = try? MNISTDirectory(url: directory).read() {
        return parts.training.inputs(0..<64)
    }
    var generator = SeededGenerator(seed: 3)
    return Matrix(rows: 64, columns: 784) { _, _ in
        generator.nextUniform(from: 0, to: 1) < 0.19 ? generator.nextUniform(from: 0, to: 1) : 0
    }
}

/// A matrix of uniform entries in [-1, 1].
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns) { _, _ in generator.nextUniform(from: -1, to: 1) }
}
