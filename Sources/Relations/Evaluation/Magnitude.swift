import Engine

/// The size of the terms that formed each entry of a value: what a relation's tolerance is
/// measured against.
///
/// Rounding leaves an error of a few units in the last place of the *terms* a sum adds up, not
/// of the sum: `1 + 1e-17 − 1` is as exact as its terms allow even though its value is tiny.
/// So the evaluator carries, beside every value, a magnitude `|·|` with the value's shape:
///
/// | expression | magnitude |
/// | --- | --- |
/// | a name or a number `v` | `|v|` |
/// | `−a`, `a'`, `(a)` | that of `a` (transposed for `a'`) |
/// | `a + b`, `a − b` | `|a| + |b|` (broadcast like the values) |
/// | `a * b` (matrix product) | `|a| |b|`, the product of the magnitudes: entry `(i, j)` is `Σₖ |aᵢₖ| |bₖⱼ|` |
/// | `s * b`, `a .* b` | `|s| |b|`, `|a| ⊙ |b|` |
/// | `a / b`, `a ./ b` | `|a| / |b| + |a / b| · |b| / |b|`, with the values' `|b|` in the denominators |
/// | `a ^ p` | `|aᵖ| + |p aᵖ⁻¹| · |a|`, plus `|aᵖ ln |a|| · |p|` unless `p` is a number written out (exact) |
/// | `f(a)` entry by entry (`sqrt` too) | `|f(a)| + |f′(a)| · |a|`: the value, and what the slope makes of the argument's rounding (ReLU's slope counts as 1 on both sides of 0) |
/// | `softmax(a)`, row `i` | `sᵢⱼ (1 + |aᵢⱼ| + Σₖ sᵢₖ |aᵢₖ|)` with `s` the softmax |
/// | `sum(a)`, `mean(a)` | the sum (or mean) of the magnitudes |
/// | `[a, b; c, d]` | the magnitudes, joined the same way |
///
/// For `x * W + b` an entry's magnitude is `Σᵢ |xᵢ| |Wᵢⱼ| + |bⱼ|`. A value that cancels (a
/// gradient near 0, a difference of nearly equal numbers) keeps the magnitude of its terms; a
/// value that did not cancel has a magnitude close to its own size.
enum Magnitude {
    /// The magnitude of a leaf: its absolute value.
    static func leaf(_ value: Matrix) -> Matrix {
        value.map(abs)
    }

    /// The magnitude of `lhs op rhs`, whose value is `value`.
    static func binary(_ op: BinaryOperator.Kind, _ lhs: FilledExpression, _ rhs: FilledExpression, value: Matrix)
        -> Matrix
    {
        let a = lhs.magnitude, b = rhs.magnitude
        switch op {
        case .add, .subtract:
            return a + b
        case .multiply:
            if a.isScalar { return b * a.values[0] }
            if b.isScalar { return a * b.values[0] }
            if a.columns == 0 || a.rows == 0 || b.columns == 0 { return Matrix(rows: a.rows, columns: b.columns) }
            return Matrix.product(a, b)
        case .elementwiseMultiply:
            return a * b
        case .power:
            return power(lhs, rhs, value: value)
        case .divide, .elementwiseDivide:
            // |a| / |b| + |a / b| · |b|ₘ / |b|: the numerator's terms scaled, and the divisor's.
            let divisor = rhs.value.map(abs)
            return a / divisor + value.map(abs) * b / divisor
        }
    }

    /// The magnitude of `base ^ exponent` (a 1×1 exponent, checked by the evaluator): what the
    /// slope `p aᵖ⁻¹` makes of the base's terms, and, for an exponent that was computed or
    /// recorded, what `aᵖ ln |a|` makes of its own.
    private static func power(_ base: FilledExpression, _ exponent: FilledExpression, value: Matrix) -> Matrix {
        let p = exponent.value.values[0], exponentSize = exponent.magnitude.values[0]
        let exact: Bool
        if case .literal = exponent.node { exact = true } else { exact = false }
        return Matrix(rows: value.rows, columns: value.columns) { row, column in
            let a = base.value[row, column], power = value[row, column]
            let slope = p == 0 ? 0 : abs(p * elementaryPower(a, p - 1))
            var size = abs(power) + (slope.isNaN ? 0 : slope * base.magnitude[row, column])
            if !exact, power != 0, a != 0 {
                size += abs(power * elementaryLog(abs(a))) * exponentSize
            }
            return size
        }
    }

