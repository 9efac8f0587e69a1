import Engine

/// An evaluated expression: the parsed tree with the value of every node, so a report can print
/// the relation again with every quantity replaced by its value.
///
/// The tree has the shape of the `Expression` it was evaluated from, parentheses included. It
/// holds no markup; the report writers walk `node` and render each `quantity` as its `value`.
public struct FilledExpression: Sendable, Hashable {
    /// What a node is.
    public indirect enum Node: Sendable, Hashable {
        /// A recorded quantity; its value is the node's `value`.
        case quantity(name: String)
        /// A number literal as the lesson wrote it.
        case literal(spelling: String)
        /// Unary minus.
        case negation(FilledExpression)
        /// A binary operator applied to two operands.
        case binary(BinaryOperator, FilledExpression, FilledExpression)
        /// A transpose.
        case transpose(FilledExpression, Transpose)
        /// A function applied to its arguments.
        case call(FunctionCall, [FilledExpression])
        /// A matrix literal: rows of elements joined side by side, then stacked.
        case concatenation([[FilledExpression]])
        /// Parentheses the lesson wrote.
        case parenthesized(FilledExpression)
    }

    /// What this node is.
    public var node: Node
    /// The node's value.
    public var value: Matrix
    /// The size of the terms that formed each entry of `value` (same shape): the sum of the
    /// absolute values of what was added up, the quantity the tolerance is measured against
    /// (see the rules in `RelationCheck`).
    public var magnitude: Matrix
    /// The character offsets the node spans in the relation's text.
    public var range: Range<Int>

    /// Creates a node; without a `magnitude`, the value's absolute value.
    public init(_ node: Node, value: Matrix, magnitude: Matrix? = nil, range: Range<Int>) {
        self.node = node
        self.value = value
        self.magnitude = magnitude ?? value.map(abs)
        self.range = range
    }
}

/// An evaluated relation: both sides filled in.
public struct FilledRelation: Sendable, Hashable {
    /// The relation that was evaluated.
    public var relation: Relation
    /// The left-hand side with its values.
    public var lhs: FilledExpression
    /// The right-hand side with its values.
    public var rhs: FilledExpression

    /// Every quantity the relation names with its value, in order of first appearance
    /// (for a "where" list beside the filled-in relation).
    public var quantities: [(name: String, value: Matrix)] {
        var found: [(name: String, value: Matrix)] = []
        func visit(_ expression: FilledExpression) {
            switch expression.node {
            case .quantity(let name):
                if !found.contains(where: { $0.name == name }) { found.append((name, expression.value)) }
            case .literal: break
            case .negation(let operand), .transpose(let operand, _), .parenthesized(let operand): visit(operand)
            case .binary(_, let lhs, let rhs):
                visit(lhs)
                visit(rhs)
            case .call(_, let arguments): arguments.forEach(visit)
            case .concatenation(let rows): rows.joined().forEach(visit)
            }
        }
        visit(lhs)
        visit(rhs)
        return found
    }

    /// Creates an evaluated relation.
    public init(relation: Relation, lhs: FilledExpression, rhs: FilledExpression) {
        self.relation = relation
        self.lhs = lhs
        self.rhs = rhs
    }
}

extension Relation {
    /// Evaluates both sides against `bindings`, keeping every node's value.
    ///
    /// - Throws: a `RelationError` for a name without a value (with close names suggested), or
    ///   for operands whose shapes do not fit (at the operator's offset).
    public func evaluate(with bindings: Bindings) throws(RelationError) -> FilledRelation {
        let evaluator = Evaluator(bindings: bindings)
        return FilledRelation(relation: self, lhs: try evaluator.evaluate(lhs), rhs: try evaluator.evaluate(rhs))
    }
}

extension Expression {
    /// Evaluates the expression against `bindings`, keeping every node's value.
    ///
    /// - Throws: a `RelationError` as `Relation.evaluate(with:)` does.
    public func evaluate(with bindings: Bindings) throws(RelationError) -> FilledExpression {
        try Evaluator(bindings: bindings).evaluate(self)
    }
}
