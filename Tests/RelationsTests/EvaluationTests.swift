import Engine
import Testing
import Relations

@Suite struct EvaluationTests {
    // MARK: - Operators

    @Test func productIsTheMatrixProductAndScalarMultiplicationFor1x1() {
        expectClose(value(of: "[1 2] * [3; 4]"), Matrix(scalar: 11))
        expectClose(value(of: "[1; 2] * [3 4]"), Matrix([[3, 4], [6, 8]]))
        expectClose(value(of: "2 * [1 2; 3 4]"), Matrix([[2, 4], [6, 8]]))
        expectClose(value(of: "[1 2; 3 4] × 3"), Matrix([[3, 6], [9, 12]]))
        expectClose(value(of: "[1 2; 3 4] · [1 0; 0 1]"), Matrix([[1, 2], [3, 4]]))
    }

    @Test func entryWiseOperatorsBroadcastLikeTheEngine() {
        expectClose(value(of: "[1 2] .* [3 4]"), Matrix(row: [3, 8]))
        expectClose(value(of: "[1 2] ⊙ [3 4]"), Matrix(row: [3, 8]))
        expectClose(value(of: "[1 2; 3 4] + [10 20]"), Matrix([[11, 22], [13, 24]]))
        expectClose(value(of: "[1 2; 3 4] - [10; 20]"), Matrix([[-9, -8], [-17, -16]]))
        expectClose(value(of: "[1 2] + 1"), Matrix(row: [2, 3]))
        expectClose(value(of: "[1 2] − 1"), Matrix(row: [0, 1]))
        expectClose(value(of: "[2 4] ./ [2 1]"), Matrix(row: [1, 4]))
        expectClose(value(of: "[2 4] / 2"), Matrix(row: [1, 2]))
        expectClose(value(of: "2.*[1 2]"), Matrix(row: [2, 4]))
    }

    @Test func transposeAndNegation() {
        expectClose(value(of: "[1 2; 3 4]'"), Matrix([[1, 3], [2, 4]]))
        expectClose(value(of: "[1 2]ᵀ"), Matrix(column: [1, 2]))
        expectClose(value(of: "-[1 2]'"), Matrix(column: [-1, -2]))
        expectClose(value(of: "- -3"), Matrix(scalar: 3))
    }

    @Test func matrixLiteralsConcatenate() {
        expectClose(value(of: "[1, [2 3]; [4 5], 6]"), Matrix([[1, 2, 3], [4, 5, 6]]))
        expectClose(value(of: "[1; x]", ["x": Matrix(column: [2, 3])]), Matrix(column: [1, 2, 3]))
        expectClose(value(of: "[1 -2]"), Matrix(row: [1, -2]))
        expectClose(value(of: "[1 - 2]"), Matrix(scalar: -1))
        expectClose(value(of: "[1 -2 + 3]"), Matrix(row: [1, 1]))
    }

    @Test func numbers() {
        expectClose(value(of: "1e-3 * 1000 + .5 + 2E+2"), Matrix(scalar: 201.5))
    }

    // MARK: - Functions

    @Test func activations() {
        expectClose(value(of: "sigmoid(0)"), Matrix(scalar: 0.5))
        expectClose(value(of: "σ([0 1])"), Matrix(row: [0.5, 1 / (1 + 1 / 2.718281828459045)]))
        expectClose(value(of: "tanh([0 1])"), Matrix(row: [0, 0.7615941559557649]))
        expectClose(value(of: "relu([-1 0 2])"), Matrix(row: [0, 0, 2]))
        expectClose(value(of: "ReLU([-1 0 2])"), Matrix(row: [0, 0, 2]))
        expectClose(value(of: "hardlim([-1 0 2])"), Matrix(row: [0, 1, 1]))
        expectClose(value(of: "linear([-1 2])"), Matrix(row: [-1, 2]))
        expectClose(value(of: "softmax([0 0; 1 1])"), Matrix([[0.5, 0.5], [0.5, 0.5]]))
        expectClose(value(of: "softmax([0 log(3)])"), Matrix(row: [0.25, 0.75]))
    }

    @Test func derivativesTakeTheNetInput() {
        expectClose(value(of: "sigmoid'(0)"), Matrix(scalar: 0.25))
        expectClose(value(of: "σ'(0)"), Matrix(scalar: 0.25))
        expectClose(value(of: "sigmoid_prime(0)"), Matrix(scalar: 0.25))
        expectClose(value(of: "tanh'(0)"), Matrix(scalar: 1))
        expectClose(value(of: "relu'([-1 0 2])"), Matrix(row: [0, 0, 1]))
        expectClose(value(of: "relu_prime([-1 0 2])"), Matrix(row: [0, 0, 1]))
        expectClose(value(of: "hardlim'([-1 2])"), Matrix(row: [0, 0]))
        expectClose(value(of: "linear'([-1 2])"), Matrix(row: [1, 1]))
    }

    @Test func exponentialAndLogarithm() {
        expectClose(value(of: "exp([0 1])"), Matrix(row: [1, 2.718281828459045]))
        expectClose(value(of: "log(exp(2))"), Matrix(scalar: 2))
        expectClose(value(of: "ln(1)"), Matrix(scalar: 0))
    }

    @Test func sumAndMeanReduceDownTheRowsUnlessAskedAcross() {
        let m = ["M": Matrix([[1, 2], [3, 4]])]
        expectClose(value(of: "sum(M)", m), Matrix(row: [4, 6]))
        expectClose(value(of: "sum(M, 1)", m), Matrix(row: [4, 6]))
        expectClose(value(of: "sum(M, 2)", m), Matrix(column: [3, 7]))
        expectClose(value(of: "sum(sum(M, 2))", m), Matrix(scalar: 10))
        expectClose(value(of: "mean(M)", m), Matrix(row: [2, 3]))
        expectClose(value(of: "mean(M, 2)", m), Matrix(column: [1.5, 3.5]))
        expectClose(value(of: "sum([1 2 3])"), Matrix(row: [1, 2, 3]))
    }

    // MARK: - Bindings

    @Test func emptyMatricesDoNotReachTheEngineKernel() {
        let e = ["E": Matrix(rows: 0, columns: 2)]
        expectClose(value(of: "E * E'", e), Matrix(rows: 0, columns: 0))
        expectClose(value(of: "E' * E", e), Matrix(rows: 2, columns: 2))
    }

    @Test func aLookupClosureServesAsBindings() throws {
        let bindings = Bindings(names: ["two"]) { $0 == "two" ? Matrix(scalar: 2) : nil }
        let filled = try Expression(parsing: "two * two").evaluate(with: bindings)
        #expect(filled.value == Matrix(scalar: 4))
        #expect(bindings.names == ["two"])
    }

    @Test func everyNodeKeepsItsValue() throws {
        let filled = try Expression(parsing: "(a + 1)'").evaluate(with: Bindings(["a": Matrix(row: [1, 2])]))
        #expect(filled.value == Matrix(column: [2, 3]))
        guard case .transpose(let inner, _) = filled.node, case .parenthesized(let sum) = inner.node,
            case .binary(let op, let a, let one) = sum.node
        else {
            Issue.record("unexpected tree \(filled.node)")
            return
        }
        #expect(op.kind == .add && op.offset == 3)
        #expect(inner.value == Matrix(row: [2, 3]))
        #expect(a.node == .quantity(name: "a") && a.value == Matrix(row: [1, 2]) && a.range == 1..<2)
        #expect(one.node == .literal(spelling: "1") && one.value == Matrix(scalar: 1))
    }
}