    /// The magnitude of `f(argument)` for a function applied entry by entry (or softmax by row),
    /// whose value is `value`.
    static func call(_ call: FunctionCall, argument: FilledExpression, value: Matrix, parameter: Double? = nil) -> Matrix {
        let x = argument.value, m = argument.magnitude
        if call.function == .softmax {
            // ∂sᵢ/∂aₖ = sᵢ (δᵢₖ − sₖ), so an error eₖ in each aₖ moves sᵢ by at most sᵢ (|eᵢ| + Σₖ sₖ |eₖ|).
            let weighted = (value * m).sum(along: .columns)
            return Matrix(rows: value.rows, columns: value.columns) { row, column in
                value[row, column] * (1 + m[row, column] + weighted[row, 0])
            }
        }
        let slope = Self.slope(of: call, at: x, value: value, parameter: parameter)
        return Matrix(rows: value.rows, columns: value.columns) { row, column in
            abs(value[row, column]) + slope[row, column] * m[row, column]
        }
    }

    /// `|f′(x)|` for each entry, where `value` is `f(x)`; for a derivative call `f′`, `|f″(x)|`.
    private static func slope(of call: FunctionCall, at x: Matrix, value: Matrix, parameter: Double?) -> Matrix {
        if call.isDerivative {
            switch call.function {
            case .sigmoid:
                // σ″ = σ′ (1 − 2σ)
                let s = Activation.sigmoid.apply(x)
                return Matrix(rows: x.rows, columns: x.columns) { r, c in
                    abs(value[r, c] * (1 - 2 * s[r, c]))
                }
            case .tanh:
                // tanh″ = −2 tanh · (1 − tanh²)
                let t = Activation.tanh.apply(x)
                return Matrix(rows: x.rows, columns: x.columns) { r, c in abs(2 * t[r, c] * value[r, c]) }
            case .elu:
                // elu″ = α eⁿ = elu′ below 0, 0 above.
                return Matrix(rows: x.rows, columns: x.columns) { r, c in x[r, c] > 0 ? 0 : abs(value[r, c]) }
            default:
                // relu′, leaky_relu′, hardlim′ and linear′ are constant between their jumps.
                return Matrix(rows: x.rows, columns: x.columns)
            }
        }
        switch call.function {
        case .sigmoid:
            return value.map { abs($0 * (1 - $0)) }
        case .tanh:
            return value.map { abs(1 - $0 * $0) }
        case .relu, .leakyRelu, .linear:
            // The larger slope on both sides of the kink (1, as for ReLU).
            return Matrix(rows: x.rows, columns: x.columns, repeating: 1)
        case .elu:
            // 1 above 0; α eⁿ = f + α below, at most α.
            let alpha = parameter ?? Activation.defaultAlpha
            return Matrix(rows: x.rows, columns: x.columns) { r, c in x[r, c] > 0 ? 1 : abs(value[r, c] + alpha) }
        case .hardlim:
            return Matrix(rows: x.rows, columns: x.columns)
        case .exp:
            return value.map(abs)
        case .sqrt:
            // (√x)′ = 1 / (2√x)
            return value.map { 1 / (2 * abs($0)) }
        case .sign:
            // Constant between its jumps.
            return Matrix(rows: x.rows, columns: x.columns)
        case .log:
            return x.map { 1 / abs($0) }
        case .softmax, .sum, .mean, .max:
            preconditionFailure("\(call.function) is not applied entry by entry")
        }
    }
}
