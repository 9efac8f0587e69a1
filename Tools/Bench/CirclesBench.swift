import Datasets
import Engine
import Foundation

/// The circles network of the peer: 2-3-1, sigmoid hidden and output units, mean binary
/// cross-entropy, full-batch gradient descent with η = 1 on 1,000 points for 5,000 iterations.
/// Like the peer, it computes the loss at iteration 1 and every 1,000th only. Both sides count
/// their best of `repeats` runs.
struct CirclesBench {
    let peers: PeerRunner
    let repeats: Int
    static let iterations = 5000

    func run() {
        print("Circles 2-3-1, 1,000 points, \(Self.iterations) full-batch iterations")
        var generator = SeededGenerator(seed: 7)
        let data = Dataset.circles(count: 1000, noise: 0.05, factor: 0.5, using: &generator)
        let labeled = LabeledData(inputs: data.inputs, targets: data.targets)
        var accuracy = 0.0
        let time = bestTime(of: repeats) {
            var networkGenerator = SeededGenerator(seed: 1)
            var network = Network(
                sizes: [2, 3, 1], activations: [.sigmoid, .sigmoid], initializer: .xavierUniform,
                generator: &networkGenerator)
            let trainer = GradientDescentTrainer(
                configuration: TrainingConfiguration(
                    loss: .binaryCrossEntropy, learningRate: 1, epochs: Self.iterations, seed: 1, recordsEvery: 1000))
            let result = try! trainer.train(&network, on: labeled)
            accuracy = result.history.epochs.last?.trainingAccuracy ?? 0
        }
        let peer = peers.bestSeconds(of: repeats, "peer_numpy_mlp.py", ["--mode", "circles"])
        print("  " + ratioLine(engine: time, peer: peer, peerName: "numpy", goal: 0.1)
            + String(format: "; training accuracy %.1f%%", accuracy * 100))
    }
}
