import Engine
import LessonFormat
import MathML
import Relations

extension FilledRelation {
    /// The relation with every quantity replaced by its value, as LaTeX the report typesets.
    ///
    /// Scalars are numbers, vectors and matrices are `bmatrix`es elided by `layout` (with their
    /// shape as a subscript when elided); the operators are `+`, `-`, `\times` (a product with
    /// a scalar), juxtaposition with `\,` (the matrix product), `\odot`, `\frac`, `\div`, a power
    /// `{a}^{p}` (`{A}^{\circ p}` for a matrix, entry by entry); a
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
        FilledTeXWriter(format: format, layout: choosingEntries(for: layout)).line(lhs, rhs)
    }

    /// `layout` with the entries that matter chosen: where a vector of the relation shows only
    /// zeros at its first and last entries but has others (an image's border pixels, which
    /// hide every inked one), the run of consecutive entries with the largest values is shown
    /// instead, and every matrix of the relation with as many rows or columns shows the same
    /// ones, so `x` and the rows of `W` it selects line up.
    func choosingEntries(for layout: MatrixLayout) -> MatrixLayout {
        var layout = layout
        let run = max(2, layout.maxColumns - 2)
        for value in Self.values(of: lhs) + Self.values(of: rhs) where value.rows == 1 || value.columns == 1 {
            let entries = value.values, count = entries.count
            guard count > layout.maxColumns, layout.columnChoices[count] == nil,
                entries.contains(where: { $0 != 0 && $0.isFinite })
            else { continue }
            let head = layout.maxColumns / 2, tail = layout.maxColumns - 1 - head
            let shown = Array(entries.prefix(head)) + Array(entries.suffix(tail))
            guard shown.allSatisfy({ $0 == 0 }) else { continue }
            var best = 0, bestSum = -1.0
            for start in 0...(count - run) {
                let sum = entries[start..<(start + run)].reduce(0) { $0 + (abs($1).isFinite ? abs($1) : 0) }
                if sum > bestSum { (best, bestSum) = (start, sum) }
            }
            let chosen = Array(best..<(best + run))
            layout.columnChoices[count] = chosen
            layout.rowChoices[count] = chosen
        }
        return layout
    }

    /// The values of every node of `expression`, outermost first.
    static func values(of expression: FilledExpression) -> [Matrix] {
        var values = [expression.value]
        switch expression.node {
        case .quantity, .literal: break
        case .negation(let operand), .transpose(let operand, _), .parenthesized(let operand): values += Self.values(of: operand)
        case .binary(_, let lhs, let rhs): values += Self.values(of: lhs) + Self.values(of: rhs)
        case .call(_, let arguments): values += arguments.flatMap { Self.values(of: $0) }
        case .concatenation(let rows): values += rows.joined().flatMap { Self.values(of: $0) }
        }
        return values
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
    /// The widest a row vector may be written, in em; a wider one is written as the transpose
    /// of a column, `[…]ᵀ`, which is the same vector standing up (`nil`: any width).
    var rowLimit: Double? = nil

    /// `lhs = rhs` on one line.
    func line(_ lhs: FilledExpression, _ rhs: FilledExpression) -> String {
        tex(lhs, isOperand: false) + " = " + tex(rhs, isOperand: false)
    }

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
            // A row that stands up as a column's transpose, transposed, is that column.
            if operand.isValue, case .quantity = operand.node, standsUp(operand.value) {
                return TeX.matrix(operand.value.transposed.rowArrays, format: format, layout: layout)
            }
            return "{" + tex(operand, isOperand: true) + "}^{\\top}"
        case .call(let call, let arguments) where call.function == .sum || call.function == .mean:
            let (opening, index) = sumParts(call, arguments)
            return opening + " " + bracketed(arguments[0]) + "_{\(index)}"
        case .call(let call, let arguments) where call.function == .sqrt:
            return "\\sqrt{" + tex(arguments[0], isOperand: false) + "}"
        case .call(let call, let arguments):
            let name = Self.name(of: call.function) + (call.isDerivative ? "'" : "")
            return name + parenthesized(arguments.map { tex($0, isOperand: false) }.joined(separator: ", "))
        case .concatenation(let rows)
        where rows.joined().allSatisfy(\.isValue) || !rows.joined().allSatisfy(\.value.isScalar) || rowLimit != nil:
            // [1, x] with x = [2 3] is [1 2 3]: one matrix of the values, never a matrix inside a
            // matrix; only a row of computed numbers, [σ(a), σ(b)], keeps its parts' formulas, and
            // not when the relation is too wide for a line (`rowLimit` is set then).
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
        case .power:
            // Entry by entry: a matrix's power is the Hadamard power, A^{∘2}.
            let hadamard = lhs.value.isScalar ? "" : "\\circ "
            return "{" + tex(lhs, isOperand: true) + "}^{" + hadamard + tex(rhs.withoutParentheses, isOperand: false) + "}"
        }
    }

    /// A sum (or mean) written as the sum it is: what comes before its operand
    /// (`\frac{1}{N} \sum_{i}`) and the subscript after it. `\sum_{j} (X)_{j}` adds a row's
    /// entries, `\sum_{i} (X)_{i}` a column's; for a matrix, `\sum_{i} (X)_{i,:}` adds its rows
    /// (one sum per column) and `\sum_{j} (X)_{:,j}` its columns; a mean is `\frac{1}{N}` times
    /// its sum.
    func sumParts(_ call: FunctionCall, _ arguments: [FilledExpression]) -> (opening: String, index: String) {
        let x = arguments[0].value
        // sum(X) adds the rows; sum(X, 2) the columns (the axis was checked when it was evaluated).
        let downRows = !(arguments.count == 2 && arguments[1].value.values.first == 2)
        let index = downRows ? (x.columns == 1 ? "i" : "i,:") : (x.rows == 1 ? "j" : ":,j")
        let sum = "\\sum_{\(downRows ? "i" : "j")}"
        guard call.function == .mean else { return (sum, index) }
        return ("\\frac{1}{\(downRows ? x.rows : x.columns)} " + sum, index)
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
        tex(expression.withoutParentheses, isOperand: false)
    }

    /// A value: a number for 1×1, a `bmatrix` otherwise.
    func value(_ matrix: Matrix, isOperand: Bool) -> String {
        if matrix.isScalar {
            let number = TeX.number(matrix.values[0], format: format)
            return isOperand && number.hasPrefix("-") ? "(" + number + ")" : number
        }
        guard standsUp(matrix) else { return TeX.matrix(matrix.rowArrays, format: format, layout: layout) }
        return "{" + TeX.matrix(matrix.transposed.rowArrays, format: format, layout: layout) + "}^{\\top}"
    }

    /// Whether `matrix` is a row vector too wide for `rowLimit`, written standing up as the
    /// transpose of a column (which shows as many entries as a column of the layout does).
    func standsUp(_ matrix: Matrix) -> Bool {
        guard matrix.rows == 1, matrix.columns > 1, let rowLimit else { return false }
        return FilledRelation.width(of: TeX.matrix(matrix.rowArrays, format: format, layout: layout)) > rowLimit
    }

    /// How a function is typeset.
    static func name(of function: Function) -> String {
        switch function {
        case .sigmoid: "\\sigma"
        case .tanh: "\\tanh"
        case .relu: "\\mathrm{ReLU}"
        case .leakyRelu: "\\operatorname{LeakyReLU}"
        case .elu: "\\operatorname{ELU}"
        case .hardlim: "\\operatorname{hardlim}"
        case .linear: "\\operatorname{linear}"
        case .softmax: "\\operatorname{softmax}"
        case .exp: "\\exp"
        case .sqrt: "\\sqrt"
        case .sign: "\\operatorname{sign}"
        case .log: "\\log"
        case .sum: "\\sum"
        case .mean: "\\operatorname{mean}"
        case .max: "\\max"
        }
    }
}

