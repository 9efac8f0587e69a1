// Measures the engine's matrix product and a small training run.
//
//   swift run -c release EngineBenchmark      (or without -c release: the engine is -O in both)
//
// Prints GFLOP/s of square products on one and two threads, and the time of the circles
// network's 5,000 full-batch iterations (compare: python3 ../shared/bench/peer_numpy_mlp.py --mode circles).
import Dispatch
import Engine

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns) { _, _ in generator.nextUniform(from: -1, to: 1) }
}

func bestOf(_ repeats: Int, _ body: () -> Void) -> Double {
    (0..<repeats).map { _ in seconds(body) }.min()!
}

for size in [256, 1000, 2048] {
    let a = randomMatrix(size, size, seed: 1), b = randomMatrix(size, size, seed: 2)
    let flops = 2 * Double(size * size * size)
    var line = "matmul \(size)×\(size):"
    for threads in [1, 2] {
        Matrix.productThreadCount = threads
        let time = bestOf(size >= 2048 ? 2 : 5) { _ = a.matmul(b) }
        line += String(" threads=\(threads) \(formatted(flops / time / 1e9)) GFLOP/s")
    }
    print(line)
}
Matrix.productThreadCount = 2

// MNIST's shapes: one batch of 64 through 784-128-10, forward and backward.
do {
    let x = randomMatrix(64, 784, seed: 3), w1 = randomMatrix(784, 128, seed: 4), dz = randomMatrix(64, 128, seed: 5)
    let flops = 2.0 * 64 * 784 * 128
    let forward = bestOf(50) { _ = x.matmul(w1) }
    let weightGradient = bestOf(50) { _ = Matrix.product(x, dz, transposingLeft: true) }
    print("matmul 64×784·784×128: \(formatted(flops / forward / 1e9)) GFLOP/s; xᵀ·dZ: \(formatted(flops / weightGradient / 1e9)) GFLOP/s")
}

func formatted(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return "\(rounded)"
}
