import Engine
import Testing
import Foundation
import Relations

/// The leaky ReLU and the ELU in the `numbers` language: their parameter as a second
/// argument, their derivatives, and their magnitudes for the relative check.
@Suite struct ParameterizedActivationTests {
    let n = Matrix(row: [-2, -0.5, 0, 1.5])

    @Test func leakyReLUAndItsDerivativeTakeTheSlope() {
        expectClose(value(of: "leaky_relu(n, 0.1)", ["n": n]), Matrix(row: [-0.2, -0.05, 0, 1.5]), tolerance: 1e-15)
        expectClose(value(of: "lrelu(n)", ["n": n]), Matrix(row: [-0.02, -0.005, 0, 1.5]), tolerance: 1e-15)
        expectClose(value(of: "leaky_relu'(n, 0.1)", ["n": n]), Matrix(row: [0.1, 0.1, 0.1, 1]), tolerance: 0)
        expectClose(value(of: "leaky_relu_prime(n)", ["n": n]), Matrix(row: [0.01, 0.01, 0.01, 1]), tolerance: 0)
    }

    @Test func eluAndItsDerivative() {
        let expected = Matrix(row: [-(1 - 1 / 7.38905609893065), -(1 - 0.6065306597126334), 0, 1.5])
        expectClose(value(of: "elu(n)", ["n": n]), expected, tolerance: 1e-14)
        expectClose(value(of: "2 * elu(n / 2, 1) - elu(n, 2)", ["n": Matrix(row: [-3])]), Matrix(row: [2 * (exp(-1.5) - 1) - 2 * (exp(-3) - 1)]), tolerance: 1e-14)
        // elu′(n, α) = α eⁿ below 0, 1 above.
        expectClose(value(of: "elu'(n, 2)", ["n": n]), Matrix(row: [2 * exp(-2), 2 * exp(-0.5), 2, 1]), tolerance: 1e-14)
    }

    @Test func theDerivativeOfTheEngineLayerIsTheLanguagesDerivative() throws {
        // The relation a lesson writes for a leaky layer's sensitivity holds on the engine's numbers
        // and fails with another slope.
        let activation = Activation.leakyRelu(slope: 0.2)
        let s = Matrix(row: [0.3, -0.7, 0.2, 0.9])
        let sensitivity = activation.backward(s, net: n, output: activation.apply(n))
        let bindings = Bindings(["s": s, "n": n, "d": sensitivity])
        #expect(try Relation.check("d = s .* leaky_relu'(n, 0.2)", with: bindings).held)
        #expect(try !Relation.check("d = s .* leaky_relu'(n, 0.01)", with: bindings).held)
    }

    @Test func aParameterThatIsNotOneNumberIsRefused() {
        expectError(
            "y = leaky_relu(n, [1 2])", "offset 18: the second argument of 'leaky_relu' is its parameter α, one finite number, found a 1×2 matrix",
            bindings: Bindings(["n": Matrix(row: [1]), "y": Matrix(row: [1])]))
        #expect(relationError("y = relu(n, 2)", Bindings(["n": Matrix(row: [1]), "y": Matrix(row: [1])]))?.description.hasPrefix("offset 4: ") == true)
    }
}

/// `max`, for a pooling tile: down the rows, or across the columns with 2.
@Suite struct MaxFunctionTests {
    @Test func maxDownTheRowsAndAcross() {
        let x = Matrix([[1.0, 7.0], [4.0, -2.0]])
        expectClose(value(of: "max(x)", ["x": x]), Matrix(row: [4, 7]), tolerance: 0)
        expectClose(value(of: "max(x, 2)", ["x": x]), Matrix([[7.0], [4.0]]), tolerance: 0)
        expectClose(value(of: "max(max(x), 2)", ["x": x]), Matrix(scalar: 7), tolerance: 0)
    }

    @Test func aPoolingRelationHoldsAndCanFail() throws {
        let window = Matrix([[0.2, 0.9], [0.9, -1.0]])
        #expect(try Relation.check("p = max(max(w), 2)", with: Bindings(["w": window, "p": Matrix(scalar: 0.9)])).held)
        #expect(try !Relation.check("p = max(max(w), 2)", with: Bindings(["w": window, "p": Matrix(scalar: 0.2)])).held)
    }
}
