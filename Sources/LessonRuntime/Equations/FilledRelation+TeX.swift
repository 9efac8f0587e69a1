import Engine
import LessonFormat
import MathML
import Relations

extension FilledRelation {
    /// The relation with every quantity replaced by its value, as LaTeX the report typesets.
    ///
    /// Scalars are numbers, vectors and matrices are `bmatrix`es elided by `layout` (with their
    /// shape as a subscript when elided); the operators are `+`, `-`, `\times` (a product with
    /// a scalar), juxtaposition with `\,` (the matrix product), `\odot`, `\frac`, `\div`; a
    /// transpose is `^\top`; functions are `\sigma`, `\tanh`, `\mathrm{ReLU}`,
    /// `\operatorname{softmax}`, `\exp`, `\log` with a prime for a derivative; a sum is the
    /// sum it is, `\sum_{j} (X)_{j}` across a row's entries (`sum(X, 2)`) or `\sum_{i} (X)_{i}` down
    /// a column (`sum(X)`), with `i, :` and `:, j` for a matrix's rows and columns, and a mean is
    /// `\frac{1}{N}` of that sum; a matrix literal, `[1, x]`, is one flat matrix of its values
    /// (only one whose parts are all single numbers, some computed, shows their formulas:
    /// `[σ(a), σ(b)]`); the lesson's parentheses are kept.
    ///
    /// `n1 = b1 + x * W1` with `b1 = [0 0]`, `x = [1 1]`, `W1 = [[1, 2], [3, 4]]` gives
    /// ```
    /// \begin{bmatrix} 4 & 6 \end{bmatrix} = \begin{bmatrix} 0 & 0 \end{bmatrix} + \begin{bmatrix} 1 & 1 \end{bmatrix} \, \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}
    /// ```
    public func tex(format: NumberFormat = NumberFormat(), layout: MatrixLayout = MatrixLayout()) -> String {
        let writer = FilledTeXWriter(format: format, layout: layout)
        return writer.tex(lhs, isOperand: false) + " = " + writer.tex(rhs, isOperand: false)
    }
}

extension FilledExpression {
    /// The expression with every quantity replaced by its value, as LaTeX (see `FilledRelation.tex`).
    public func tex(format: NumberFormat = NumberFormat(), layout: MatrixLayout = MatrixLayout()) -> String {
        FilledTeXWriter(format: format, layout: layout).tex(self, isOperand: false)
    }
}

/// Writes filled-in expressions as LaTeX.
struct FilledTeXWriter {
    var format: NumberFormat
    var layout: MatrixLayout

    /// `expression` as LaTeX; an operand (of a minus sign, a transpose, or on the right of an
    /// operator) that is a negative number is put in parentheses, so `a + (-0.5)` never reads `a + -0.5`.
    func tex(_ expression: FilledExpression, isOperand: Bool) -> String {
        switch expression.node {
        case .quantity:
            return value(expression.value, isOperand: isOperand)
        case .literal(let spelling):
            let number = Double(spelling) ?? expression.value.values.first ?? .nan
            return TeX.number(number, format: NumberFormat(significantDigits: 17))
        case .negation(let operand):
            return "-" + tex(operand, isOperand: true)
        case .binary(let op, let lhs, let rhs):
            return binary(op, lhs, rhs, isOperand: isOperand)
        case .transpose(let operand, _):
            return "{" + tex(operand, isOperand: true) + "}^{\\top}"
        case .call(let call, let arguments) where call.function == .sum || call.function == .mean:
            // sum(X) adds the rows; sum(X, 2) the columns (the axis was checked when it was evaluated).
            let acrossColumns = arguments.count == 2 && arguments[1].value.values.first == 2
            return sum(call, of: arguments[0], acrossColumns: acrossColumns)
        case .call(let call, let arguments):
            let name = Self.name(of: call.function) + (call.isDerivative ? "'" : "")
            return name + parenthesized(arguments.map { tex($0, isOperand: false) }.joined(separator: ", "))
        case .concatenation(let rows)
        where rows.joined().allSatisfy(\.isValue) || !rows.joined().allSatisfy(\.value.isScalar):
            // [1, x] with x = [2 3] is [1 2 3]: one matrix of the values, never a matrix inside a
            // matrix; only a row of computed numbers, [σ(a), σ(b)], keeps its parts' formulas.
            return value(expression.value, isOperand: isOperand)
        case .concatenation(let rows):
            let body = rows.map { row in row.map { tex($0, isOperand: false) }.joined(separator: " & ") }
                .joined(separator: " \\\\ ")
            return "\\begin{bmatrix} " + body + " \\end{bmatrix}"
        case .parenthesized(let inner):
            return parenthesized(tex(inner, isOperand: false))
        }
    }

