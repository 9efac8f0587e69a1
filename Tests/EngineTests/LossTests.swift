import Testing
@testable import Engine

@Suite struct LossTests {
    @Test func squaredErrorConventions() {
        let a = Matrix([[4, 1], [0, 0]]), y = Matrix([[0, 1], [1, 3]])
        // per sample: (0−4)² + 0 = 16 and 1 + 9 = 10; batch mean 13
        #expect(Loss.squaredError.value(output: a, net: a, target: y, activation: .linear) == 13)
        #expect(Loss.halfSquaredError.value(output: a, net: a, target: y, activation: .linear) == 6.5)
        #expect(Loss.squaredError.outputGradient(output: a, target: y) == Matrix([[8, 0], [-2, -6]]))
        #expect(Loss.halfSquaredError.outputGradient(output: a, target: y) == Matrix([[4, 0], [-1, -3]]))
    }

    @Test func binaryCrossEntropyOfKnownProbabilities() {
        let n = Matrix(column: [0, 2])
        let a = Activation.sigmoid.apply(n)
        let y = Matrix(column: [1, 0])
        let expected = (-(1.0 * _log(0.5)) - _log(1 - 0.8807970779778823)) / 2
        #expect(isClose(Loss.binaryCrossEntropy.value(output: a, net: n, target: y, activation: .sigmoid), expected))
        #expect(isClose(Loss.binaryCrossEntropy.value(output: a, net: n, target: y, activation: .linear), expected))
        #expect(Loss.binaryCrossEntropy.outputSensitivity(output: a, net: n, target: y, activation: .sigmoid) == a - y)
    }

    @Test func binaryCrossEntropyIsFiniteAtSaturatedOutputs() {
        let n = Matrix(column: [1000, -1000, 1000, -1000])
        let a = Activation.sigmoid.apply(n)
        let y = Matrix(column: [1, 0, 0, 1])
        let perSample = Loss.binaryCrossEntropy.perSample(output: a, net: n, target: y, activation: .sigmoid)
        // Right and sure: 0. Wrong and sure: the loss is |n| = 1000, not infinity.
        #expect(perSample == Matrix(column: [0, 0, 1000, 1000]))
    }

    @Test func categoricalCrossEntropyWithSoftmax() {
        let n = Matrix([[1, 2, 3], [1000, 0, -1000]])
        let a = Activation.softmax.apply(n)
        let y = Matrix([[0, 0, 1], [0, 1, 0]])
        let perSample = Loss.categoricalCrossEntropy.perSample(output: a, net: n, target: y, activation: .softmax)
        #expect(isClose(perSample[0, 0], -_log(0.6652409557748219)))
        #expect(perSample[1, 0] == 1000)
        #expect(Loss.categoricalCrossEntropy.outputSensitivity(output: a, net: n, target: y, activation: .softmax) == a - y)
    }

    @Test func theSoftmaxCrossEntropyMeanHasTheBitsOfThePerSampleLosses() {
        // The training loop's one-pass mean against perSample(…).mean(): large and tiny net
        // inputs (e^(n − max n) underflowing to 0), soft targets, a row of equal inputs, NaN.
        var generator = SeededGenerator(seed: 73)
        var net = Matrix(rows: 64, columns: 10) { _, _ in generator.nextNormal() * 30 }
        var target = Matrix(rows: 64, columns: 10) { row, column in column == row % 10 ? 1 : 0 }
        for column in 0..<10 { net[1, column] = 7 }
        net[2, 3] = 2000
        net[3, 0] = -2000
        target[4, 1] = 0.25
        target[4, 4] = 0.75
        let output = Activation.softmax.apply(net)
        let mean = Loss.categoricalCrossEntropy.value(output: output, net: net, target: target, activation: .softmax)
        let expected = Loss.categoricalCrossEntropy.perSample(output: output, net: net, target: target, activation: .softmax).mean()
        #expect(mean.bitPattern == expected.bitPattern && mean.isFinite)
        // Row by row, where a rounding step of one sample's loss cannot hide in a large sum.
        let differing = (0..<64).filter { row in
            let (n, y) = (net.row(row), target.row(row))
            let a = Activation.softmax.apply(n)
            let one = Loss.categoricalCrossEntropy.value(output: a, net: n, target: y, activation: .softmax)
            let reference = Loss.categoricalCrossEntropy.perSample(output: a, net: n, target: y, activation: .softmax).mean()
            return one.bitPattern != reference.bitPattern
        }
        #expect(differing.isEmpty)
        net[5, 5] = .nan
        let withNaN = Loss.categoricalCrossEntropy.value(output: output, net: net, target: target, activation: .softmax)
        #expect(withNaN.isNaN)
        #expect(Loss.categoricalCrossEntropy.perSample(output: output, net: net, target: target, activation: .softmax).mean().isNaN)
    }
}
