import Datasets
import Engine
import Foundation

/// The Convolutions chapter's network against PyTorch on the CPU, same architecture, batch and
/// optimizer: conv 8×5×5 → pool 2 → conv 32×5×5 → pool 2 → dense 128 → dense 10 (ReLU, then
/// softmax with cross-entropy), He initialization, Adam with η = 0.001, mini-batches of 64
/// reshuffled every epoch. The peer is `Tools/BenchPeers/peer_torch_cnn.py`; without torch the
/// case prints the engine's side and a note.
struct CNNBench {
    let peers: PeerRunner
    let directory: URL
    let epochs: Int

    func run() {
        print("CNN conv8-pool-conv32-pool-128-10, \(epochs) epoch\(epochs == 1 ? "" : "s"), batch 64, Adam η = 0.001")
        guard let (parts, training) = fullMNIST(in: directory) else { return }
        var network = Self.network()
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .categoricalCrossEntropy, optimizer: .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.001, epochs: epochs,
                batching: .miniBatch(size: 64), seed: 42))
        var loss = Double.nan
        let time = seconds {
            loss = (try? trainer.train(&network, on: training))?.history.epochs.last?.trainingLoss ?? .nan
        }
        let accuracy = Accuracy.fraction(
            output: network.predict(parts.test.inputs), target: Dataset.oneHot(parts.test.labels, classCount: 10),
            threshold: 0.5)
        let perEpoch = time / Double(epochs)
        print(String(format: "  engine: %.3f s per epoch; last epoch's training loss %.4f, test accuracy %.2f%%", perEpoch, loss, accuracy * 100))
        guard !peers.skipsAll else {
            print("  peer skipped (--skip-peers)")
            return
        }
        guard let output = PeerRunner.run(["python3", Self.peerScript.path, "--data", directory.path, "--epochs", String(epochs)]),
            let closing = output.split(separator: "\n").last(where: { $0.hasPrefix("peer=") }),
            let peerTime = PeerRunner.field("seconds", in: String(closing))
        else {
            print("  peer skipped: PyTorch is not installed for python3 (pip install torch, about 4 GB with its CUDA libraries, which run on the CPU too; never in CI)")
            return
        }
        let peerPerEpoch = peerTime / Double(epochs)
        let peerAccuracy = PeerRunner.field("accuracy", in: String(closing)) ?? .nan
        print(String(format: "  PyTorch float32, 2 threads: %.3f s per epoch, test accuracy %.2f%%", peerPerEpoch, peerAccuracy * 100))
        print(String(format: "  engine/PyTorch = %.3f× (goal ≤ 1.0×: %@)", perEpoch / peerPerEpoch, perEpoch <= peerPerEpoch ? "met" : "not met"))
    }

    /// The peer script, beside this tool's sources.
    static let peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BenchPeers/peer_torch_cnn.py")

    /// The chapter's network with He-normal filters and weights, zero biases.
    static func network() -> Network {
        var generator = SeededGenerator(seed: 42)
        func draw(_ rows: Int, _ columns: Int) -> Matrix { Initializer.heNormal.weights(inputs: rows, outputs: columns, using: &generator) }
        let image = ImageShape(channels: 1, height: 28, width: 28)
        let first = ConvolutionLayer(weights: draw(25, 8), bias: Matrix(rows: 1, columns: 8), activation: .relu, input: image, size: 5, padding: 0)
        let pool1 = MaxPoolingLayer(input: first.output, size: 2)
        let second = ConvolutionLayer(
            weights: draw(200, 32), bias: Matrix(rows: 1, columns: 32), activation: .relu, input: pool1.output, size: 5, padding: 0)
        let pool2 = MaxPoolingLayer(input: second.output, size: 2)
        return Network(layers: [
            first, pool1, second, pool2,
            DenseLayer(weights: draw(512, 128), bias: Matrix(rows: 1, columns: 128), activation: .relu),
            DenseLayer(weights: draw(128, 10), bias: Matrix(rows: 1, columns: 10), activation: .softmax),
        ])
    }
}
