import Engine
import Foundation
import Testing
import Relations

/// The tolerance is relative to the size of the terms that formed each entry.
@Suite struct ToleranceTests {
    /// x (2×3) and s1 (2×2) chosen so that dW1 = xᵀ s1 / m has entries of size `scale`.
    static func gradientBindings(scale: Double, factor: Double) -> Bindings {
        let x = Matrix([[0.3, -1.2, 0.7], [0.9, 0.4, -0.5]])
        let s1 = Matrix([[0.25, -0.6], [0.8, 0.35]]) * scale
        let m = 2.0
        let dW1 = Matrix.product(x.transposed, s1) / m
        return Bindings(["x": x, "s1": s1, "m": Matrix(scalar: m), "dW1": dW1 * factor])
    }

    /// The measurement: a gradient relation scaled by 1.0000001 passed for entries near
    /// 4·10⁻⁵ under an absolute 10⁻⁹. It fails now for entries of size 10⁻⁵ and 10³ alike, and
    /// the unscaled relation holds at both sizes.
    @Test(arguments: [1e-5, 1e3])
    func aRelationScaledByOnePlusTenToTheMinusSevenFails(scale: Double) throws {
        let bindings = Self.gradientBindings(scale: scale, factor: 1)
        let exact = try Relation.check("dW1 = x' * s1 / m", with: bindings)
        #expect(exact.held, "\(exact)")
        let scaled = try Relation.check("dW1 = 1.0000001 * x' * s1 / m", with: bindings)
        #expect(!scaled.held, "scale \(scale): \(scaled)")
        // The old rule, |a − b| ≤ 10⁻⁹ · max(1, |a|, |b|), let the small one through.
        if scale < 1 {
            let oldRule = zip(scaled.lhs.values, scaled.rhs.values).allSatisfy { a, b in
                abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
            }
            #expect(oldRule)
        }
    }

    /// A sum that cancels to about 10⁻¹⁷ is judged against its terms (size 0.6), not against
    /// its own size: the recorded 0 and the evaluated 5.6·10⁻¹⁷ agree.
    @Test func aValueThatCancelsIsJudgedAgainstItsTerms() throws {
        let bindings = Bindings([
            "x": Matrix(row: [1, 1, 1]), "W": Matrix(column: [0.1, 0.2, -0.3]), "z": Matrix(scalar: 0),
        ])
        let check = try Relation.check("z = x * W", with: bindings)
        #expect(check.rhs.scalar != 0 && abs(check.rhs.scalar) < 1e-16)
        #expect(check.filled.rhs.magnitude.scalar == 0.1 + 0.2 + 0.3)
        #expect(check.held, "\(check)")
        // Judged against its own size it would not hold.
        #expect(abs(check.rhs.scalar) > 1e-9 * abs(check.rhs.scalar))
    }

    /// What each operation adds to the magnitude, one worked example each.
    @Test func eachOperationHasItsMagnitude() throws {
        let bindings = Bindings([
            "x": Matrix(row: [1, -2]), "W": Matrix([[3, -1], [0.5, 2]]), "b": Matrix(row: [-1, 4]),
            "s": Matrix(scalar: -2), "n": Matrix(row: [0, 1, -1]), "z": Matrix(row: [1, 0.5]),
        ])
        func magnitude(_ text: String) throws -> Matrix {
            try Expression(parsing: text).evaluate(with: bindings).magnitude
        }
        // x W + b: Σᵢ |xᵢ| |Wᵢⱼ| + |bⱼ| = [1·3 + 2·0.5 + 1, 1·1 + 2·2 + 4].
        #expect(try magnitude("x * W + b") == Matrix(row: [5, 9]))
        #expect(try magnitude("-x'") == Matrix(column: [1, 2]))
        #expect(try magnitude("s * x") == Matrix(row: [2, 4]))
        #expect(try magnitude("x .* z") == Matrix(row: [1, 1]))
        // a / b: |a| / |b| + |a / b| · |b| / |b| = 1/2 + 1/2 and 2/2 + 2/2 (a name's magnitude is its size).
        #expect(try magnitude("x / s") == Matrix(row: [1, 2]))
        #expect(try magnitude("sum(W)") == Matrix(row: [3.5, 3]))
        #expect(try magnitude("mean(W, 2)") == Matrix(column: [2, 1.25]))
        #expect(try magnitude("[x, s]") == Matrix(row: [1, 2, 2]))
        // f(a): |f(a)| + |f′(a)| · |a|; ReLU's slope counts as 1 on both sides of 0.
        #expect(try magnitude("relu(n)") == Matrix(row: [0, 2, 1]))
        #expect(try magnitude("hardlim(n)") == Matrix(row: [1, 1, 0]))
        let sigma: Double = 1 / (1 + exp(-1.0))
        let sigmoidMagnitude = try magnitude("sigmoid(n)")[0, 1]
        #expect(abs(sigmoidMagnitude - (sigma + sigma * (1 - sigma))) < 1e-15)
        #expect(try magnitude("exp(z)") == Matrix(row: [exp(1) * 2, exp(0.5) * 1.5]))
        #expect(try magnitude("log(z)") == Matrix(row: [1, abs(log(0.5)) + 1]))
        // softmax, row i: sᵢⱼ (1 + |aᵢⱼ| + Σₖ sᵢₖ |aᵢₖ|).
        let s = Activation.softmax.apply(Matrix(row: [1, 0.5]))
        let weighted = s[0, 0] * 1 + s[0, 1] * 0.5
        let softmax = try magnitude("softmax(z)")
        #expect(abs(softmax[0, 0] - s[0, 0] * (2 + weighted)) < 1e-15)
        #expect(abs(softmax[0, 1] - s[0, 1] * (1.5 + weighted)) < 1e-15)
    }

    /// A division by zero gives terms that are not finite: only equal values agree there.
    @Test func termsThatAreNotFiniteAgreeOnlyWhenEqual() throws {
        let bindings = Bindings(["a": Matrix(scalar: 5), "z": Matrix(scalar: 0), "one": Matrix(scalar: 1)])
        let check = try Relation.check("a = one / z - one / z + a", with: bindings)
        #expect(!check.held)
    }
}
