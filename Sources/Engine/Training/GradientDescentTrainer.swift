/// Trains a network by backpropagation and gradient descent (full-batch, mini-batch or per-sample).
///
/// Each update runs the forward pass, the backward pass and the optimizer's step:
/// ```
/// forward:   nᵏ = aᵏ⁻¹ Wᵏ + bᵏ,  aᵏ = fᵏ(nᵏ)
/// backward:  dZᴸ = ∂Lᵢ/∂nᴸ,  dZᵏ = (dZᵏ⁺¹ (Wᵏ⁺¹)ᵀ) ⊙ fᵏ'(nᵏ)
/// update:    Wᵏ ← Wᵏ − η (aᵏ⁻¹)ᵀ dZᵏ / m,  bᵏ ← bᵏ − η Σ dZᵏ / m     (plain gradient descent)
/// ```
/// for dense layers; any other `Layer` takes its own part of both passes.
public struct GradientDescentTrainer {
    /// The configuration of the run.
    public var configuration: TrainingConfiguration
    /// Called after every epoch with its record, for a progress display.
    public var epochEnded: ((EpochRecord) -> Void)?

    /// Creates a trainer.
    public init(configuration: TrainingConfiguration, epochEnded: ((EpochRecord) -> Void)? = nil) {
        self.configuration = configuration
        self.epochEnded = epochEnded
    }

    /// How many times the first epoch's training loss an epoch's may reach before the run
    /// counts as diverged: three orders of magnitude, where a learning rate that is too large
    /// has long stopped teaching anything (a loss that grows from 26 to 1.6·10⁵ while staying
    /// finite). Measured against the first epoch, not the lowest, so a loss near zero that
    /// wobbles is not mistaken for one that explodes.
    public static let divergingGrowth = 1_000.0