extension FilledExpression {
    /// The expression inside the lesson's parentheses, if it is in some; itself otherwise.
    var withoutParentheses: FilledExpression {
        if case .parenthesized(let inner) = node { return inner }
        return self
    }

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

extension FilledRelation {
    /// The filled-in relation laid out to fit `width` em: on one line when it fits (exactly as
    /// `tex(format:layout:)`), otherwise over the lines of an `aligned` block, broken after the
    /// left-hand side and before the right-hand side's top-level `+` and `−`, and, for a term
    /// still too wide, before its top-level products (a matrix product then shows its `\cdot`).
    ///
    /// A narrow left-hand side stays beside the `=` and the lines below align under it:
    /// ```
    /// n &= x \cdot W \\ &\quad + b
    /// ```
    /// a wide one gets a line of its own, and every line starts at the left. A single operand
    /// wider than `width` stays whole: the layout's columns decide how wide a matrix is.
    public func tex(format: NumberFormat, layout: MatrixLayout, width: Double) -> String {
        let writer = FilledTeXWriter(format: format, layout: choosingEntries(for: layout))
        let line = writer.line(lhs, rhs)
        guard Self.width(of: line) > width else { return line }
        // Broken over lines, a row vector too wide for a line of its own stands up as a column.
        var breaking = writer
        breaking.rowLimit = width * 0.6
        return breaking.lines(lhs: lhs, rhs: rhs, width: width)
    }

