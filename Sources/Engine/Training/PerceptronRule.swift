/// Rosenblatt's perceptron learning rule, one sample at a time.
///
/// With `θ = [b; W]` (the bias row on top of the weights, `(n + 1) × p`):
/// ```
/// a = hardlim(x W + b)        θ ← θ + η [1 x]ᵀ (y − a)
/// ```
/// which is `W ← W + η xᵀ (y − a)` and `b ← b + η (y − a)`: nothing changes when the
/// sample is classified correctly. On linearly separable data the rule converges (an epoch
/// passes without an error); on data such as XOR it never does.
public struct PerceptronRule: Sendable {
    /// The learning rate `η`.
    public var learningRate: Double
    /// The most epochs to run before giving up.
    public var maximumEpochs: Int
    /// Which updates record their quantities (step = sample number within the epoch).
    public var trace: TraceSchedule

    /// Creates the rule.
    public init(learningRate: Double, maximumEpochs: Int, trace: TraceSchedule = .all) {
        self.learningRate = learningRate
        self.maximumEpochs = maximumEpochs
        self.trace = trace
    }

    /// One application of the rule to one sample.
    public struct Update: Sendable, Hashable {
        /// Where it happened (step = sample number within the epoch, from 1).
        public var step: TraceStep
        /// The sample's index in the data, from 0.
        public var sampleIndex: Int
        /// The input `x`, `1 × n`.
        public var input: Matrix
        /// The target `y`, `1 × p`.
        public var target: Matrix
        /// The output `a` before the update.
        public var output: Matrix
        /// `y − a`.
        public var error: Matrix
        /// `η xᵀ (y − a)`.
        public var weightChange: Matrix
        /// `η (y − a)`.
        public var biasChange: Matrix
        /// The weights after the update.
        public var newWeights: Matrix
        /// The bias after the update.
        public var newBias: Matrix

        /// Whether the sample was misclassified (and so the parameters changed).
        public var isMistake: Bool { error.values.contains { $0 != 0 } }
    }

    /// What a run of the rule produced.
    public struct Result: Sendable {
        /// Every update, in order.
        public var updates: [Update]
        /// The number of misclassified samples in each epoch.
        public var errorsPerEpoch: [Int]
        /// Whether an epoch passed without an error.
        public var converged: Bool
        /// The quantities recorded at the scheduled steps.
        public var trace: Trace
        /// The number of epochs run.
        public var epochsRun: Int { errorsPerEpoch.count }
    }

    /// Trains `layer` (a hard-limit layer) in place, visiting the samples in order, until an
    /// epoch has no error or `maximumEpochs` have run.
    public func train(_ layer: inout DenseLayer, on data: LabeledData) -> Result {
        require(layer.activation == .hardLimit, "PerceptronRule: layer \(layer) is not a hard-limit layer")
        require(
            data.inputs.columns == layer.inputCount && data.targets.columns == layer.outputCount,
            "PerceptronRule: inputs \(data.inputs.shapeDescription) and targets \(data.targets.shapeDescription) "
                + "do not fit \(layer)")
        var updates = [Update]()
        var errorsPerEpoch = [Int]()
        var trace = Trace()
        var iteration = 0
        for epoch in stride(from: 1, through: maximumEpochs, by: 1) {
            var errors = 0
            for index in 0..<data.count {
                iteration += 1
                let step = TraceStep(epoch: epoch, step: index + 1)
                let x = data.inputs.row(index)
                let y = data.targets.row(index)
                let net = layer.net(x)
                let a = layer.activation.apply(net)
                let error = y - a
                let weightChange = Matrix.product(x, error, transposingLeft: true) * learningRate
                let biasChange = error * learningRate
                let before = layer
                layer.weights += weightChange
                layer.bias += biasChange
                let update = Update(
                    step: step, sampleIndex: index, input: x, target: y, output: a, error: error,
                    weightChange: weightChange, biasChange: biasChange, newWeights: layer.weights, newBias: layer.bias)
                if update.isMistake { errors += 1 }
                updates.append(update)
                if self.trace.includes(step, iteration: iteration) {
                    trace.records.append(record(update, before: before, net: net, iteration: iteration))
                }
            }
            errorsPerEpoch.append(errors)
            if errors == 0 { break }
        }
        return Result(
            updates: updates, errorsPerEpoch: errorsPerEpoch, converged: errorsPerEpoch.last == 0, trace: trace)
    }

    private func record(_ update: Update, before: DenseLayer, net: Matrix, iteration: Int) -> TraceRecord {
        var record = TraceRecord(step: update.step, iteration: iteration)
        record.record("x", update.input)
        record.record("y", update.target)
        record.record("eta", learningRate)
        record.record("W", before.weights)
        record.record("b", before.bias)
        record.record("theta", Matrix.verticalConcatenation([before.bias, before.weights]))
        record.record("n", net)
        record.record("a", update.output)
        record.record("error", update.error)
        record.record("delta_W", update.weightChange)
        record.record("delta_b", update.biasChange)
        record.record("W_new", update.newWeights)
        record.record("b_new", update.newBias)
        record.record("theta_new", Matrix.verticalConcatenation([update.newBias, update.newWeights]))
        return record
    }
}
