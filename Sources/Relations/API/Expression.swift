/// An expression of the `numbers` language, as the parser read it.
///
/// Every node keeps `range`, the character offsets it spans in the text it was parsed from
/// (see `RelationError.offset` for how offsets count), so an evaluation error can point at
/// the operator or name that caused it.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// What an expression is.
    public indirect enum Kind: Sendable, Hashable {
        /// A recorded quantity, looked up by name: `theta`, `W1_new`, `eta`.
        case quantity(String)
        /// A number literal with the spelling the lesson used (`0.1`, `1e-3`).
        case number(Double, spelling: String)
        /// Unary minus, `-e`.
        case negation(Expression)
        /// A binary operator applied to two operands.
        case binary(BinaryOperator, Expression, Expression)
        /// The transpose, `e'` or `eᵀ`.
        case transpose(Expression, Transpose)
        /// A function applied to its arguments: `sigmoid(n1)`, `relu'(n1)`, `sum(s1, 2)`.
        case call(FunctionCall, [Expression])
        /// A matrix literal `[a, b; c d]`: rows of elements, joined side by side, then stacked.
        case matrix([[Expression]])
        /// An expression in parentheses, kept so the filled-in view prints them where the lesson did.
        case parenthesized(Expression)
    }

    /// What this expression is.
    public var kind: Kind
    /// The character offsets this expression spans.
    public var range: Range<Int>

    /// Creates an expression node.
    public init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// The expression written back in the language, with single spaces around binary operators.
    public var description: String {
        switch kind {
        case .quantity(let name): return name
        case .number(_, let spelling): return spelling
        case .negation(let operand): return "-" + operand.description
        case .binary(let op, let lhs, let rhs): return "\(lhs) \(op.spelling) \(rhs)"
        case .transpose(let operand, let transpose): return operand.description + transpose.spelling
        case .call(let call, let arguments):
            return call.writtenName + "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        case .matrix(let rows):
            return "[" + rows.map { $0.map(\.description).joined(separator: ", ") }.joined(separator: "; ") + "]"
        case .parenthesized(let inner): return "(" + inner.description + ")"
        }
    }

    /// The expression with every operation in parentheses and named by its canonical symbol,
    /// showing how the parser grouped it: `theta + eta * x'` is `(theta + (eta * (x)'))`.
    public var grouping: String {
        switch kind {
        case .quantity(let name): return name
        case .number(_, let spelling): return spelling
        case .negation(let operand): return "(-" + operand.grouping + ")"
        case .binary(let op, let lhs, let rhs): return "(\(lhs.grouping) \(op.kind.symbol) \(rhs.grouping))"
        case .transpose(let operand, _): return "(" + operand.grouping + ")'"
        case .call(let call, let arguments):
            let name = call.function.rawValue + (call.isDerivative ? "'" : "")
            return name + "(" + arguments.map(\.grouping).joined(separator: ", ") + ")"
        case .matrix(let rows):
            return "[" + rows.map { $0.map(\.grouping).joined(separator: ", ") }.joined(separator: "; ") + "]"
        case .parenthesized(let inner): return inner.grouping
        }
    }
}

/// A binary operator as written, with its position.
public struct BinaryOperator: Sendable, Hashable {
    /// The operations the language has.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `+`: element-wise sum, broadcasting a 1×1, 1×n or m×1 operand.
        case add
        /// `-` (or `−`): element-wise difference, broadcasting like `+`.
        case subtract
        /// `*` (or `×`, `·`): the matrix product; when either operand is 1×1, scalar multiplication.
        case multiply
        /// `.*` (or `⊙`, `∘`): the element-wise (Hadamard) product, broadcasting like `+`.
        case elementwiseMultiply
        /// `/`: division by a 1×1 divisor.
        case divide
        /// `./`: element-wise division, broadcasting like `+`.
        case elementwiseDivide
        /// `^`: each entry raised to a 1×1 exponent, `[aᵢⱼ^p]` (not a matrix power).
        case power

        /// The ASCII symbol of the operation.
        public var symbol: String {
            switch self {
            case .add: "+"
            case .subtract: "-"
            case .multiply: "*"
            case .elementwiseMultiply: ".*"
            case .divide: "/"
            case .elementwiseDivide: "./"
            case .power: "^"
            }
        }
    }

    /// The operation.
    public var kind: Kind
    /// The symbol the lesson wrote (`*`, `×`, `⊙`, …).
    public var spelling: String
    /// The character offset of the symbol.
    public var offset: Int

    /// Creates an operator.
    public init(_ kind: Kind, spelling: String, offset: Int) {
        self.kind = kind
        self.spelling = spelling
        self.offset = offset
    }
}

/// A postfix transpose as written: `'` (also `′` and `’`) or `ᵀ`.
public struct Transpose: Sendable, Hashable {
    /// The symbol the lesson wrote.
    public var spelling: String
    /// The character offset of the symbol.
    public var offset: Int

    /// Creates a transpose marker.
    public init(spelling: String, offset: Int) {
        self.spelling = spelling
        self.offset = offset
    }
}

/// A function call's head as written: which function, whether its derivative, and the name used.
public struct FunctionCall: Sendable, Hashable {
    /// The function.
    public var function: Function
    /// Whether the call is the function's derivative (`relu'(n)` or `relu_prime(n)`).
    public var isDerivative: Bool
    /// The name as the lesson wrote it, without a trailing `'` (`σ`, `ReLU`, `relu_prime`).
    public var spelling: String
    /// Whether the derivative was written with a prime, `relu'(…)`.
    public var isPrimed: Bool
    /// The character offset of the name.
    public var offset: Int

    /// Creates a call head.
    public init(function: Function, isDerivative: Bool, spelling: String, isPrimed: Bool, offset: Int) {
        self.function = function
        self.isDerivative = isDerivative
        self.spelling = spelling
        self.isPrimed = isPrimed
        self.offset = offset
    }

    /// The name as written, with its prime: `relu'`, `σ`, `sigmoid_prime`.
    public var writtenName: String { spelling + (isPrimed ? "'" : "") }
}
