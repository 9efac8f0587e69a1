import MatrixKernels

/// The running state of an optimizer over one network's parameters (what its rule's
/// `stateNames` name, per entry) and the update's proposals.
///
/// An update first computes every parameter's new value into buffers of its own, and only
/// when all of them are finite swaps them into the network: a diverging step leaves the
/// network as it was without copying it beforehand.
struct OptimizerState {
    let optimizer: Optimizer
    private var rule: any OptimizerRule
    private let memory: StateMemory
    /// Each layer's proposed new parameters; after a step, the previous ones (storage reused).
    private var proposals: [[Matrix]]
    /// The slot (in `Network.parameterNames`' order) of each layer's first parameter.
    private let firstSlots: [Int]
    private var step = 0

    /// The number of updates made so far: `t` of the last one.
    var updates: Int { step }

    /// A parameter whose proposed value is not finite: which one (`W2`, `b1`) and the value.
    struct NonFiniteParameter {
        var name: String
        var value: Double
    }

    /// State for `network`'s parameters, in `Network.parameterNames`' order.
    init(optimizer: Optimizer, network: Network) {
        self.optimizer = optimizer
        rule = optimizer.rule
        memory = StateMemory(counts: network.parameters.map(\.count), statesPerParameter: optimizer.type.stateNames.count)
        proposals = network.layers.map { $0.parameters.map { Matrix(rows: $0.rows, columns: $0.columns) } }
        var first = 0
        firstSlots = network.layers.map { layer in
            defer { first += layer.parameterSymbols.count }
            return first
        }
    }

    /// The state `stateNames[index]` of parameter `parameter` of layer `layer` (both from 0),
    /// shaped as the parameter.
    func state(_ index: Int, ofParameter parameter: Int, inLayer layer: Int) -> Matrix {
        let shape = proposals[layer][parameter]
        let values = memory.states(ofParameter: firstSlots[layer] + parameter)[index]
        return Matrix(rows: shape.rows, columns: shape.columns,
                      values: Array(UnsafeBufferPointer(start: values, count: shape.count)))
    }

    /// Applies one update with learning rate `η` from `gradients` (in `Network.parameterNames`'
    /// order), or, when a new parameter would be NaN or infinite, leaves `network` unchanged
    /// and names the first such parameter.
    mutating func update(_ network: inout Network, gradients: [Matrix], learningRate: Double) -> NonFiniteParameter? {
        let firstSlots = self.firstSlots
        return update(&network, learningRate: learningRate) { layer, index in gradients[firstSlots[layer] + index] }
    }

    /// One update from each layer's gradients as its backward pass left them.
    mutating func update(_ network: inout Network, gradients buffers: [LayerBuffers], learningRate: Double) -> NonFiniteParameter? {
        update(&network, learningRate: learningRate) { layer, index in buffers[layer].parameterGradients[index] }
    }

    /// One update, with `gradient(layer, index)` the gradient of parameter `index` of `layer`.
    private mutating func update(
        _ network: inout Network, learningRate: Double, gradient: (Int, Int) -> Matrix
    ) -> NonFiniteParameter? {
        step += 1
        rule.begin(step: step)
        var allFinite = true
        for layer in network.layers.indices {
            for index in proposals[layer].indices {
                allFinite = propose(
                    network.layers[layer].parameter(at: index), gradient: gradient(layer, index), layer: layer,
                    index: index, learningRate) && allFinite
            }
        }
        if !allFinite {
            let names = network.parameterNames
            for layer in proposals.indices {
                for index in proposals[layer].indices {
                    if let bad = proposals[layer][index].values.first(where: { !$0.isFinite }) {
                        return NonFiniteParameter(name: names[firstSlots[layer] + index], value: bad)
                    }
                }
            }
        }
        for layer in network.layers.indices where !proposals[layer].isEmpty {
            network.layers[layer].swapParameters(with: &proposals[layer])
        }
        return nil
    }

