/// An optimizer's rule applied to one parameter outside a network, with the state it keeps: the
/// same rule, to the bit, that training applies to each weight matrix, for a parameter such as
/// the point (x, y) walking downhill on a function of two variables.
///
/// For momentum, `v ← β v + g;  θ ← θ − η v`; every rule's formula is in its file in `Optimizers/`.
public struct SingleParameterOptimizer: Sendable {
    /// The optimizer and its settings.
    public let optimizer: Optimizer
    private var rule: any OptimizerRule
    /// The rule's state (`optimizer.type.stateNames`, each shaped as the parameter), zero to start.
    public private(set) var states: [Matrix]
    /// The number of updates made: `t` of the last one.
    public private(set) var updates = 0

    /// An optimizer for a parameter of `rows` × `columns` entries, its state zero.
    public init(_ optimizer: Optimizer, rows: Int, columns: Int) {
        self.optimizer = optimizer
        rule = optimizer.rule
        states = optimizer.type.stateNames.map { _ in Matrix(rows: rows, columns: columns) }
    }

    /// The state's names, as the trace records them after a parameter's name (`v`, or `m` and `v`).
    public var stateNames: [String] { optimizer.type.stateNames }

    /// What the rule computes from the state at the last update (Adam's `mhat` and `vhat`).
    public var derivedQuantities: [(name: String, value: Matrix)] {
        optimizer.type.derivedQuantities(states, settings: optimizer.settings, step: updates)
    }

    /// The parameter after one update with gradient `gradient` and learning rate `η`, the state
    /// updated; `nil` (and the state unchanged) when a new value would be NaN or infinite.
    public mutating func update(_ parameter: Matrix, gradient: Matrix, learningRate: Double) -> Matrix? {
        require(
            parameter.rows == gradient.rows && parameter.columns == gradient.columns,
            "SingleParameterOptimizer: gradient \(gradient.shapeDescription) does not fit parameter \(parameter.shapeDescription)")
        var next = rule
        next.begin(step: updates + 1)
        let count = parameter.count
        var proposal = [Double](repeating: 0, count: count)
        var newStates = states.map(\.values)
        let buffers = newStates.indices.map { _ in UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1)) }
        defer { buffers.forEach { $0.deallocate() } }
        for (buffer, values) in zip(buffers, newStates) { buffer.initialize(from: values, count: count) }
        let finite = parameter.values.withUnsafeBufferPointer { w in
            gradient.values.withUnsafeBufferPointer { g in
                proposal.withUnsafeMutableBufferPointer { p in
                    buffers.withUnsafeBufferPointer { table in
                        next.update(
                            ParameterEntries(
                                count: count, parameter: w.baseAddress!, gradient: g.baseAddress!, proposal: p.baseAddress!,
                                states: table.baseAddress!),
                            learningRate: learningRate)
                    }
                }
            }
        }
        guard finite, proposal.allSatisfy(\.isFinite) else { return nil }
        for index in newStates.indices { newStates[index] = Array(UnsafeBufferPointer(start: buffers[index], count: count)) }
        rule = next
        updates += 1
        states = zip(states, newStates).map { Matrix(rows: $0.rows, columns: $0.columns, values: $1) }
        return Matrix(rows: parameter.rows, columns: parameter.columns, values: proposal)
    }
}
