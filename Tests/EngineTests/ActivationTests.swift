import Testing
@testable import Engine

@Suite struct ActivationTests {
    let net = Matrix(row: [-2, -0.5, 0, 0.5, 2])

    @Test func values() {
        #expect(Activation.hardLimit.apply(net) == Matrix(row: [0, 0, 1, 1, 1]))
        #expect(Activation.linear.apply(net) == net)
        #expect(Activation.relu.apply(net) == Matrix(row: [0, 0, 0, 0.5, 2]))
        expectClose(Activation.sigmoid.apply(Matrix(row: [0, 2])), Matrix(row: [0.5, 0.8807970779778823]))
        expectClose(Activation.tanh.apply(Matrix(row: [0, 1])), Matrix(row: [0, 0.7615941559557649]))
        // tanh(x) = 2σ(2x) − 1 (seed 004, eq. 38)
        expectClose(Activation.tanh.apply(net), Activation.sigmoid.apply(net * 2) * 2 - 1, tolerance: 1e-15)
    }

    @Test(arguments: [Activation.linear, .sigmoid, .tanh, .relu])
    func derivativesMatchCentralDifferences(_ activation: Activation) {
        let points = Matrix(row: [-2.5, -0.7, 0.3, 1.9])
        let h = 1e-6
        let numerical = (activation.apply(points + h) - activation.apply(points - h)) / (2 * h)
        expectClose(activation.derivative(net: points, output: activation.apply(points)), numerical, tolerance: 1e-8)
    }

    @Test func softmaxRowsArePositiveAndSumToOne() {
        let output = Activation.softmax.apply(Matrix([[1, 2, 3], [1000, 0, -1000], [-1000, -1000, -1000]]))
        #expect(output.isFinite)
        expectClose(output.sum(along: .columns), Matrix(column: [1, 1, 1]), tolerance: 1e-15)
        expectClose(output.row(0), Matrix(row: [0.09003057317038046, 0.24472847105479764, 0.6652409557748219]))
        #expect(output.row(1) == Matrix(row: [1, 0, 0]))
    }

    @Test func softmaxBackwardAppliesTheJacobian() {
        let n = Matrix(row: [0.2, -1, 0.7])
        let a = Activation.softmax.apply(n)
        let upstream = Matrix(row: [0.3, -0.1, 0.5])
        // Jacobian J[i][j] = aᵢ(δᵢⱼ − aⱼ); ∂L/∂n = upstream · J
        let jacobian = Matrix(rows: 3, columns: 3) { i, j in a[0, i] * ((i == j ? 1 : 0) - a[0, j]) }
        expectClose(Activation.softmax.backward(upstream, net: n, output: a), upstream.matmul(jacobian), tolerance: 1e-15)
    }

    @Test func extremeInputsStayFinite() {
        let extremes = Matrix(row: [-1000, 1000])
        for activation in Activation.allCases {
            #expect(activation.apply(extremes).isFinite, "\(activation)")
        }
        #expect(Activation.sigmoid.apply(extremes) == Matrix(row: [0, 1]))
    }
}

/// The leaky ReLU and the ELU: values, the slope below zero, and derivatives that match
/// central differences away from the kink.
@Suite struct ParameterizedActivationEngineTests {
    @Test func leakyReLUKeepsASlopeBelowZero() {
        let n = Matrix(row: [-3, -0.1, 0, 2])
        let leaky = Activation.leakyRelu(slope: 0.1)
        #expect(leaky.apply(n) == Matrix(row: [0.1 * -3, 0.1 * -0.1, 0, 2]))
        #expect(leaky.derivative(net: n, output: leaky.apply(n)) == Matrix(row: [0.1, 0.1, 0.1, 1]))
        #expect(Activation(named: "leaky-relu") == .leakyRelu(slope: 0.01))
        #expect(leaky.description == "leaky-relu(0.1)" && Activation.elu(alpha: 1).description == "elu(1.0)")
    }

    @Test func eluSaturatesAtMinusAlphaAndIsSmoothAtZeroForAlphaOne() {
        let elu = Activation.elu(alpha: 2)
        #expect(abs(elu.apply(Matrix(row: [-50])).scalar + 2) < 1e-15)
        for (activation, point) in [(Activation.elu(alpha: 2), -0.7), (.elu(alpha: 1), -1e-3), (.leakyRelu(slope: 0.3), -0.4), (.elu(alpha: 1), 0.8)] {
            let h = 1e-6
            let numeric = (activation.apply(Matrix(row: [point + h])).scalar - activation.apply(Matrix(row: [point - h])).scalar) / (2 * h)
            let x = Matrix(row: [point])
            let analytic = activation.derivative(net: x, output: activation.apply(x)).scalar
            #expect(abs(numeric - analytic) < 1e-8, "\(activation) at \(point): \(numeric) vs \(analytic)")
            let chained = activation.backward(Matrix(row: [1]), net: x, output: activation.apply(x)).scalar
            #expect(chained == analytic)
        }
    }
}