    /// The estimated width of `tex` in em (infinite when it does not typeset).
    static func width(of tex: String) -> Double {
        (try? MathML.estimatedWidth(tex)) ?? .infinity
    }
}

extension FilledTeXWriter {
    /// A piece of a broken line: TeX that may start a line, its estimated width, and how many
    /// `\left(` it leaves open (negative for those it closes), so that a line break inside
    /// parentheses can close them with `\right.` and reopen them with `\left.`.
    struct Piece {
        var tex: String
        var width: Double
        var opens = 0
    }

    /// `lhs = rhs` over the lines of an `aligned` block that fit `width` em.
    func lines(lhs: FilledExpression, rhs: FilledExpression, width: Double) -> String {
        let left = tex(lhs, isOperand: false)
        let leftWidth = FilledRelation.width(of: left)
        // A narrow left-hand side keeps the = beside it, and the lines below align there.
        let besideEquals = leftWidth <= width / 4
        let indent = 1.0
        let available = width - (besideEquals ? leftWidth : 0) - indent - 1.6
        let pieces = self.pieces(rhs, op: nil, isOperand: false, available: available)
        var lines: [String] = []
        var current: String
        var used: Double
        if besideEquals {
            current = left + " &= "
            used = leftWidth + 1.6
        } else {
            lines.append("& " + left)
            current = "&= "
            used = 1.6
        }
        var depth = 0, lineHasPiece = false
        for piece in pieces {
            if lineHasPiece, used + piece.width > width {
                lines.append(current + String(repeating: " \\right.", count: depth))
                current = "&\\quad " + String(repeating: "\\left. ", count: depth) + piece.tex
                used = (besideEquals ? leftWidth : 0) + indent + piece.width
            } else {
                current += (lineHasPiece ? " " : "") + piece.tex
                used += piece.width
            }
            depth += piece.opens
            lineHasPiece = true
        }
        lines.append(current)
        return "\\begin{aligned} " + lines.joined(separator: " \\\\ ") + " \\end{aligned}"
    }

