import Foundation
import Testing

@testable import Engine

/// The C loops behind the layers' bias, their net input, their bias gradients and the logistic
/// function: each gives the bits of the formula it documents, in both versions.
@Suite(.serialized) struct ElementwiseKernelTests {
    /// Column counts around the four-row runs (one to 64 entries a row) and beyond them;
    /// row counts that leave a tail of one to three rows.
    static let shapes: [(Int, Int)] = [(1000, 1), (1000, 3), (7, 2), (3, 5), (1, 4), (61, 64), (13, 65), (5, 130), (0, 3)]

    @Test(arguments: shapes)
    func addingARowToEachRowAddsOnceToEveryEntry(shape: (Int, Int)) {
        let (rows, columns) = shape
        let start = randomMatrix(rows, columns, seed: 41), bias = randomMatrix(1, columns, seed: 42)
        var sum = start
        sum.addToEachRow(bias)
        for i in 0..<rows {
            for j in 0..<columns { #expect(sum[i, j].bitPattern == (start[i, j] + bias[0, j]).bitPattern) }
        }
    }

    /// A layer's net input `x W + b` is the product and then the bias, bit for bit, whether the
    /// product stores rows with the bias added (small layers) or the bias is added after.
    @Test(arguments: [(1000, 2, 3), (1001, 3, 1), (1002, 2, 1), (999, 4, 1), (5, 8, 4), (7, 1, 2), (300, 9, 3), (40, 16, 2), (64, 20, 10), (3, 2, 1)])
    func aLayersNetInputIsTheProductPlusTheBias(shape: (Int, Int, Int)) {
        let (rows, inputs, outputs) = shape
        var input = randomMatrix(rows, inputs, seed: 45)
        input[0, 0] = 0
        let layer = DenseLayer(
            weights: randomMatrix(inputs, outputs, seed: 46), bias: randomMatrix(1, outputs, seed: 47), activation: .linear)
        var expected = Matrix.product(input, layer.weights)
        expected.addToEachRow(layer.bias)
        #expect(layer.net(input).values.map(\.bitPattern) == expected.values.map(\.bitPattern))
        let baseline = Kernels.withBaseline { layer.net(input) }
        let baselineExpected = Kernels.withBaseline {
            var product = Matrix.product(input, layer.weights)
            product.addToEachRow(layer.bias)
            return product
        }
        #expect(baseline.values.map(\.bitPattern) == baselineExpected.values.map(\.bitPattern))
    }

    /// Column sums of a short column, a long one (past 16 rows: four chains), and a row of more
    /// than 256 entries (one chain each again), against the product's documented order.
    @Test(
        .enabled(if: Kernels.usesAVX2, "the fused order is the AVX2 version's"),
        arguments: [(1000, 1), (1001, 1), (1003, 3), (16, 3), (17, 2), (17, 1), (64, 128), (40, 300), (5, 1), (1, 7)])
    func columnSumsAreTheProductOfARowOfOnes(shape: (Int, Int)) {
        let (rows, columns) = shape
        let values = randomMatrix(rows, columns, seed: 43)
        let ones = Matrix(rows: 1, columns: rows, repeating: 1)
        let expected = KernelTests().directReference(ones, values, onto: nil)
        var sums = Matrix(rows: 0, columns: 0)
        values.sumOfColumns(into: &sums)
        #expect(sums.values.map(\.bitPattern) == expected.values.map(\.bitPattern))
        #expect(values.sum(along: .rows).values.map(\.bitPattern) == expected.values.map(\.bitPattern))
        #expect(Matrix.product(ones, values).values.map(\.bitPattern) == expected.values.map(\.bitPattern))
    }

    @Test func columnSumsOfNoRowsAreZeros() {
        #expect(Matrix(rows: 0, columns: 3).sum(along: .rows) == Matrix(row: [0, 0, 0]))
    }

    /// σ(x) = 1 / (1 + e) for x ≥ 0 and e / (1 + e) below, e = e^(−|x|) from the same
    /// exponential, at every position of a vector and its tail.
    @Test func sigmoidIsItsFormulaOverTheKernelsExponential() {
        var generator = SeededGenerator(seed: 44)
        let inputs: [Double] = (0..<1000).map { _ in generator.nextUniform(from: -40, to: 40) }
            + [0, -0.0, .leastNormalMagnitude / 8, -.leastNormalMagnitude / 8, 36.8, 37, -745, -746, 709, 800, -800, .infinity, -.infinity, .nan, 1e308, -1e308]
        for baseline in [false, true] {
            let run = { () -> (Matrix, [Double]) in
                let output = Activation.sigmoid.apply(Matrix(rows: 1, columns: inputs.count, values: inputs))
                return (output, Kernels.exponential(of: inputs.map { -abs($0) }))
            }
            let (output, exponentials) = baseline ? Kernels.withBaseline(run) : run()
            for (index, x) in inputs.enumerated() {
                let e = exponentials[index]
                let expected = (x >= 0 ? 1 : e) / (1 + e)
                #expect(
                    output.values[index].bitPattern == expected.bitPattern || (x.isNaN && output.values[index].isNaN),
                    "baseline \(baseline): σ(\(x)) = \(output.values[index]), the formula gives \(expected)")
            }
        }
    }

