import Datasets
import Engine
import Foundation

/// The peer's MNIST network: 784-128-10, ReLU then softmax with cross-entropy, He initialization,
/// momentum 0.9 (PyTorch's form), η = 0.01, mini-batches of 64 reshuffled every epoch.
struct MNISTBench {
    let peers: PeerRunner
    let directory: URL
    let epochs: Int

    func run() {
        print("MNIST 784-128-10, \(epochs) epoch\(epochs == 1 ? "" : "s"), batch 64, momentum 0.9, η = 0.01")
        guard let (parts, training) = fullMNIST(in: directory) else { return }
        var generator = SeededGenerator(seed: 42)
        var network = Network(
            sizes: [784, 128, 10], activations: [.relu, .softmax], initializer: .heNormal, generator: &generator)
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .categoricalCrossEntropy, optimizer: .momentum(beta: 0.9), learningRate: 0.01,
                epochs: epochs, batching: .miniBatch(size: 64), seed: 42))
        var loss = Double.nan
        let time = seconds {
            loss = (try? trainer.train(&network, on: training))?.history.epochs.last?.trainingLoss ?? .nan
        }
        let accuracy = Accuracy.fraction(
            output: network.predict(parts.test.inputs), target: Dataset.oneHot(parts.test.labels, classCount: 10),
            threshold: 0.5)
        let perEpoch = time / Double(epochs)
        let arguments = ["--data", directory.path, "--epochs", String(epochs)]
        let peer64 = peers.seconds("peer_numpy_mlp.py", arguments + ["--dtype", "float64"]).map { $0 / Double(epochs) }
        let peer32 = peers.seconds("peer_numpy_mlp.py", arguments + ["--dtype", "float32"]).map { $0 / Double(epochs) }
        // The goal is against the faster peer (float32, where it runs): half its time per epoch.
        let (fasterName, faster, slowerName, slower) =
            (peer32 ?? .infinity) < (peer64 ?? .infinity)
            ? ("numpy float32", peer32, "numpy float64", peer64) : ("numpy float64", peer64, "numpy float32", peer32)
        print("  per epoch: " + ratioLine(engine: perEpoch, peer: faster, peerName: fasterName, goal: 0.5))
        if let slower {
            print(String(format: "  (%@: %.3f s per epoch; engine/%@ = %.3f×)", slowerName, slower, slowerName, perEpoch / slower))
        }
        print(String(format: "  last epoch's training loss %.4f, test accuracy %.2f%%", loss, accuracy * 100))
    }
}

/// The full MNIST set in `directory` and its training part as labelled data, or `nil` after
/// printing why the case is skipped.
func fullMNIST(in directory: URL) -> (parts: (training: MNISTSet, test: MNISTSet), training: LabeledData)? {
    let parts: (training: MNISTSet, test: MNISTSet)
    do {
        parts = try MNISTDirectory(url: directory).read()
    } catch {
        print("  skipped: the full MNIST set is not readable in \(directory.path): \(error) (use --mnist DIR)")
        return nil
    }
    let training = LabeledData(inputs: parts.training.inputs, targets: Dataset.oneHot(parts.training.labels, classCount: 10))
    return (parts, training)
}
