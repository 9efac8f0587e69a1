import Engine
import Testing
import Relations

@Suite struct CheckTests {
    // MARK: - The perceptron rule (design.md's example relation)

    static let perceptronRule = "theta_new = theta + eta * [1, x]' * (y - a)"

    /// θ = [b; W] = [0.5; −0.2; 0.3], x = [1 0], y = 0: n = 0.3, a = 1, so θ moves by −η [1 1 0]ᵀ.
    static func perceptronStep(thetaNew: [Double]) -> Bindings {
        Bindings([
            "theta": Matrix(column: [0.5, -0.2, 0.3]), "eta": Matrix(scalar: 0.1), "x": Matrix(row: [1, 0]),
            "y": Matrix(scalar: 0), "a": Matrix(scalar: 1), "theta_new": Matrix(column: thetaNew),
        ])
    }

    @Test func thePerceptronRuleHoldsOnHandBuiltNumbers() throws {
        let check = try Relation.check(Self.perceptronRule, with: Self.perceptronStep(thetaNew: [0.4, -0.3, 0.3]))
        #expect(check.held)
        #expect(check.outcome == .held)
        // −0.2 − 0.1 is −0.30000000000000004 in floating point: within the tolerance, measured
        // against the terms |−0.2| + |0.1 · 1 · 1| = 0.3 that formed the entry.
        #expect(check.maximumDeviation == abs(-0.3 - (-0.2 - 0.1)))
        #expect(check.largestRelativeDeviation == abs(-0.3 - (-0.2 - 0.1)) / 0.30000000000000004)
        #expect(check.rhs.rows == 3 && check.rhs.columns == 1)
        #expect(check.description == "holds: \(Self.perceptronRule) (largest difference 1.850371707708594e-16 of the terms' size)")
    }

