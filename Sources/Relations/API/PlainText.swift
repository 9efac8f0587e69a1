#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Engine

/// Plain-text renderings of numbers, matrices and filled-in relations, for tests, error
/// messages and terminals (the report writers render the same trees as MathML and LaTeX).
///
/// A matrix is written in the language's own notation, `[1 2; 3 4]`, a 1×1 matrix as its number,
/// so a filled-in relation reads like the relation: `theta_new = [0; 0] + 0.1 * [1, [0 0]]' * (0 - 1)`.
public enum PlainText {
    /// `value` rounded to `significantDigits` significant digits and written in the shortest
    /// form that reads back as the rounded value: `0.1`, `-2`, `1.235e+20`, `NaN`, `inf`.
    public static func number(_ value: Double, significantDigits: Int) -> String {
        shortest(rounded(value, significantDigits: significantDigits))
    }

    /// `value` in full precision, in the shortest form that reads back as it: `0.30000000000000004`,
    /// `-2`, `1e-09`, `NaN`, `inf`.
    public static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// `value` rounded to `significantDigits` significant digits (at least 1).
    public static func rounded(_ value: Double, significantDigits: Int) -> Double {
        guard value.isFinite && value != 0 else { return value }
        let digits = max(1, significantDigits) - 1 - Int(floor(log10(abs(value))))
        // Dividing by an exact power of ten rounds once, so 0.30000000000000004 becomes 0.3.
        if digits > 300 || digits < -300 { return value }
        if digits >= 0 {
            let scale = pow(10, Double(digits))
            return (value * scale).rounded() / scale
        }
        let scale = pow(10, Double(-digits))
        return (value / scale).rounded() * scale
    }

    /// The matrix as `[1 2; 3 4]` (a 1×1 matrix as its number), rounded to `significantDigits`.
    ///
    /// A matrix with more than `maximumRows` rows or `maximumColumns` columns keeps its first
    /// rows and columns and its last, writes `⋮` and `⋯` for the rest, and ends with its shape:
    /// `[1 2 ⋯ 9; ⋮; 7 8 ⋯ 9]{784×10}`. An empty matrix is `[]` with its shape, `[]{0×2}`.
    public static func matrix(
        _ matrix: Matrix, significantDigits: Int = 4, maximumRows: Int = 8, maximumColumns: Int = 8
    ) -> String {
        if matrix.isScalar { return number(matrix.values[0], significantDigits: significantDigits) }
        if matrix.count == 0 { return "[]{\(matrix.shapeDescription)}" }
        func kept(_ count: Int, _ maximum: Int) -> [Int?] {
            guard count > max(2, maximum) else { return Array(0..<count) }
            return Array(0..<(max(2, maximum) - 2)) + [nil, count - 1]
        }
        let rows = kept(matrix.rows, maximumRows), columns = kept(matrix.columns, maximumColumns)
        let body = rows.map { row -> String in
            guard let row else { return "⋮" }
            return columns.map { column in
                column.map { number(matrix[row, $0], significantDigits: significantDigits) } ?? "⋯"
            }.joined(separator: " ")
        }.joined(separator: "; ")
        let elided = rows.contains(nil) || columns.contains(nil)
        return "[" + body + "]" + (elided ? "{\(matrix.shapeDescription)}" : "")
    }
}

extension FilledExpression {
    /// The expression with every quantity replaced by its value (see `PlainText`); a negative
    /// scalar inside the expression is put in parentheses, `x - (-1)`.
    public func plainText(significantDigits: Int = 4, maximumRows: Int = 8, maximumColumns: Int = 8) -> String {
        render(isOutermost: true) {
            PlainText.matrix(
                $0, significantDigits: significantDigits, maximumRows: maximumRows, maximumColumns: maximumColumns)
        }
    }

    private func render(isOutermost: Bool, _ format: (Matrix) -> String) -> String {
        switch node {
        case .quantity:
            let text = format(value)
            return !isOutermost && text.hasPrefix("-") ? "(" + text + ")" : text
        case .literal(let spelling): return spelling
        case .negation(let operand): return "-" + operand.render(isOutermost: false, format)
        case .binary(let op, let lhs, let rhs):
            return lhs.render(isOutermost: false, format) + " \(op.spelling) " + rhs.render(isOutermost: false, format)
        case .transpose(let operand, let transpose): return operand.render(isOutermost: false, format) + transpose.spelling
        case .call(let call, let arguments):
            return call.writtenName + "("
                + arguments.map { $0.render(isOutermost: true, format) }.joined(separator: ", ") + ")"
        case .concatenation(let rows):
            return "["
                + rows.map { $0.map { $0.render(isOutermost: false, format) }.joined(separator: ", ") }
                .joined(separator: "; ") + "]"
        case .parenthesized(let inner): return "(" + inner.render(isOutermost: true, format) + ")"
        }
    }
}

extension FilledRelation {
    /// The relation with every quantity replaced by its value: `a = hardlim(0 * 1 + 0)`.
    public func plainText(significantDigits: Int = 4, maximumRows: Int = 8, maximumColumns: Int = 8) -> String {
        lhs.plainText(significantDigits: significantDigits, maximumRows: maximumRows, maximumColumns: maximumColumns)
            + " = "
            + rhs.plainText(significantDigits: significantDigits, maximumRows: maximumRows, maximumColumns: maximumColumns)
    }
}
