import Testing
@testable import Engine

/// Whether `a` and `b` agree to within `tolerance`, relative to the larger of the two (absolute near zero).
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Expects two matrices to have the same shape and entries within `tolerance`.
func expectClose(
    _ actual: Matrix, _ expected: Matrix, tolerance: Double = 1e-12,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        actual.rows == expected.rows && actual.columns == expected.columns,
        "shape \(actual.shapeDescription) is not \(expected.shapeDescription)", sourceLocation: sourceLocation)
    guard actual.rows == expected.rows && actual.columns == expected.columns else { return }
    for (a, e) in zip(actual.values, expected.values) where !isClose(a, e, tolerance: tolerance) {
        Issue.record("\(actual) is not within \(tolerance) of \(expected)", sourceLocation: sourceLocation)
        return
    }
}

/// The four rows of a two-input truth table, `(0,0) (0,1) (1,0) (1,1)`.
let truthTableInputs = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])

/// Points on two noisy concentric circles, like scikit-learn's `make_circles`: class 0 on the
/// outer circle of radius 1, class 1 on the inner one of radius `factor`.
func concentricCircles(count: Int, factor: Double = 0.5, noise: Double = 0.05, seed: UInt64) -> LabeledData {
    var generator = SeededGenerator(seed: seed)
    var inputs = [Double](), targets = [Double]()
    for index in 0..<count {
        let inner = index % 2 == 1
        let angle = generator.nextUniform(from: 0, to: 2 * Double.pi)
        let radius = inner ? factor : 1
        inputs.append(radius * cosine(angle) + generator.nextNormal(standardDeviation: noise))
        inputs.append(radius * sine(angle) + generator.nextNormal(standardDeviation: noise))
        targets.append(inner ? 1 : 0)
    }
    return LabeledData(
        inputs: Matrix(rows: count, columns: 2, values: inputs), targets: Matrix(rows: count, columns: 1, values: targets))
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func cosine(_ x: Double) -> Double { cos(x) }
func sine(_ x: Double) -> Double { sin(x) }

/// The textbook triple loop, the reference for the blocked kernel.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    Matrix(rows: a.rows, columns: b.columns) { i, j in
        var total = 0.0
        for p in 0..<a.columns { total += a[i, p] * b[p, j] }
        return total
    }
}

/// A matrix of standard normal entries drawn from `seed`.
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns) { _, _ in generator.nextNormal() }
}
