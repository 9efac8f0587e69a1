import Engine
import Suggestions

/// A function of a few named numbers written in the `numbers` language, such as
/// `f(x, y) = (1 - x)^2 + 100*(y - x^2)^2`, as a tree that can be evaluated at a point and
/// differentiated symbolically (`Derivative.swift`).
///
/// Every variable is one number, so `*` and `.*` are the same product and `/` and `./` the
/// same quotient. The functions that act entry by entry are allowed: `sigmoid`, `tanh`,
/// `relu`, `linear`, `exp`, `sqrt`, `log`, and the derivatives `sigmoid'`, `tanh'`, `relu'`,
/// `linear'` (written out as `σ(u)(1 − σ(u))`, `1 − tanh(u)²`, the step `relu'(u)` and 1). A
/// step has no slope to descend, so `hardlim`, `sign` and `hardlim'` are refused, and so are
/// the matrix operations (transpose, `[…]`, `softmax`, `sum`, `mean`). The exponent of `^` must
/// be a number, or an expression of numbers only.
public indirect enum ScalarFunction: Sendable, Hashable, CustomStringConvertible {
    /// A number.
    case constant(Double)
    /// The variable with this index in the function's variable list, and its name.
    case variable(Int, String)
    /// `a + b`.
    case sum(ScalarFunction, ScalarFunction)
    /// `a − b`.
    case difference(ScalarFunction, ScalarFunction)
    /// `a · b`.
    case product(ScalarFunction, ScalarFunction)
    /// `a / b`.
    case quotient(ScalarFunction, ScalarFunction)
    /// `aᵖ` for a number `p`.
    case power(ScalarFunction, Double)
    /// `−a`.
    case negation(ScalarFunction)
    /// A function of the language applied to its argument: `exp(a)`, `σ(a)`.
    case call(Function, ScalarFunction)
    /// ReLU's derivative, the step `relu'(a)`: 1 where `a > 0`, else 0.
    case step(ScalarFunction)

    /// The functions a scalar function may call.
    public static let functions: [Function] = [.sigmoid, .tanh, .relu, .linear, .exp, .sqrt, .log]

    /// Reads `text` as a function of `variables`.
    ///
    /// - Throws: a `RelationError` at the offset of the mistake: the text does not parse, a name
    ///   is not one of the variables, or it uses something that is not a function of numbers.
    public init(parsing text: String, variables: [String]) throws(RelationError) {
        self = try Self.convert(try Expression(parsing: text), variables: variables)
    }

    /// The function an expression of the language writes.
    ///
    /// - Throws: a `RelationError` at the offending node (see `init(parsing:variables:)`).
    public static func convert(_ expression: Expression, variables: [String]) throws(RelationError) -> ScalarFunction {
        func refuse(_ what: String) -> RelationError {
            RelationError(.notScalar(what), offset: expression.range.lowerBound)
        }
        switch expression.kind {
        case .quantity(let name):
            guard let index = variables.firstIndex(of: name) else {
                throw RelationError(
                    .unknownVariable(name, suggestions: suggestions(for: name, among: variables), variables: variables),
                    offset: expression.range.lowerBound)
            }
            return .variable(index, name)
        case .number(let value, _):
            return .constant(value)
        case .negation(let operand):
            return .negation(try convert(operand, variables: variables))
        case .parenthesized(let inner):
            return try convert(inner, variables: variables)
        case .transpose:
            throw refuse("a transpose")
        case .matrix:
            throw refuse("a matrix '[…]'")
        case .binary(let op, let lhs, let rhs):
            let a = try convert(lhs, variables: variables), b = try convert(rhs, variables: variables)
            switch op.kind {
            case .add: return .sum(a, b)
            case .subtract: return .difference(a, b)
            case .multiply, .elementwiseMultiply: return .product(a, b)
            case .divide, .elementwiseDivide: return .quotient(a, b)
            case .power:
                guard b.variableIndices.isEmpty else {
                    throw RelationError(.variableExponent, offset: rhs.range.lowerBound)
                }
                return .power(a, b.value(at: []))
            }
        case .call(let call, let arguments):
            let argument = try convert(arguments[0], variables: variables)
            if call.isDerivative {
                switch call.function {
                case .sigmoid:
                    return .product(.call(.sigmoid, argument), .difference(.constant(1), .call(.sigmoid, argument)))
                case .tanh: return .difference(.constant(1), .power(.call(.tanh, argument), 2))
                case .relu: return .step(argument)
                case .linear: return .constant(1)
                default: throw RelationError(.stepFunction(call.writtenName), offset: call.offset)
                }
            }
            if call.function == .hardlim || call.function == .sign {
                throw RelationError(.stepFunction(call.writtenName), offset: call.offset)
            }
            guard functions.contains(call.function) else {
                // Entry-wise activations outside the list have a parameter the walk does not take.
                guard call.function.activation == nil else {
                    throw refuse("'\(call.writtenName)': the functions of a walk are \(functions.map(\.rawValue).joined(separator: ", "))")
                }
                throw refuse("'\(call.writtenName)', which acts on a matrix")
            }
            return .call(call.function, argument)
        }
    }

    /// The indices of the variables the function depends on.
    public var variableIndices: Set<Int> {
        switch self {
        case .constant: []
        case .variable(let index, _): [index]
        case .sum(let a, let b), .difference(let a, let b), .product(let a, let b), .quotient(let a, let b):
            a.variableIndices.union(b.variableIndices)
        case .power(let a, _), .negation(let a), .call(_, let a), .step(let a): a.variableIndices
        }
    }

    /// The value at `point`, the variables' values in their order.
    public func value(at point: [Double]) -> Double {
        switch self {
        case .constant(let value): value
        case .variable(let index, _): point[index]
        case .sum(let a, let b): a.value(at: point) + b.value(at: point)
        case .difference(let a, let b): a.value(at: point) - b.value(at: point)
        case .product(let a, let b): a.value(at: point) * b.value(at: point)
        case .quotient(let a, let b): a.value(at: point) / b.value(at: point)
        case .power(let a, let p): Self.power(a.value(at: point), p)
        case .negation(let a): -a.value(at: point)
        case .call(let function, let a): Self.apply(function, a.value(at: point))
        case .step(let a): a.value(at: point) > 0 ? 1 : 0
        }
    }

    /// `xᵖ`, by multiplication for the small whole exponents a lesson writes (`x^2` is `x * x`
    /// to the bit, as the language's `.*` computes it), by `pow` otherwise.
    static func power(_ x: Double, _ p: Double) -> Double {
        switch p {
        case 1: x
        case 2: x * x
        case 3: x * x * x
        default: elementaryPower(x, p)
        }
    }

    private static func apply(_ function: Function, _ x: Double) -> Double {
        switch function {
        case .sigmoid: 1 / (1 + elementaryExp(-x))
        case .tanh: elementaryTanh(x)
        case .relu: max(0, x)
        case .linear: x
        case .exp: elementaryExp(x)
        case .sqrt: x.squareRoot()
        case .log: elementaryLog(x)
        default: preconditionFailure("\(function) is not a function of a number")
        }
    }

    /// The function in the language's own spelling, with `^` and `*`, fully parenthesized where
    /// precedence needs it: `(1 - x)^2 + 100 * (y - x^2)^2`.
    public var description: String { text(unicode: false) }

    /// The function for a title or caption: exponents as superscripts where they are whole
    /// numbers, a number before a name or a parenthesis without a sign: `x² + 10y²`,
    /// `(1 − x)² + 100(y − x²)²`.
    public var prettyText: String { text(unicode: true) }

    /// Binding strength, loosest first: sums, products, unary minus, powers, atoms.
    public var precedence: Int {
        switch self {
        case .sum, .difference: 1
        case .product, .quotient: 2
        case .negation: 3
        case .power: 4
        case .constant(let value): value < 0 ? 3 : 5
        case .variable, .call, .step: 5
        }
    }

    /// Whether a product writes this factor right after `left` without a dot: anything in
    /// parentheses, a name or a power of one after a number, a name or a power of one.
    public func isJuxtaposable(after left: ScalarFunction) -> Bool {
        if isSigned || precedence < 3 { return true }
        func isName(_ f: ScalarFunction) -> Bool {
            switch f {
            case .variable, .power(.variable, _): true
            default: false
            }
        }
        switch left {
        case .constant, .product: return isName(self) || (left.isConstant && !isConstant)
        default: return isName(left) && isName(self)
        }
    }

    /// Whether the function is a number.
    public var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }

    /// Whether the function is written with a sign in front: a negation or a negative number.
    public var isSigned: Bool {
        switch self {
        case .negation: true
        case .constant(let value): value < 0
        default: false
        }
    }

    private func text(unicode: Bool) -> String {
        func wrapped(_ f: ScalarFunction, below level: Int) -> String {
            f.precedence < level ? "(" + f.text(unicode: unicode) + ")" : f.text(unicode: unicode)
        }
        // The right operand of a sum or difference: a product stays bare, a sign needs parentheses.
        func term(_ f: ScalarFunction) -> String { f.isSigned ? "(" + f.text(unicode: unicode) + ")" : wrapped(f, below: 2) }
        let minus = unicode ? " − " : " - "
        switch self {
        case .constant(let value):
            let text = PlainText.shortest(value)
            return unicode && value < 0 ? "−" + text.dropFirst() : text
        case .variable(_, let name): return name
        case .sum(let a, let b): return a.text(unicode: unicode) + " + " + term(b)
        case .difference(let a, let b): return a.text(unicode: unicode) + minus + term(b)
        case .product(let a, let b):
            let left = wrapped(a, below: 2)
            let right = b.isSigned || b.precedence < 3 ? "(" + b.text(unicode: unicode) + ")" : b.text(unicode: unicode)
            // 2x, 400x(y − x²), x²y; but 2 · 3 and y · exp(x).
            if unicode, b.isJuxtaposable(after: a) { return left + right }
            return left + (unicode ? " · " : " * ") + right
        case .quotient(let a, let b):
            let right = b.isSigned || b.precedence < 3 ? "(" + b.text(unicode: unicode) + ")" : b.text(unicode: unicode)
            return wrapped(a, below: 2) + " / " + right
        case .power(let a, let p):
            let base = a.isSigned ? "(" + a.text(unicode: unicode) + ")" : wrapped(a, below: 5)
            if unicode, p == p.rounded(), abs(p) < 1000 { return base + Self.superscript(Int(p)) }
            return base + "^" + (p < 0 ? "(" + PlainText.shortest(p) + ")" : PlainText.shortest(p))
        case .negation(let a): return (unicode ? "−" : "-") + (a.isSigned ? "(" + a.text(unicode: unicode) + ")" : wrapped(a, below: 2))
        case .call(let function, let a): return function.rawValue + "(" + a.text(unicode: unicode) + ")"
        case .step(let a): return "relu'(" + a.text(unicode: unicode) + ")"
        }
    }

    /// `12` → `¹²`, `-1` → `⁻¹`.
    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (number < 0 ? "⁻" : "") + String(String(abs(number)).map { digits[Int(String($0))!] })
    }
}