    /// The sensitivity through a logistic layer is `g · (a · (1 − a))`, entry by entry in that
    /// order, in both versions, at every position of a vector and its tail.
    @Test func theLogisticSlopeScalesEachSensitivityInTheFormulasOrder() {
        var generator = SeededGenerator(seed: 48)
        let outputs: [Double] = (0..<1000).map { _ in generator.nextUniform(from: 0, to: 1) }
            + [0, 1, 0.5, .leastNormalMagnitude / 8, 1 - .ulpOfOne / 2, .nan, 1e-300]
        let gradients: [Double] = outputs.indices.map { _ in generator.nextUniform(from: -3, to: 3) }
        let net = Matrix(rows: 1, columns: outputs.count, repeating: 0)
        let output = Matrix(rows: 1, columns: outputs.count, values: outputs)
        for baseline in [false, true] {
            let run = { () -> Matrix in
                var gradient = Matrix(rows: 1, columns: gradients.count, values: gradients)
                Activation.sigmoid.backward(&gradient, net: net, output: output)
                return gradient
            }
            let result = baseline ? Kernels.withBaseline(run) : run()
            for index in outputs.indices {
                let a = outputs[index]
                let expected = gradients[index] * (a * (1 - a))
                #expect(
                    result.values[index].bitPattern == expected.bitPattern || (a.isNaN && result.values[index].isNaN),
                    "baseline \(baseline): entry \(index) is \(result.values[index]), the formula gives \(expected)")
            }
        }
    }

    /// Carrying a sensitivity back into a logistic layer in one pass gives the bits of the
    /// product followed by the slope: rows of one to four entries (the fused loop, its whole and
    /// its masked last row) and shapes beyond it, in both versions.
    @Test(arguments: [(1000, 1, 3), (1001, 1, 2), (6, 1, 4), (1000, 3, 1), (999, 2, 2), (7, 4, 5), (5, 3, 16), (3, 1, 1), (40, 9, 3), (64, 20, 10), (300, 5, 17)])
    func backpropagatingIntoALogisticLayerIsTheProductThenTheSlope(shape: (Int, Int, Int)) {
        let (rows, columns, inner) = shape
        let sensitivity = randomMatrix(rows, inner, seed: 49)
        let weights = randomMatrix(columns, inner, seed: 50)
        var generator = SeededGenerator(seed: 51)
        let output = Matrix(rows: rows, columns: columns, values: (0..<(rows * columns)).map { _ in generator.nextUniform() })
        let net = Matrix(rows: rows, columns: columns, repeating: 0)
        for baseline in [false, true] {
            let run = { () -> (Matrix, Matrix) in
                var fused = Matrix(rows: 0, columns: 0)
                Activation.sigmoid.backpropagate(sensitivity, through: weights, into: &fused, net: net, output: output)
                var separate = Matrix.product(sensitivity, weights, transposingRight: true)
                Activation.sigmoid.backward(&separate, net: net, output: output)
                return (fused, separate)
            }
            let (fused, separate) = baseline ? Kernels.withBaseline(run) : run()
            #expect(fused.rows == rows && fused.columns == columns)
            #expect(fused.values.map(\.bitPattern) == separate.values.map(\.bitPattern), "baseline \(baseline)")
        }
    }

    /// A small layer's weight and bias gradients, taken in one pass over the batch, have the
    /// bits of the product and the column sums, each divided: for shapes that are fused (one or
    /// two inputs, a tail of one to three rows, outputs in whole and partial vectors) and shapes
    /// that are not, in both versions.
    @Test(arguments: [(1000, 2, 3), (1000, 1, 1), (1003, 2, 2), (17, 1, 5), (999, 2, 9), (1001, 2, 84), (300, 2, 1), (16, 2, 3), (5000, 2, 7), (64, 3, 4)])
    func aLayersGradientsInOnePassAreTheProductAndTheColumnSums(shape: (Int, Int, Int)) {
        let (rows, inputs, outputs) = shape
        var input = randomMatrix(rows, inputs, seed: 52)
        input[0, 0] = 0
        let sensitivity = randomMatrix(rows, outputs, seed: 53)
        for baseline in [false, true] {
            let run = { () -> [Matrix] in
                var weights = Matrix(rows: 0, columns: 0), bias = Matrix(rows: 0, columns: 0)
                Network.gradients(
                    input: input, sensitivity: sensitivity, dividingBy: Double(rows), weights: &weights, bias: &bias)
                var expectedWeights = Matrix(rows: 0, columns: 0), expectedBias = Matrix(rows: 0, columns: 0)
                Matrix.multiply(input, sensitivity, transposingLeft: true, into: &expectedWeights, dividingBy: Double(rows))
                sensitivity.sumOfColumns(into: &expectedBias)
                expectedBias.divide(by: Double(rows))
                return [weights, bias, expectedWeights, expectedBias]
            }
            let results = baseline ? Kernels.withBaseline(run) : run()
            #expect(results[0].rows == inputs && results[0].columns == outputs && results[1].rows == 1)
            #expect(results[0].values.map(\.bitPattern) == results[2].values.map(\.bitPattern), "weights, baseline \(baseline)")
            #expect(results[1].values.map(\.bitPattern) == results[3].values.map(\.bitPattern), "bias, baseline \(baseline)")
        }
    }
}