    @Test func aWrongRecordedValueFailsWithItsDeviation() throws {
        let check = try Relation.check(Self.perceptronRule, with: Self.perceptronStep(thetaNew: [0.4, -0.3, 0.4]))
        #expect(!check.held)
        #expect(check.outcome == .valuesDiffer(row: 2, column: 0))
        #expect(check.maximumDeviation == abs(0.4 - 0.3))
        #expect(
            check.description
                == "does not hold: \(Self.perceptronRule): at row 3, column 1 the left-hand side is 0.4 "
                + "but the right-hand side is 0.3: they differ by 0.10000000000000003, more than 1e-09 of 0.4, "
                + "the size of the terms that formed it")
    }

    @Test func sidesOfDifferentShapesDoNotHold() throws {
        let check = try Relation.check("theta = theta'", with: Self.perceptronStep(thetaNew: [0]))
        #expect(check.outcome == .shapesDiffer)
        #expect(check.maximumDeviation == .infinity)
        #expect(
            check.description
                == "does not hold: theta = theta': the left-hand side is 3×1 but the right-hand side is 1×3")
    }

    @Test func theRelationHoldsAtEveryStepOfTheEnginesPerceptronRule() {
        var layer = DenseLayer(weights: Matrix(column: [0, 0]), bias: Matrix(scalar: 0), activation: .hardLimit)
        let and = LabeledData(inputs: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), targets: Matrix(column: [0, 0, 0, 1]))
        let result = PerceptronRule(learningRate: 0.1, maximumEpochs: 20).train(&layer, on: and)
        #expect(result.converged && result.trace.records.count > 4)
        let relations = [
            Self.perceptronRule, "n = x * W + b", "a = hardlim(n)", "error = y - a", "theta = [b; W]",
            "W_new = W + eta * x' * error", "b_new = b + eta * error", "delta_W = W_new - W",
        ]
        for record in result.trace.records {
            for relation in relations {
                #expect(throws: Never.self) {
                    let check = try Relation.check(relation, with: Bindings(record))
                    #expect(check.held, "\(record.step): \(check)")
                }
            }
        }
    }

    // MARK: - Seed 004's worked backpropagation step

    @Test func theSeedsForwardRelationHolds() throws {
        let bindings = Bindings([
            "x": Matrix(row: [1, 1]), "W1": Matrix([[1, 1], [1, 1]]), "b1": Matrix(row: [0, 0]),
            "n1": Matrix(row: [2, 2]),
        ])
        let check = try Relation.check("n1 = b1 + x * W1", with: bindings)
        #expect(check.held && check.rhs == Matrix(row: [2, 2]))
    }

    @Test func theSeedsSensitivityRelationHolds() throws {
        let bindings = Bindings([
            "s2": Matrix(scalar: 8), "W2": Matrix(column: [1, 1]), "n1": Matrix(row: [2, 2]),
            "s1": Matrix(row: [8, 8]),
        ])
        let check = try Relation.check("s1 = s2 * W2' .* relu'(n1)", with: bindings)
        #expect(check.held && check.rhs == Matrix(row: [8, 8]))
    }

    @Test func everyRelationOfTheSeedsStepHoldsOnTheEnginesTrace() throws {
        var network = Network(layers: [
            DenseLayer(weights: Matrix([[1, 1], [1, 1]]), bias: Matrix(row: [0, 0]), activation: .relu),
            DenseLayer(weights: Matrix(column: [1, 1]), bias: Matrix(scalar: 0), activation: .linear),
        ])
        let trainer = GradientDescentTrainer(
            configuration: TrainingConfiguration(loss: .squaredError, learningRate: 0.1, epochs: 1, trace: .all))
        let result = try trainer.train(
            &network, on: LabeledData(inputs: Matrix(row: [1, 1]), targets: Matrix(scalar: 0)))
        let record = try #require(result.trace.record(at: TraceStep(epoch: 1, step: 1)))
        let relations = [
            "n1 = b1 + x * W1", "Z1 = b1 + a0 * W1", "a1 = relu(n1)", "n2 = b2 + a1 * W2", "a2 = linear(n2)",
            "loss = mean(sum((y - a2) .* (y - a2), 2))", "s2 = -2 * (y - a2) .* linear'(n2)",
            "s1 = s2 * W2' .* relu'(n1)", "delta1 = dZ1", "dW1 = x' * s1 / m", "db1 = sum(s1) / m",
            "dW2 = a1' * s2 / m", "W1_new = W1 - eta * dW1", "b1_new = b1 - eta * db1",
            "W2_new = W2 - eta * dW2", "b2_new = b2 - eta * sum(s2) / m",
        ]
        for relation in relations {
            let check = try Relation.check(relation, with: Bindings(record))
            #expect(check.held, "\(check)")
        }
        #expect(
            relationError("W1new = W1", Bindings(record))?.description
                == "offset 0: 'W1new' was not recorded at this step (did you mean 'W1_new'?)")
        let filled = try Relation(parsing: "W1_new = W1 - eta * dW1").evaluate(with: Bindings(record))
        #expect(filled.plainText() == "[0.2 0.2; 0.2 0.2] = [1 1; 1 1] - 0.1 * [8 8; 8 8]")
    }

    // MARK: - The tolerance

    /// Two recorded names are their own terms: they must agree to nine significant digits at
    /// any size (the old rule let 0 and 5·10⁻¹⁰ agree, an absolute 10⁻⁹ below magnitude 1).
    @Test(arguments: [
        (0.0, 5e-10, false), (1e-5, 1.0000000005e-5, true), (1e-5, 1.000000002e-5, false),
        (1000.0, 1000.0000005, true), (1000.0, 1000.000002, false),
        (0.0, 0.0, true), (0.0, Double.leastNonzeroMagnitude, true), (0.0, 1e-300, false),  // four units in the last place of 0
        (Double.infinity, Double.infinity, true), (Double.infinity, -Double.infinity, false),
        (Double.nan, Double.nan, false), (1.0, Double.nan, false),
    ])
    func entriesAgreeWithinTheStatedTolerance(lhs: Double, rhs: Double, holds: Bool) throws {
        let bindings = Bindings(["a": Matrix(scalar: lhs), "b": Matrix(scalar: rhs)])
        #expect(try Relation.check("a = b", with: bindings).held == holds)
    }

    @Test func theToleranceCanBeChosen() throws {
        let bindings = Bindings(["a": Matrix(scalar: 1), "b": Matrix(scalar: 1.001)])
        #expect(try !Relation.check("a = b", with: bindings).held)
        #expect(try Relation.check("a = b", with: bindings, relativeTolerance: 1e-2).held)
    }

    @Test func aNaNDeviationCountsAsInfinite() throws {
        let check = try Relation.check("a = b", with: Bindings(["a": Matrix(scalar: 1), "b": Matrix(scalar: .nan)]))
        #expect(check.maximumDeviation == .infinity)
        #expect(check.outcome == .valuesDiffer(row: 0, column: 0))
        #expect(
            check.description
                == "does not hold: a = b: the left-hand side is 1 and the right-hand side NaN; "
                + "NaN (not a number, as 0/0 and ∞ − ∞ give) equals nothing, not even NaN")
    }

    /// A 0/0 on both sides read "the left-hand side is NaN but the right-hand side is NaN",
    /// as if the two differed.
    @Test func bothSidesNaNSaysWhyTheyDoNotAgree() throws {
        let bindings = Bindings(["a": Matrix(rows: 1, columns: 2, values: [1, .nan]), "z": Matrix(scalar: 0)])
        let check = try Relation.check("a = [1, z / z]", with: bindings)
        #expect(
            check.description
                == "does not hold: a = [1, z / z]: at row 1, column 2 both sides are NaN; "
                + "NaN (not a number, as 0/0 and ∞ − ∞ give) equals nothing, not even NaN")
    }
}