    /// Trains `network` in place on `data`, evaluating on `validation` after every epoch.
    ///
    /// - Throws: `TrainingError.diverged` at the first NaN or infinity in the loss or the
    ///   parameters (the network keeps the parameters of the update before), and
    ///   `TrainingError.lossGrew` after an epoch whose training loss is more than
    ///   `divergingGrowth` times the first epoch's.
    public func train(
        _ network: inout Network, on data: LabeledData, validation: LabeledData? = nil
    ) throws(TrainingError) -> TrainingResult {
        require(
            data.inputs.columns == network.layers[0].inputCount,
            "GradientDescentTrainer: inputs \(data.inputs.shapeDescription) do not fit \(network)")
        require(
            data.targets.columns == network.outputLayer.outputCount,
            "GradientDescentTrainer: targets \(data.targets.shapeDescription) do not fit \(network)")
        require(
            configuration.earlyStopping == nil || validation != nil,
            "GradientDescentTrainer: early stopping needs a validation set")
        require(
            configuration.recordsEvery == 1 || (configuration.recordsEvery > 1 && configuration.earlyStopping == nil),
            "GradientDescentTrainer: recordsEvery \(configuration.recordsEvery) must be 1 with early stopping, and positive")
        var optimizer = OptimizerState(optimizer: configuration.optimizer, network: network)
        var buffers = PassBuffers(layerCount: network.layers.count)
        // Layers that draw random numbers in training (dropout) draw them from a stream of their own.
        var context = PassContext(mode: .training, generator: SeededGenerator(seed: configuration.seed, stream: "layers"))
        // Checked once here; the optimizer checks every value it writes, and a step that writes
        // a NaN or an infinity ends training, so the parameters stay finite.
        context.parametersAreFinite = network.layers.allSatisfy { layer in
            layer.parameters.allSatisfy { $0.values.allSatisfy(\.isFinite) }
        }
        // Training changes a network's parameters, never its kinds of layers.
        let denseOnly = network.isDense
        let smallLogistic = network.isSmallLogistic(loss: configuration.loss)
        var generator = SeededGenerator(seed: configuration.seed, stream: "shuffle")
        var history = History()
        var trace = Trace()
        var iteration = 0
        var best: (loss: Double, epoch: Int, network: Network)?
        let batchSize = configuration.batching.size(for: data.count)
        let reshuffles = configuration.shuffles && batchSize < data.count
        // From all the training targets, so a batch of one class splits where the data set does.
        let threshold = Accuracy.threshold(for: network.outputLayer.activation, targets: data.targets)

        // The mini-batch being trained on, gathered into the same storage every step.
        var batch = LabeledData(inputs: Matrix(rows: 0, columns: 0), targets: Matrix(rows: 0, columns: 0))

        // The probe the layers' statistics are measured on, with its own stream of masks.
        let probe = configuration.measuresLayers ? data.samples(0..<min(data.count, LayerStatistics.probeSize)) : nil
        func layerStatistics() -> [LayerStatistics]? {
            probe.map {
                LayerStatistics.measure(
                    network, on: $0, loss: configuration.loss,
                    context: PassContext(mode: .training, generator: SeededGenerator(seed: configuration.seed, stream: "probe")))
            }
        }
        history.initialLayers = layerStatistics()

        for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            let learningRate = configuration.schedule.rate(
                base: configuration.learningRate, epoch: epoch, epochs: configuration.epochs)
            let recorded = epoch == 1 || epoch % configuration.recordsEvery == 0 || epoch == configuration.epochs
            let order = reshuffles ? generator.permutation(of: data.count) : nil
            var lossTotal = 0.0
            var correct = 0
            var step = 0
            for start in stride(from: 0, to: data.count, by: batchSize) {
                step += 1
                iteration += 1
                let range = start..<min(start + batchSize, data.count)
                if let order {
                    data.samples(at: order[range], into: &batch)
                } else {
                    batch = range.count == data.count ? data : data.samples(range)
                }
                let position = TraceStep(epoch: epoch, step: step)
                let update = try self.update(
                    &network, on: batch, optimizer: &optimizer, buffers: &buffers, context: &context, denseOnly: denseOnly,
                    smallLogistic: smallLogistic, at: position, iteration: iteration, learningRate: learningRate,
                    threshold: threshold, measuring: recorded,
                    recording: configuration.trace.includes(position, iteration: iteration))
                lossTotal += update.loss * Double(batch.count)
                correct += update.correct
                if let record = update.record { trace.records.append(record) }
            }
            guard recorded else { continue }
            var record = EpochRecord(
                epoch: epoch, trainingLoss: lossTotal / Double(max(data.count, 1)),
                trainingAccuracy: Double(correct) / Double(max(data.count, 1)))
            if let validation {
                let evaluation = evaluate(network, on: validation)
                record.validationLoss = evaluation.loss
                record.validationAccuracy = evaluation.accuracy
            }
            record.layers = layerStatistics()
            history.epochs.append(record)
            epochEnded?(record)
            if let first = history.epochs.first?.trainingLoss, first > 0,
                record.trainingLoss > Self.divergingGrowth * first
            {
                throw .lossGrew(
                    epoch: epoch, firstLoss: first, loss: record.trainingLoss, learningRate: configuration.learningRate)
            }

            if let rule = configuration.earlyStopping, let loss = record.validationLoss {
                if best == nil || loss < best!.loss - rule.minimumImprovement {
                    best = (loss, epoch, network)
                } else if epoch - best!.epoch >= rule.patience {
                    if rule.restoresBestParameters { network = best!.network }
                    return TrainingResult(
                        history: history, trace: trace, iterations: iteration,
                        bestEpoch: best!.epoch, stoppedEarly: true)
                }
            }
        }
        if let rule = configuration.earlyStopping, rule.restoresBestParameters, let best {
            network = best.network
        }
        return TrainingResult(
            history: history, trace: trace, iterations: iteration, bestEpoch: best?.epoch, stoppedEarly: false)
    }

    /// The mean loss (with weight decay) and the accuracy of `network` on `data`.
    ///
    /// The samples pass in slices (`Network.forwardInSlices`); the loss is the mean of every
    /// sample's loss, as over one pass.
    public func evaluate(_ network: Network, on data: LabeledData) -> (loss: Double, accuracy: Double) {
        let threshold = Accuracy.threshold(for: network.outputLayer.activation, targets: data.targets)
        let (output, losses) = network.predict(data.inputs, target: data.targets, loss: configuration.loss)
        return (losses.mean() + decayPenalty(network), Accuracy.fraction(output: output, target: data.targets, threshold: threshold))
    }

    /// `λ/2 Σ‖Wᵏ‖²` over the weights, not the biases.
    private func decayPenalty(_ network: Network) -> Double {
        guard configuration.weightDecay != 0 || configuration.l1 != 0 else { return 0 }
        var squares = 0.0, absolutes = 0.0
        for layer in network.layers {
            for slot in Self.decayed(layer) {
                let weights = layer.parameter(at: slot)
                squares += weights.sumOfSquares()
                absolutes += weights.values.reduce(0) { $0 + abs($1) }
            }
        }
        return configuration.weightDecay / 2 * squares + configuration.l1 * absolutes
    }

    /// The parameters weight decay acts on: each layer's called `W`.
    private static func decayed(_ layer: any Layer) -> [Int] {
        layer.parameterSymbols.indices.filter { layer.parameterSymbols[$0] == "W" }
    }

    private struct UpdateOutcome {
        var loss: Double
        var correct: Int
        var record: TraceRecord?
    }

    /// One forward pass, backward pass and parameter update on `batch`; the loss and the
    /// number of correct samples before it when `measuring` (or a trace records the step),
    /// otherwise 0 and 0. A diverging unmeasured step is caught by its parameters.
    private func update(
        _ network: inout Network, on batch: LabeledData, optimizer: inout OptimizerState, buffers: inout PassBuffers,
        context: inout PassContext, denseOnly: Bool, smallLogistic: Bool, at step: TraceStep, iteration: Int,
        learningRate: Double, threshold: Double, measuring: Bool, recording: Bool
    ) throws(TrainingError) -> UpdateOutcome {
        let last = network.layers.count - 1
        let measuring = measuring || recording
        // A small logistic network over a large batch runs its whole pass on two threads.
        let inHalves = smallLogistic && network.halvesFit(rows: batch.count)
        if inHalves {
            network.passInHalves(input: batch.inputs, target: batch.targets, in: &buffers)
        } else {
            network.forward(batch.inputs, into: &buffers, context: &context)
        }
        // The loss and the number of correct outputs, of the forward pass's outputs: measured on
        // the kernels' worker while the backward pass starts here (a few microseconds of an
        // MNIST step's serial work), then checked before the update.
        var loss = 0.0, correct = 0
        let (output, net, target) = (buffers.layers[last].output, buffers.layers[last].net, batch.targets)
        let (activation, penalty) = (network.outputLayer.activation, measuring ? decayPenalty(network) : 0)
        let measure = {
            loss = configuration.loss.value(output: output, net: net, target: target, activation: activation) + penalty
            correct = Accuracy.correctCount(output: output, target: target, threshold: threshold)
        }
        if inHalves {
            if measuring { measure() }
        } else if measuring {
            Kernels.runBeside(worker: measure) {
                network.backward(input: batch.inputs, target: batch.targets, loss: configuration.loss, in: &buffers)
            }
        } else {
            network.backward(input: batch.inputs, target: batch.targets, loss: configuration.loss, in: &buffers)
        }
        guard loss.isFinite else {
            throw .diverged(step: step, quantity: "the loss", value: loss, learningRate: learningRate)
        }
        if configuration.weightDecay != 0 {
            for (index, layer) in network.layers.enumerated() {
                for slot in Self.decayed(layer) {
                    buffers.layers[index].parameterGradients[slot].addScaled(
                        layer.parameter(at: slot), by: configuration.weightDecay)
                }
            }
        }
        if configuration.l1 != 0 {
            for (index, layer) in network.layers.enumerated() {
                for slot in Self.decayed(layer) {
                    let signs = layer.parameter(at: slot).map { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 }
                    buffers.layers[index].parameterGradients[slot].addScaled(signs, by: configuration.l1)
                }
            }
        }
        let before = recording ? network : nil
        // The optimizer's state before the update, for the rule a lesson checks (W1_v → W1_v_new).
        let stateNames = optimizer.optimizer.type.stateNames
        let statesBefore: [[[Matrix]]] = !recording ? [] : network.layers.indices.map { index in
            network.layers[index].parameterSymbols.indices.map { slot in
                stateNames.indices.map { optimizer.state($0, ofParameter: slot, inLayer: index) }
            }
        }
        if let bad = optimizer.update(
            &network, gradients: buffers.layers, learningRate: learningRate)
        {
            let what = bad.name.hasPrefix("W") ? "weights" : bad.name.hasPrefix("b") ? "bias" : "parameter"
            throw .diverged(
                step: step, quantity: "the \(what) \(bad.name)", value: bad.value, learningRate: learningRate)
        }
        if !denseOnly {
            for index in network.layers.indices { network.layers[index].finishTrainingStep(buffers.layers[index]) }
        }
        guard recording, let before else { return UpdateOutcome(loss: loss, correct: correct, record: nil) }

        var record = TraceRecord(step: step, iteration: iteration)
        record.record("x", batch.inputs)
        record.record("y", batch.targets)
        record.record("eta", learningRate)
        record.record("m", Double(batch.count))
        // The optimizer's settings under their lesson keys (momentum, rho, beta1, beta2, epsilon)
        // and the update's number t, for its rule.
        for (key, value) in configuration.optimizer.settings.values.sorted(by: { $0.key < $1.key }) {
            record.record(key, value)
        }
        if !stateNames.isEmpty { record.record("t", Double(optimizer.updates)) }
        // The regularizers' factors, for the gradient a lesson checks (dW gains λ W and λ₁ sign(W)).
        if configuration.weightDecay != 0 { record.record("weight_decay", configuration.weightDecay) }
        if configuration.l1 != 0 { record.record("l1", configuration.l1) }
        for (index, layer) in network.layers.enumerated() {
            let k = index + 1
            for (symbol, parameter) in zip(layer.parameterSymbols, before.layers[index].parameters) {
                record.record("\(symbol)\(k)", parameter)
            }
            for (symbol, value) in layer.forwardQuantities(buffers.layers[index]) { record.record("\(symbol)\(k)", value) }
        }
        record.record("loss", loss)
        for (index, layer) in network.layers.enumerated().reversed() {
            let k = index + 1
            for (symbol, value) in layer.backwardQuantities(buffers.layers[index]) { record.record("\(symbol)\(k)", value) }
            for (symbol, gradient) in zip(layer.parameterSymbols, buffers.layers[index].parameterGradients) {
                record.record("d\(symbol)\(k)", gradient)
            }
        }
        for (index, layer) in network.layers.enumerated() {
            for (slot, (symbol, parameter)) in zip(layer.parameterSymbols, layer.parameters).enumerated() {
                record.record("\(symbol)\(index + 1)_new", parameter)
                var newStates: [Matrix] = []
                for (stateIndex, stateName) in stateNames.enumerated() {
                    let new = optimizer.state(stateIndex, ofParameter: slot, inLayer: index)
                    record.record("\(symbol)\(index + 1)_\(stateName)", statesBefore[index][slot][stateIndex])
                    record.record("\(symbol)\(index + 1)_\(stateName)_new", new)
                    newStates.append(new)
                }
                let derived = optimizer.optimizer.type.derivedQuantities(
                    newStates, settings: configuration.optimizer.settings, step: optimizer.updates)
                for (name, value) in derived { record.record("\(symbol)\(index + 1)_\(name)", value) }
            }
        }
        return UpdateOutcome(loss: loss, correct: correct, record: record)
    }
}
