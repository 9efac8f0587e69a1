/// Everything gradient-descent training needs besides the network and the data.
public struct TrainingConfiguration: Sendable, Hashable {
    /// The loss to minimize.
    public var loss: Loss
    /// The update rule.
    public var optimizer: Optimizer
    /// The learning rate `η` (`α` in some chapters): that of every epoch, or the starting one
    /// of `schedule`.
    public var learningRate: Double
    /// How the learning rate changes from epoch to epoch (constant unless set).
    public var schedule = LearningRateSchedule.constant
    /// The L1 factor `λ₁`: the loss gains `λ₁ Σ|Wᵏ|` and each `dWᵏ` gains `λ₁ sign(Wᵏ)`, with
    /// `sign(0) = 0` (the subgradient of |w| at 0 taken as 0, so a weight that is exactly 0
    /// stays there unless its data gradient moves it); biases are not penalized.
    public var l1 = 0.0
    /// The number of passes over the training data.
    public var epochs: Int
    /// How samples are grouped into updates.
    public var batching: Batching
    /// Whether the samples are reshuffled at the start of every epoch (mini-batch and per-sample).
    public var shuffles: Bool
    /// The L2 weight-decay factor `λ`: the loss gains `λ/2 Σ‖Wᵏ‖²` and each `dWᵏ` gains `λ Wᵏ` (biases are not decayed).
    public var weightDecay: Double
    /// Early stopping on the validation loss, if wanted (needs a validation set).
    public var earlyStopping: EarlyStopping?
    /// Which updates record their quantities.
    public var trace: TraceSchedule
    /// The seed of the shuffling stream.
    public var seed: UInt64
    /// The history records epoch 1, every `recordsEvery`-th epoch and the last one; the
    /// epochs between compute no loss and no accuracy, only the updates (as a benchmark's
    /// peer that reports every 1,000th iteration does). 1, every epoch, with early stopping.
    public var recordsEvery: Int
    /// Whether each layer's statistics (`LayerStatistics`) are measured before training and
    /// after every recorded epoch, on the first `LayerStatistics.probeSize` training samples.
    public var measuresLayers = false

    /// Creates a configuration; only the loss and the learning rate have no default.
    public init(
        loss: Loss, optimizer: Optimizer = .gradientDescent, learningRate: Double, epochs: Int = 1,
        batching: Batching = .fullBatch, shuffles: Bool = true, weightDecay: Double = 0,
        earlyStopping: EarlyStopping? = nil, trace: TraceSchedule = .none, seed: UInt64 = 0, recordsEvery: Int = 1
    ) {
        self.loss = loss
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.epochs = epochs
        self.batching = batching
        self.shuffles = shuffles
        self.weightDecay = weightDecay
        self.earlyStopping = earlyStopping
        self.trace = trace
        self.seed = seed
        self.recordsEvery = recordsEvery
    }
}

/// What a training run produced besides the trained network.
public struct TrainingResult: Sendable {
    /// Loss and accuracy per epoch.
    public var history: History
    /// The quantities recorded at the scheduled steps.
    public var trace: Trace
    /// The number of updates made.
    public var iterations: Int
    /// The epoch whose parameters the network ends with when early stopping restored them.
    public var bestEpoch: Int?
    /// Whether early stopping ended the run before its last epoch.
    public var stoppedEarly: Bool
}
