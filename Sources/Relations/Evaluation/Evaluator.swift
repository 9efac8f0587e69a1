import Suggestions
import Engine

/// Evaluates expressions against bindings.
///
/// Every shape is checked here before a value reaches an engine operator, because a mismatch
/// inside the engine stops the program: a lesson's mistake must become a `RelationError`.
struct Evaluator {
    let bindings: Bindings

    func evaluate(_ expression: Expression) throws(RelationError) -> FilledExpression {
        let range = expression.range
        switch expression.kind {
        case .quantity(let name):
            guard let value = bindings[name] else {
                throw RelationError(
                    .unknownQuantity(
                        name, suggestions: suggestions(for: name, among: bindings.names), known: bindings.names),
                    offset: range.lowerBound)
            }
            return FilledExpression(.quantity(name: name), value: value, range: range)
        case .number(let value, let spelling):
            return FilledExpression(.literal(spelling: spelling), value: Matrix(scalar: value), range: range)
        case .negation(let operand):
            let filled = try evaluate(operand)
            return FilledExpression(.negation(filled), value: -filled.value, magnitude: filled.magnitude, range: range)
        case .binary(let op, let lhs, let rhs):
            let left = try evaluate(lhs), right = try evaluate(rhs)
            let value = try Self.apply(op, left.value, right.value)
            return FilledExpression(
                .binary(op, left, right), value: value, magnitude: Magnitude.binary(op.kind, left, right, value: value),
                range: range)
        case .transpose(let operand, let transpose):
            let filled = try evaluate(operand)
            return FilledExpression(
                .transpose(filled, transpose), value: filled.value.transposed, magnitude: filled.magnitude.transposed,
                range: range)
        case .call(let call, let arguments):
            var filled: [FilledExpression] = []
            for argument in arguments { filled.append(try evaluate(argument)) }
            let value = try Self.apply(call, to: filled)
            return FilledExpression(
                .call(call, filled), value: value, magnitude: Self.magnitude(of: call, arguments: filled, value: value),
                range: range)
        case .matrix(let rows):
            var filledRows: [[FilledExpression]] = []
            for row in rows {
                var filledRow: [FilledExpression] = []
                for element in row { filledRow.append(try evaluate(element)) }
                filledRows.append(filledRow)
            }
            let magnitudes = filledRows.map { row in
                row.map { FilledExpression($0.node, value: $0.magnitude, magnitude: $0.magnitude, range: $0.range) }
            }
            return FilledExpression(
                .concatenation(filledRows), value: try Self.concatenate(filledRows),
                magnitude: try Self.concatenate(magnitudes), range: range)
        case .parenthesized(let inner):
            let filled = try evaluate(inner)
            return FilledExpression(.parenthesized(filled), value: filled.value, magnitude: filled.magnitude, range: range)
        }
    }

    // MARK: - Operators

    private static let broadcastRule =
        "entry-wise operands need equal shapes, or a 1×1, 1×n or m×1 operand that repeats to fit"

    static func apply(_ op: BinaryOperator, _ lhs: Matrix, _ rhs: Matrix) throws(RelationError) -> Matrix {
        func mismatch(_ reason: String) -> RelationError {
            RelationError(
                .shapeMismatch(
                    operator: op.spelling, lhs: lhs.shapeDescription, rhs: rhs.shapeDescription, reason: reason),
                offset: op.offset)
        }
        switch op.kind {
        case .multiply:
            if lhs.isScalar { return rhs * lhs.values[0] }
            if rhs.isScalar { return lhs * rhs.values[0] }
            guard lhs.columns == rhs.rows else {
                throw mismatch(
                    "a matrix product needs the left operand's columns (\(lhs.columns)) to equal the right "
                        + "operand's rows (\(rhs.rows)); write '.*' for an entry-wise product")
            }
            // An empty inner dimension gives zeros; the engine's kernel is not asked about it.
            if lhs.columns == 0 || lhs.rows == 0 || rhs.columns == 0 {
                return Matrix(rows: lhs.rows, columns: rhs.columns)
            }
            return Matrix.product(lhs, rhs)
        case .divide:
            guard rhs.isScalar else {
                throw RelationError(.divisorNotScalar(rhs.shapeDescription), offset: op.offset)
            }
            return lhs / rhs.values[0]
        case .power:
            guard rhs.isScalar else {
                throw RelationError(.exponentNotScalar(rhs.shapeDescription), offset: op.offset)
            }
            let exponent = rhs.values[0]
            return lhs.map { elementaryPower($0, exponent) }
        case .add, .subtract, .elementwiseMultiply, .elementwiseDivide:
            guard Matrix.broadcastShape(lhs, rhs) != nil else { throw mismatch(broadcastRule) }
            switch op.kind {
            case .add: return lhs + rhs
            case .subtract: return lhs - rhs
            case .elementwiseMultiply: return lhs * rhs
            default: return lhs / rhs
            }
        }
    }

