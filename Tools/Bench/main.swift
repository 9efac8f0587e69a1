// `lessons-bench`: the engine against its peers, timed in the same run.
//
//   swift run -c release lessons-bench [--mnist DIR] [--epochs N] [--repeats N] [--threads N] [--skip-peers] [--only CASES]
//
// The `cnn` case trains the Convolutions chapter's network for one epoch against PyTorch on the
// CPU (`Tools/BenchPeers/peer_torch_cnn.py`), skipped with a note when torch is not installed.
//
// For each case it prints the engine's time, the numpy peer's time (`../shared/bench/peer_numpy_mlp.py`,
// run here and now; skipped with a note when python3 or numpy is missing) and their ratio, and the
// GFLOP/s of the matrix product for MNIST's shapes and square 1024², on one and two threads against
// numpy's (`matmul_peak.py`). Absolute times on a shared machine drift; the ratios are what count.
import Engine
import Foundation

let options = BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
let peers = PeerRunner(benchDirectory: options.peerDirectory, enabled: !options.skipPeers)
// The circles and MNIST runs on `--threads`; the matrix product sets its own.
Kernels.withSettings(threads: options.threads) {
    print(
        "lessons-bench: engine in Double precision, \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + "circles and MNIST on \(Kernels.threadCount) thread\(Kernels.threadCount == 1 ? "" : "s")")
    print("processor: \(processorDescription()); kernels: \(Kernels.usesAVX512 ? "AVX-512" : Kernels.usesAVX2 ? "AVX2 + FMA" : "baseline")")
    print(peers.note)
    print("")
    if options.cases.contains("matmul") {
        MatrixProductBench(peers: peers, repeats: options.repeats, images: imageBatch(from: options.mnistDirectory)).run()
        print("")
    }
    if options.cases.contains("circles") {
        CirclesBench(peers: peers, repeats: options.repeats).run()
        print("")
    }
    if options.cases.contains("mnist") {
        MNISTBench(peers: peers, directory: options.mnistDirectory, epochs: options.epochs).run()
        print("")
    }
    if options.cases.contains("cnn") {
        CNNBench(peers: peers, directory: options.mnistDirectory, epochs: 1).run()
    }
}