    /// Writes the new value of parameter `index` of `layer` into its proposal, updating the
    /// optimizer's state; whether every new value is finite. Large parameters are split over
    /// two threads; each entry's arithmetic is its own, so the split changes no bit.
    private mutating func propose(
        _ parameter: Matrix, gradient: Matrix, layer: Int, index: Int, _ learningRate: Double
    ) -> Bool {
        require(
            parameter.rows == gradient.rows && parameter.columns == gradient.columns,
            "Optimizer: gradient \(gradient.shapeDescription) does not fit parameter \(parameter.shapeDescription)")
        proposals[layer][index].prepare(rows: parameter.rows, columns: parameter.columns)
        let count = parameter.count
        guard count > 0 else { return true }
        let (rule, states) = (self.rule, memory.states(ofParameter: firstSlots[layer] + index))
        return parameter.values.withUnsafeBufferPointer { w in
            gradient.values.withUnsafeBufferPointer { g in
                proposals[layer][index].values.withUnsafeMutableBufferPointer { p in
                    let entries = ParameterEntries(
                        count: count, parameter: w.baseAddress!, gradient: g.baseAddress!, proposal: p.baseAddress!,
                        states: states)
                    guard count >= 1 << 15, MatrixProductKernel.threadCount > 1 else {
                        return rule.update(entries, learningRate: learningRate)
                    }
                    var split = SplitUpdate(rule: rule, entries: entries, learningRate: learningRate)
                    withUnsafeMutablePointer(to: &split) { job in
                        mk_run_pair({ context, part in
                            SplitUpdate.run(context!.assumingMemoryBound(to: SplitUpdate.self), part: Int(part))
                        }, job)
                    }
                    return split.firstHalfFinite && split.secondHalfFinite
                }
            }
        }
    }

    /// An update cut in two halves, one per thread; each entry's arithmetic is its own.
    private struct SplitUpdate {
        let rule: any OptimizerRule
        let entries: ParameterEntries
        let learningRate: Double
        var firstHalfFinite = true, secondHalfFinite = true

        /// Runs one half; each thread writes its own flag, through its own pointer.
        static func run(_ job: UnsafeMutablePointer<SplitUpdate>, part: Int) {
            let (rule, entries, rate) = (job.pointee.rule, job.pointee.entries, job.pointee.learningRate)
            let half = entries.count / 2
            if part == 0 {
                job.pointer(to: \.firstHalfFinite)!.pointee = rule.update(entries.slice(0..<half), learningRate: rate)
            } else {
                job.pointer(to: \.secondHalfFinite)!.pointee =
                    rule.update(entries.slice(half..<entries.count), learningRate: rate)
            }
        }
    }
}

/// The optimizer's per-entry state, zero to start: `statesPerParameter` buffers for each
/// parameter, and for each parameter a table of pointers to its buffers (what
/// `ParameterEntries.state(_:)` reads).
private final class StateMemory {
    let statesPerParameter: Int
    /// Parameter `p`'s state `i` is `pointers[p * statesPerParameter + i]`.
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<Double>>

    private let bufferCount: Int

    init(counts: [Int], statesPerParameter: Int) {
        self.statesPerParameter = statesPerParameter
        bufferCount = counts.count * statesPerParameter
        pointers = .allocate(capacity: max(1, counts.count * statesPerParameter))
        for (slot, count) in counts.enumerated() {
            for index in 0..<statesPerParameter {
                let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
                buffer.initialize(repeating: 0, count: max(count, 1))
                (pointers + slot * statesPerParameter + index).initialize(to: buffer)
            }
        }
    }

    /// The table of parameter `slot`'s state buffers.
    func states(ofParameter slot: Int) -> UnsafePointer<UnsafeMutablePointer<Double>> {
        UnsafePointer(pointers + slot * statesPerParameter)
    }

    deinit {
        for index in 0..<bufferCount { pointers[index].deallocate() }
        pointers.deallocate()
    }
}