    // MARK: - Functions

    static func apply(_ call: FunctionCall, to arguments: [FilledExpression]) throws(RelationError) -> Matrix {
        let x = arguments[0].value
        if call.isDerivative, let activation = try self.activation(of: call, arguments: arguments) {
            return activation.derivative(net: x, output: activation.apply(x))
        }
        switch call.function {
        case .sigmoid, .tanh, .relu, .leakyRelu, .elu, .hardlim, .linear, .softmax:
            return try activation(of: call, arguments: arguments)!.apply(x)
        case .exp: return x.map(elementaryExp)
        case .sqrt: return x.map(elementarySquareRoot)
        case .sign: return x.map { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 }
        case .log: return x.map(elementaryLog)
        case .sum, .mean:
            let axis = try self.axis(of: call, arguments: arguments)
            let total = x.sum(along: axis)
            guard call.function == .mean else { return total }
            return total / Double(axis == .rows ? x.rows : x.columns)
        case .max:
            let axis = try self.axis(of: call, arguments: arguments)
            return axis == .columns ? x.maxOfEachRow() : x.transposed.maxOfEachRow().transposed
        }
    }

    /// The magnitude of a call's value (see `Magnitude`): sums and means add the magnitudes up.
    static func magnitude(of call: FunctionCall, arguments: [FilledExpression], value: Matrix) -> Matrix {
        switch call.function {
        case .sum, .mean:
            // The axis was read when the value was computed, so it is 1 or 2 here.
            let axis = (try? Self.axis(of: call, arguments: arguments)) ?? .rows
            let total = arguments[0].magnitude.sum(along: axis)
            guard call.function == .mean else { return total }
            return total / Double(axis == .rows ? arguments[0].value.rows : arguments[0].value.columns)
        case .max:
            // The largest magnitude along the axis: at least that of the entry chosen.
            let axis = (try? Self.axis(of: call, arguments: arguments)) ?? .rows
            let m = arguments[0].magnitude
            return axis == .columns ? m.maxOfEachRow() : m.transposed.maxOfEachRow().transposed
        default:
            return Magnitude.call(
                call, argument: arguments[0], value: value, parameter: arguments.count > 1 ? arguments[1].value.values.first : nil)
        }
    }

    /// The engine activation a call applies, with the parameter its second argument gives
    /// (`leaky_relu(n, 0.1)`), which must be a number.
    static func activation(of call: FunctionCall, arguments: [FilledExpression]) throws(RelationError) -> Activation? {
        guard let activation = call.function.activation else { return nil }
        guard arguments.count == 2 else { return activation }
        let argument = arguments[1]
        guard argument.value.isScalar, argument.value.values[0].isFinite else {
            throw RelationError(
                .invalidParameter(function: call.writtenName, found: argument.value.isScalar ? PlainText.shortest(argument.value.values[0]) : "a \(argument.value.shapeDescription) matrix"),
                offset: argument.range.lowerBound)
        }
        return activation.with(parameter: argument.value.values[0])
    }

    /// The axis `sum` and `mean` reduce along: down the rows unless the second argument is 2.
    private static func axis(of call: FunctionCall, arguments: [FilledExpression]) throws(RelationError)
        -> Matrix.Axis
    {
        guard arguments.count == 2 else { return .rows }
        let argument = arguments[1]
        if argument.value.isScalar && argument.value.values[0] == 1 { return .rows }
        if argument.value.isScalar && argument.value.values[0] == 2 { return .columns }
        let found =
            argument.value.isScalar
            ? PlainText.shortest(argument.value.values[0])
            : "a \(argument.value.shapeDescription) matrix"
        throw RelationError(
            .invalidAxis(function: call.writtenName, found: found), offset: argument.range.lowerBound)
    }

    // MARK: - Matrix literals

    static func concatenate(_ rows: [[FilledExpression]]) throws(RelationError) -> Matrix {
        var stacked: [Matrix] = []
        for row in rows {
            let first = row[0]
            for element in row.dropFirst() where element.value.rows != first.value.rows {
                throw RelationError(
                    .shapeMismatch(
                        operator: "[ , ]", lhs: first.value.shapeDescription, rhs: element.value.shapeDescription,
                        reason: "elements side by side need the same number of rows"),
                    offset: element.range.lowerBound)
            }
            let joined = Matrix.horizontalConcatenation(row.map(\.value))
            if let previous = stacked.first, previous.columns != joined.columns {
                throw RelationError(
                    .shapeMismatch(
                        operator: "[ ; ]", lhs: previous.shapeDescription, rhs: joined.shapeDescription,
                        reason: "rows stacked on each other need the same number of columns"),
                    offset: first.range.lowerBound)
            }
            stacked.append(joined)
        }
        return stacked.count == 1 ? stacked[0] : Matrix.verticalConcatenation(stacked)
    }
}
