/// The Python a notebook's cells call: the engine's arithmetic written again in numpy, part by
/// part, each part a code cell at the top of the notebook when the chapter needs it. The
/// sources are in the files `NotebookRuntime+*.swift`; they follow the engine's order of
/// operations, so the numbers agree with the chapter's to about the last digits.
enum NotebookRuntime: Int, CaseIterable, Comparable {
    case random, network, training, compare, perceptron, walk, mnist

    /// The parts this one calls.
    var needs: [NotebookRuntime] {
        switch self {
        case .random: []
        case .network: [.random]
        case .training: [.random, .network]
        case .compare: [.training]
        case .perceptron: [.network]
        case .walk: [.training]
        case .mnist: [.random]
        }
    }

    /// The sentence above the part's cell.
    var title: String {
        switch self {
        case .random: "**The random numbers.** The engine's generator, xoshiro256\\*\\*, in Python: the same seed and stream name give the same shuffles, dropout masks and splits as the chapter's."
        case .network: "**The network.** Dense layers with their activations, dropout and batch normalization: the forward pass, the backward pass, and the initializers that draw starting weights."
        case .training: "**Training.** The losses, the accuracy, the learning-rate schedules, the optimizers' update rules in the engine's order of operations, and gradient descent over full batches, mini-batches or single samples."
        case .compare: "**Comparisons.** The runs of a compare cell, each from its own starting weights, side by side."
        case .perceptron: "**The perceptron rule.**"
        case .walk: "**Gradient descent on a function.** The point (x, y) walks downhill by an optimizer's rule."
        case .mnist: "**MNIST.** Reading the IDX files, and holding out a validation set."
        }
    }

    /// The part's Python.
    var source: String {
        switch self {
        case .random: Self.randomSource
        case .network: Self.networkSource
        case .training: Self.trainingSource
        case .compare: Self.compareSource
        case .perceptron: Self.perceptronSource
        case .walk: Self.walkSource
        case .mnist: Self.mnistSource
        }
    }

    /// `parts` with every part they call, in the order they must be defined.
    static func closure(of parts: Set<NotebookRuntime>) -> [NotebookRuntime] {
        var all = parts
        var added = true
        while added {
            let more = Set(all.flatMap(\.needs)).subtracting(all)
            added = !more.isEmpty
            all.formUnion(more)
        }
        return all.sorted()
    }

    static func < (lhs: NotebookRuntime, rhs: NotebookRuntime) -> Bool { lhs.rawValue < rhs.rawValue }
}
