/// A relation `lhs = rhs` of the `numbers` language, parsed.
///
/// The language writes the quantities the engine recorded at one training step (names such as
/// `theta`, `W1_new`, `eta`), each a matrix: scalars are 1×1, vectors 1×n or n×1.
///
/// ```
/// relation  = sum '=' sum
/// sum       = product { ('+' | '-') product }                      left to right
/// product   = unary { ('*' | '.*' | '/' | './') unary }            left to right
/// unary     = '-' unary | postfix
/// postfix   = primary { "'" | 'ᵀ' }
/// primary   = number | name | call | '(' sum ')' | '[' rows ']'
/// call      = function ["'"] '(' sum { ',' sum } ')'
/// rows      = elements { ';' elements }
/// elements  = sum { [','] sum }                                     whitespace also separates
/// number    = digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]  or  '.' digits …
/// name      = (letter | '_') { letter | digit | '_' }
/// ```
/// Binding from tightest to loosest: transpose; unary minus; `* .* / ./`; `+ -`. So
/// `-x'` is `-(x')`, `-a * b` is `(-a) * b` and `a - b - c` is `(a - b) - c`.
///
/// Meanings:
/// - `+`, `-` (also `−`), `.*` (also `⊙`, `∘`) and `./` act entry by entry. Shapes must be
///   equal, or an operand that is 1×1, a 1×n row or an m×1 column repeats to fit (the
///   engine's broadcasting: a bias row added to every sample).
/// - `*` (also `×`, `·`, `⋅`) is the matrix product `m×k * k×n → m×n`; when either operand is
///   1×1 it is scalar multiplication (which is also what the product gives when it fits).
/// - `/` divides by a 1×1 divisor; `./` divides entry by entry.
/// - `'` (also `′`, `’`) and `ᵀ` transpose.
/// - `[a, b]` or `[a b]` puts matrices side by side (equal row counts); `[a; b]` stacks them
///   (equal column counts). Inside brackets, as in MATLAB, whitespace before a `-` with none
///   after it starts a new element: `[a -b]` has two elements, `[a - b]` and `[a-b]` one.
/// - The functions are listed in `Function`; a name followed by `(` is a call, and a known
///   function followed by `'(` is its derivative: `relu'(n1)`.
/// - A name is looked up in the bindings when the relation is evaluated.
public struct Relation: Sendable, Hashable, CustomStringConvertible {
    /// The text the relation was parsed from.
    public var text: String
    /// The left-hand side, usually a single recorded name.
    public var lhs: Expression
    /// The right-hand side.
    public var rhs: Expression
    /// The character offset of the `=`.
    public var equalsOffset: Int

    /// Parses a relation.
    ///
    /// - Throws: a `RelationError` at the offset of the first mistake.
    public init(parsing text: String) throws(RelationError) {
        var parser = try Parser(text)
        let (lhs, rhs, equalsOffset) = try parser.parseRelation()
        self.text = text
        self.lhs = lhs
        self.rhs = rhs
        self.equalsOffset = equalsOffset
    }

    /// The relation written back: `lhs = rhs` with single spaces around operators.
    public var description: String { "\(lhs) = \(rhs)" }

    /// Every name the relation mentions, in order of first appearance.
    public var quantityNames: [String] {
        var names: [String] = []
        func visit(_ expression: Expression) {
            switch expression.kind {
            case .quantity(let name): if !names.contains(name) { names.append(name) }
            case .number: break
            case .negation(let operand), .transpose(let operand, _), .parenthesized(let operand): visit(operand)
            case .binary(_, let lhs, let rhs):
                visit(lhs)
                visit(rhs)
            case .call(_, let arguments): arguments.forEach(visit)
            case .matrix(let rows): rows.joined().forEach(visit)
            }
        }
        visit(lhs)
        visit(rhs)
        return names
    }
}

extension Expression {
    /// Parses an expression on its own (no `=`), for example a column of a trace table.
    ///
    /// - Throws: a `RelationError` at the offset of the first mistake.
    public init(parsing text: String) throws(RelationError) {
        var parser = try Parser(text)
        self = try parser.parseLoneExpression()
    }
}
