import Engine
import LessonFormat

/// What the last train cell did.
enum TrainingRun: Sendable {
    /// The perceptron rule on a single hard-limit layer.
    case perceptron(PerceptronRun)
    /// Backpropagation with gradient descent.
    case gradientDescent(GradientDescentRun)

    /// The quantities recorded at the requested steps.
    public var trace: Trace {
        switch self {
        case let .perceptron(run): run.result.trace
        case let .gradientDescent(run): run.result.trace
        }
    }

    /// The number of epochs run.
    public var epochsRun: Int {
        switch self {
        case let .perceptron(run): run.result.epochsRun
        case let .gradientDescent(run): run.result.history.epochs.count
        }
    }
}

/// A run of the perceptron rule.
struct PerceptronRun: Sendable {
    /// What the rule did, update by update.
    public var result: PerceptronRule.Result
    /// The layer before training.
    public var initial: DenseLayer
    /// The layer after training.
    public var final: DenseLayer
    /// The learning rate.
    public var learningRate: Double
}

/// A run of gradient descent.
struct GradientDescentRun: Sendable {
    /// The history, trace and early-stopping outcome.
    public var result: TrainingResult
    /// The configuration the engine ran.
    public var configuration: TrainingConfiguration
    /// The network before training.
    public var initial: Network
    /// Wall-clock seconds the training took (shown in the terminal, never in the report).
    public var seconds: Double
}
