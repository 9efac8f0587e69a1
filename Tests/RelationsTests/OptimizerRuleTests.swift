import Engine
import Testing
import Relations

/// Each optimizer's update rule, written in the `numbers` language, holds on the engine's own
/// trace at the second update (so the state before it is not zero), and can fail.
@Suite struct OptimizerRuleTests {
    static func secondUpdate(_ optimizer: Optimizer) throws -> Bindings {
        var network = Network(layers: [
            DenseLayer(weights: Matrix([[0.5, -0.3, 0.8], [-0.6, 0.2, 0.4]]), bias: Matrix(row: [0.1, -0.2, 0.05]), activation: .tanh),
            DenseLayer(weights: Matrix(column: [0.7, -0.5, 0.3]), bias: Matrix(scalar: 0.1), activation: .sigmoid),
        ])
        let data = LabeledData(
            inputs: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), targets: Matrix(column: [0, 1, 1, 0]))
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(
                loss: .binaryCrossEntropy, optimizer: optimizer, learningRate: 0.1, epochs: 2, trace: .all))
        let result = try trainer.train(&network, on: data)
        return Bindings(try #require(result.trace.record(at: TraceStep(epoch: 2, step: 1))))
    }

    static func expectRules(_ optimizer: Optimizer, _ rules: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bindings = try secondUpdate(optimizer)
        for text in rules {
            let relation = try Relation(parsing: text)
            let check = try relation.check(with: bindings)
            #expect(check.held, "\(check)", sourceLocation: sourceLocation)
            #expect(relation.sensitivity(of: check.filled, with: bindings).canFail, "\(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func momentum() throws {
        try Self.expectRules(Optimizer(Optimizer.rule(named: "momentum")!), [
            "W1_v_new = momentum * W1_v + dW1", "W1_new = W1 - eta * W1_v_new", "b2_new = b2 - eta * b2_v_new",
        ])
    }

    @Test func nesterov() throws {
        try Self.expectRules(Optimizer(Optimizer.rule(named: "nesterov")!), [
            "W1_v_new = momentum * W1_v + dW1", "W1_new = W1 - eta * (dW1 + momentum * W1_v_new)",
        ])
    }

    @Test func rmsprop() throws {
        try Self.expectRules(Optimizer(Optimizer.rule(named: "rmsprop")!), [
            "W1_s_new = rho * W1_s + (1 - rho) * dW1 .* dW1", "W1_new = W1 - eta * dW1 ./ (sqrt(W1_s_new) + epsilon)",
        ])
    }

    @Test func adam() throws {
        try Self.expectRules(Optimizer(Optimizer.rule(named: "adam")!), [
            "W1_m_new = beta1 * W1_m + (1 - beta1) * dW1", "W1_v_new = beta2 * W1_v + (1 - beta2) * dW1 .* dW1",
            "W1_mhat = W1_m_new / (1 - beta1 * beta1)", "W1_vhat = W1_v_new / (1 - beta2 * beta2)",
            "W1_new = W1 - eta * W1_mhat ./ (sqrt(W1_vhat) + epsilon)", "t = 2",
        ])
    }

    /// The plain momentum step fails the Nesterov rule: the check tells the two apart.
    @Test func aWrongRuleFails() throws {
        let bindings = try Self.secondUpdate(Optimizer(Optimizer.rule(named: "nesterov")!))
        #expect(try !Relation.check("W1_new = W1 - eta * W1_v_new", with: bindings).held)
    }
}

/// The regularizers' terms are in the recorded gradient, so a lesson checks them.
@Suite struct RegularizerGradientTests {
    static func firstUpdate(weightDecay: Double, l1: Double) throws -> Bindings {
        // One weight is exactly 0: its L1 subgradient is 0.
        var network = Network(layers: [
            DenseLayer(weights: Matrix([[0.5], [0], [-0.4]]), bias: Matrix(scalar: 0.1), activation: .sigmoid),
        ])
        var configuration = TrainingConfiguration(loss: .binaryCrossEntropy, learningRate: 0.1, epochs: 1, trace: .all)
        configuration.weightDecay = weightDecay
        configuration.l1 = l1
        let data = LabeledData(inputs: Matrix([[1, 0, 1], [0, 1, 1]]), targets: Matrix(column: [1, 0]))
        let result = try GradientDescentTrainer(configuration: configuration).train(&network, on: data)
        return Bindings(try #require(result.trace.records.first))
    }

    @Test func theL1AndL2TermsAreInTheGradient() throws {
        let bindings = try Self.firstUpdate(weightDecay: 0.01, l1: 0.05)
        let check = try Relation.check("dW1 = x' * s1 / m + weight_decay * W1 + l1 * sign(W1)", with: bindings)
        #expect(check.held, "\(check)")
        #expect(try Relation.check("W1_new = W1 - eta * dW1", with: bindings).held)
        // Without the L1 term the gradient does not match.
        #expect(try !Relation.check("dW1 = x' * s1 / m + weight_decay * W1", with: bindings).held)
        // The weight at exactly 0 gets no L1 push.
        let data = try Relation.check("dW1 - x' * s1 / m - weight_decay * W1 = l1 * sign(W1)", with: bindings)
        #expect(data.rhs[1, 0] == 0)
    }
}