    /// A binary operation; its left operand starts the expression when the operation does, so a
    /// negative number there needs no parentheses.
    private func binary(_ op: BinaryOperator, _ lhs: FilledExpression, _ rhs: FilledExpression, isOperand: Bool) -> String {
        let left = tex(lhs, isOperand: isOperand), right = tex(rhs, isOperand: true)
        switch op.kind {
        case .add: return left + " + " + right
        case .subtract: return left + " - " + right
        case .multiply:
            // A product with a scalar is written with ×; a matrix product by juxtaposition,
            // with a thin space so two bracketed matrices do not touch.
            if lhs.value.isScalar || rhs.value.isScalar { return left + " \\times " + right }
            return left + " \\, " + right
        case .elementwiseMultiply: return left + " \\odot " + right
        case .divide: return "\\frac{" + unparenthesized(lhs) + "}{" + unparenthesized(rhs) + "}"
        case .elementwiseDivide: return left + " \\div " + right
        }
    }

    /// A sum (or mean) written as the sum it is: `\sum_{j} (X)_{j}` adds a row's entries,
    /// `\sum_{i} (X)_{i}` a column's; for a matrix, `\sum_{i} (X)_{i,:}` adds its rows (one sum
    /// per column) and `\sum_{j} (X)_{:,j}` its columns; a mean is `\frac{1}{N}` times its sum.
    private func sum(_ call: FunctionCall, of argument: FilledExpression, acrossColumns: Bool) -> String {
        let x = argument.value
        let downRows = !acrossColumns
        let index: String
        if downRows {
            index = x.columns == 1 ? "i" : "i,:"
        } else {
            index = x.rows == 1 ? "j" : ":,j"
        }
        let letter = downRows ? "i" : "j"
        let body = "\\sum_{\(letter)} " + bracketed(argument) + "_{\(index)}"
        guard call.function == .mean else { return body }
        let count = downRows ? x.rows : x.columns
        return "\\frac{1}{\(count)} " + body
    }

    /// An expression as a sum's operand, whose entries the subscript picks: a call as it is
    /// (`\exp(…)_{j}`), anything else in parentheses (`(…)_{j}`), so that the subscript never
    /// lands on a matrix's shape.
    private func bracketed(_ expression: FilledExpression) -> String {
        switch expression.node {
        case .call, .parenthesized: return "{" + tex(expression, isOperand: false) + "}"
        default: return "{" + parenthesized(tex(expression, isOperand: false)) + "}"
        }
    }

    /// `inner` in parentheses that grow to the height of a matrix inside, and stay plain around numbers.
    private func parenthesized(_ inner: String) -> String {
        inner.contains("\\begin{") ? "\\left(" + inner + "\\right)" : "(" + inner + ")"
    }

    /// A fraction's numerator or denominator: the bar groups it, so the lesson's parentheses go.
    private func unparenthesized(_ expression: FilledExpression) -> String {
        if case .parenthesized(let inner) = expression.node { return tex(inner, isOperand: false) }
        return tex(expression, isOperand: false)
    }

    /// A value: a number for 1×1, a `bmatrix` otherwise.
    func value(_ matrix: Matrix, isOperand: Bool) -> String {
        if matrix.isScalar {
            let number = TeX.number(matrix.values[0], format: format)
            return isOperand && number.hasPrefix("-") ? "(" + number + ")" : number
        }
        return TeX.matrix(matrix.rowArrays, format: format, layout: layout)
    }

    /// How a function is typeset.
    static func name(of function: Function) -> String {
        switch function {
        case .sigmoid: "\\sigma"
        case .tanh: "\\tanh"
        case .relu: "\\mathrm{ReLU}"
        case .hardlim: "\\operatorname{hardlim}"
        case .linear: "\\operatorname{linear}"
        case .softmax: "\\operatorname{softmax}"
        case .exp: "\\exp"
        case .log: "\\log"
        case .sum: "\\sum"
        case .mean: "\\operatorname{mean}"
        }
    }
}

extension FilledExpression {
    /// Whether the node is a value as written: a name or a number, possibly negated,
    /// transposed or in parentheses (a part a flat matrix literal can show by its numbers).
    var isValue: Bool {
        switch node {
        case .quantity, .literal: true
        case .negation(let operand), .transpose(let operand, _), .parenthesized(let operand): operand.isValue
        default: false
        }
    }
}