    /// `expression`, preceded by `op`, as pieces that fit `available` em where it can be broken:
    /// at its top-level `+` and `−`, then its products, then inside a function's or the
    /// lesson's parentheses, and inside a sum. A piece that cannot be broken stays whole.
    func pieces(_ expression: FilledExpression, op: String?, isOperand: Bool, available: Double) -> [Piece] {
        let whole = (op.map { $0 + " " } ?? "") + tex(expression, isOperand: isOperand)
        let wholeWidth = FilledRelation.width(of: "{} " + whole)
        guard wholeWidth > available else { return [Piece(tex: whole, width: wholeWidth)] }
        let terms = Self.chain(expression, of: [.add, .subtract])
        if terms.count > 1 {
            return terms.enumerated().flatMap { index, term in
                pieces(term.operand, op: index == 0 ? op : symbol(term.op!, term.operand, after: nil), isOperand: index > 0 || isOperand, available: available)
            }
        }
        let factors = Self.chain(expression, of: [.multiply, .elementwiseMultiply, .elementwiseDivide])
        if factors.count > 1 {
            return factors.enumerated().flatMap { index, factor in
                pieces(
                    factor.operand, op: index == 0 ? op : symbol(factor.op!, factor.operand, after: factors[index - 1].operand),
                    isOperand: index > 0 || isOperand, available: available)
            }
        }
        let prefix = op.map { $0 + " " } ?? ""
        switch expression.node {
        case .negation(let operand):
            return glued(prefix + "-", pieces(operand, op: nil, isOperand: true, available: available - 1))
        case .binary(let divide, let numerator, let denominator) where divide.kind == .divide:
            // A fraction cannot break: a / s too wide for a line is written (1/s)(a) and breaks inside.
            return enclosed(
                prefix + "\\frac{1}{" + unparenthesized(denominator) + "} ", numerator.withoutParentheses, "",
                available: available)
        case .parenthesized(let inner):
            return enclosed(prefix, inner, "", available: available)
        case .call(let call, let arguments) where arguments.count == 1 && call.function != .sqrt:
            let name = Self.name(of: call.function) + (call.isDerivative ? "'" : "")
            return enclosed(prefix + name + " ", arguments[0], "", available: available)
        case .call(let call, let arguments) where call.function == .sum || call.function == .mean:
            let (opening, index) = sumParts(call, arguments)
            return enclosed(prefix + opening + " ", arguments[0].withoutParentheses, "_{\(index)}", available: available)
        default:
            return [Piece(tex: whole, width: wholeWidth)]
        }
    }

    /// `opening( inner )closing` as pieces: the parentheses open on the first piece and close
    /// on the last, so a line break between them closes and reopens them.
    private func enclosed(_ opening: String, _ inner: FilledExpression, _ closing: String, available: Double) -> [Piece] {
        var inside = pieces(inner, op: nil, isOperand: false, available: available - 2)
        guard inside.count > 1 else {
            let tex = opening + "\\left(" + (inside.first?.tex ?? "") + "\\right)" + closing
            return [Piece(tex: tex, width: FilledRelation.width(of: tex))]
        }
        let openWidth = FilledRelation.width(of: opening + "(")
        inside[0].tex = opening + "\\left( " + inside[0].tex
        inside[0].width += openWidth
        inside[0].opens += 1
        let last = inside.count - 1
        inside[last].tex += " \\right)" + closing
        inside[last].width += 0.5 + (closing.isEmpty ? 0 : 0.5)
        inside[last].opens -= 1
        return inside
    }

    /// `text` put before the first of `pieces`.
    private func glued(_ text: String, _ pieces: [Piece]) -> [Piece] {
        var pieces = pieces
        guard !pieces.isEmpty else { return pieces }
        pieces[0].tex = text + " " + pieces[0].tex
        pieces[0].width += FilledRelation.width(of: "{} " + text + " {}")
        return pieces
    }

    /// The operator `op` as it starts a line before `operand`: a matrix product, written by
    /// juxtaposition on one line, shows `\cdot`; a product with a scalar `\times`.
    private func symbol(_ op: BinaryOperator, _ operand: FilledExpression, after previous: FilledExpression?) -> String {
        switch op.kind {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return operand.value.isScalar || previous?.value.isScalar == true ? "\\times" : "\\cdot"
        case .elementwiseMultiply: return "\\odot"
        case .elementwiseDivide, .divide: return "\\div"
        case .power: return "^"
        }
    }

    /// The operands of a left-associated chain of the operators `kinds`, each with the operator
    /// before it: `a + b - c` is `[(nil, a), (+, b), (-, c)]`.
    static func chain(_ expression: FilledExpression, of kinds: Set<BinaryOperator.Kind>)
        -> [(op: BinaryOperator?, operand: FilledExpression)]
    {
        guard case let .binary(op, lhs, rhs) = expression.node, kinds.contains(op.kind) else {
            return [(nil, expression)]
        }
        return chain(lhs, of: kinds) + [(op, rhs)]
    }
}
