import Engine
import LessonFormat

/// A `train` cell: how the model learns from the data.
///
/// ```yaml
/// rule: gradient-descent      # or perceptron
/// loss: binary-cross-entropy  # squared-error, half-squared-error, binary-cross-entropy, categorical-cross-entropy
/// optimizer: adam             # any registered optimizer (`Optimizer.rules`), with its own keys:
/// beta1: 0.9                  # Adam's β₁ (defaults from the optimizer's file)
/// learning_rate: 0.01
/// epochs: 20
/// batch_size: 64              # or full (the default), or 1 for one sample at a time
/// schedule: cosine            # constant (the default), step, exponential or cosine (TrainCell+Schedule)
/// ```
struct TrainCell: Sendable, Equatable {
    /// The learning rule.
    public enum Rule: String, Sendable, CaseIterable {
        /// Rosenblatt's rule, one sample at a time, for a single hard-limit layer.
        case perceptron
        /// Backpropagation with gradient descent.
        case gradientDescent = "gradient-descent"
    }

    /// The keys a train cell may hold: its own, and every registered optimizer's hyperparameters.
    public static let keys = [
        "rule", "loss", "optimizer", "learning_rate", "epochs", "batch_size", "shuffle",
        "weight_decay", "l1", "early_stopping", "trace_every", "schedule", "warmup",
    ] + scheduleKeys.map(\.key) + optimizerKeys
    /// The hyperparameter keys of every registered optimizer, each once.
    static let optimizerKeys: [String] = {
        var keys = [String]()
        for rule in Optimizer.rules {
            for hyperparameter in rule.hyperparameters where !keys.contains(hyperparameter.key) {
                keys.append(hyperparameter.key)
            }
        }
        return keys
    }()

    /// The learning rule.
    public var rule: Rule
    /// The loss, or `nil` to choose from the output activation.
    public var loss: Loss?
    /// The optimizer.
    public var optimizer: Optimizer
    /// The learning rate (the starting one, with a schedule).
    public var learningRate: Double
    /// How the learning rate changes from epoch to epoch.
    public var schedule: LearningRateSchedule
    /// The number of epochs (the most, for the perceptron rule, which stops once an epoch is clean).
    public var epochs: Int
    /// How samples are grouped into updates.
    public var batching: Batching
    /// Whether samples are reshuffled every epoch.
    public var shuffles: Bool
    /// The L2 weight-decay factor.
    public var weightDecay: Double
    /// The L1 factor λ₁.
    public var l1: Double
    /// Early stopping's patience in epochs, if early stopping is on.
    public var patience: Int?
    /// Record every n-th update, if set.
    public var traceEvery: Int?
    /// Where the cell stands.
    public var position: SourcePosition

    /// Reads and checks a train cell.
    public init(_ cell: Cell) throws(LessonError) {
        let fields = try FieldReader(cell.body, place: "train cell", at: cell.position, allowedKeys: Self.keys)
        position = cell.position
        rule = Rule(rawValue: try fields.choice("rule", among: Rule.allCases.map(\.rawValue), default: "gradient-descent"))!
        loss = fields.contains("loss") ? Loss(rawValue: try fields.choice("loss", among: Loss.allCases.map(\.rawValue))) : nil
        learningRate = try fields.number("learning_rate", in: 0...1e12)
        epochs = try fields.integer("epochs", in: 1...1_000_000)
        shuffles = try fields.boolean("shuffle", default: true)
        weightDecay = try fields.number("weight_decay", default: 0, in: 0...1e6)
        l1 = try fields.number("l1", default: 0, in: 0...1e6)
        patience = fields.contains("early_stopping") ? try fields.integer("early_stopping", in: 1...1_000_000) : nil
        traceEvery = fields.contains("trace_every") ? try fields.integer("trace_every", in: 1...1_000_000_000) : nil

        optimizer = try Self.optimizer(fields)
        schedule = try Self.schedule(fields, learningRate: learningRate, epochs: epochs)

        if let value = fields.value("batch_size"), value.text == "full" {
            batching = .fullBatch
        } else if fields.contains("batch_size") {
            let size = try fields.integer("batch_size", in: 1...100_000_000)
            batching = size == 1 ? .stochastic : .miniBatch(size: size)
        } else {
            batching = .fullBatch
        }

        if rule == .perceptron {
            for key in ["loss", "optimizer", "batch_size", "weight_decay", "l1", "early_stopping", "schedule", "warmup"] where fields.contains(key) {
                throw LessonError(
                    .invalidValue(key: key, in: "train cell", message: "does not apply to the perceptron rule, which updates after each sample"),
                    at: try fields.required(key).position)
            }
        }
    }

    /// The optimizer named by `optimizer` (plain gradient descent by default) with the
    /// hyperparameters the cell gives; another optimizer's key is a mistake worth naming.
    static func optimizer(_ fields: FieldReader, place: String = "train cell") throws(LessonError) -> Optimizer {
        let name = try fields.choice(
            "optimizer", among: Optimizer.rules.map { $0.name }, default: GradientDescent.name)
        let rule = Optimizer.rule(named: name)!
        let own = rule.hyperparameters.map(\.key)
        for key in optimizerKeys where !own.contains(key) && fields.contains(key) {
            let reads = own.isEmpty ? "takes no settings" : "reads " + own.map { "'\($0)'" }.joined(separator: ", ")
            throw LessonError(
                .invalidValue(key: key, in: place, message: "does not apply to the optimizer '\(name)', which \(reads)"),
                at: try fields.required(key).position)
        }
        var values = [String: Double]()
        for hyperparameter in rule.hyperparameters {
            values[hyperparameter.key] = try fields.number(
                hyperparameter.key, default: hyperparameter.defaultValue, in: hyperparameter.range)
        }
        return Optimizer(rule, values)
    }

    /// The loss this cell trains with, given the network's output activation.
    ///
    /// Without a `loss` key: binary cross-entropy for a sigmoid output, categorical
    /// cross-entropy for softmax, squared error otherwise.
    public func effectiveLoss(outputActivation: Activation) -> Loss {
        if let loss { return loss }
        switch outputActivation {
        case .sigmoid: return .binaryCrossEntropy
        case .softmax: return .categoricalCrossEntropy
        default: return .squaredError
        }
    }
}
