import Suggestions
/// A recursive-descent parser for the `numbers` language (the grammar is in `Relation`'s documentation).
struct Parser {
    private var tokens: [Token]
    private var position = 0
    /// Whether whitespace separates elements where the parser stands: true directly inside
    /// `[…]`, false at the top level and inside parentheses and argument lists.
    private var spaceSeparatesElements = [false]

    init(_ text: String) throws(RelationError) {
        tokens = try Lexer.tokens(in: text)
    }

    private var current: Token { tokens[position] }
    private var next: Token { tokens[min(position + 1, tokens.count - 1)] }

    /// Where the last consumed token ends.
    private var previousEnd: Int {
        position == 0 ? 0 : tokens[position - 1].offset + tokens[position - 1].spelling.count
    }

    @discardableResult
    private mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    // MARK: - Entry points

    mutating func parseRelation() throws(RelationError) -> (lhs: Expression, rhs: Expression, equalsOffset: Int) {
        let lhs = try parseSum()
        guard current.kind == .equals else {
            throw topLevelError(expected: "'=' after the left-hand side (a relation is 'lhs = rhs')")
        }
        let equalsOffset = advance().offset
        let rhs = try parseSum()
        guard current.kind == .end else {
            if current.kind == .equals { throw RelationError(.secondEquals, offset: current.offset) }
            throw topLevelError(expected: "the end of the relation")
        }
        return (lhs, rhs, equalsOffset)
    }

    mutating func parseLoneExpression() throws(RelationError) -> Expression {
        let expression = try parseSum()
        guard current.kind == .end else { throw topLevelError(expected: "the end of the expression") }
        return expression
    }

    // MARK: - Precedence levels, loosest first

    /// `term (('+' | '-') term)*`
    private mutating func parseSum() throws(RelationError) -> Expression {
        var lhs = try parseProduct()
        while case .binary(let kind) = current.kind, kind == .add || kind == .subtract {
            // Inside brackets, `[a -b]` has two elements and `[a - b]`, `[a-b]` one (as in MATLAB).
            if spaceSeparatesElements.last == true && current.isPrecededBySpace && !current.isFollowedBySpace { break }
            let token = advance()
            let rhs = try parseProduct()
            lhs = Expression(
                .binary(BinaryOperator(kind, spelling: token.spelling, offset: token.offset), lhs, rhs),
                range: lhs.range.lowerBound..<rhs.range.upperBound)
        }
        return lhs
    }

    /// `unary (('*' | '.*' | '/' | './') unary)*`
    private mutating func parseProduct() throws(RelationError) -> Expression {
        var lhs = try parseUnary()
        while case .binary(let kind) = current.kind, kind != .add && kind != .subtract && kind != .power {
            let token = advance()
            let rhs = try parseUnary()
            lhs = Expression(
                .binary(BinaryOperator(kind, spelling: token.spelling, offset: token.offset), lhs, rhs),
                range: lhs.range.lowerBound..<rhs.range.upperBound)
        }
        return lhs
    }

    /// `'-' unary | power`
    private mutating func parseUnary() throws(RelationError) -> Expression {
        guard current.kind == .binary(.subtract) else { return try parsePower() }
        let minus = advance()
        let operand = try parseUnary()
        return Expression(.negation(operand), range: minus.offset..<operand.range.upperBound)
    }

    /// `postfix ['^' unary]`: binds tighter than unary minus and groups to the right, so
    /// `-x^2` is `-(x^2)`, `x^-1` is `x^(-1)` and `a^b^c` is `a^(b^c)`.
    private mutating func parsePower() throws(RelationError) -> Expression {
        let base = try parsePostfix()
        guard current.kind == .binary(.power) else { return base }
        let token = advance()
        let exponent = try parseUnary()
        return Expression(
            .binary(BinaryOperator(.power, spelling: token.spelling, offset: token.offset), base, exponent),
            range: base.range.lowerBound..<exponent.range.upperBound)
    }

    /// `primary ("'" | 'ᵀ')*`
    private mutating func parsePostfix() throws(RelationError) -> Expression {
        var operand = try parsePrimary()
        while current.kind == .transpose {
            let token = advance()
            operand = Expression(
                .transpose(operand, Transpose(spelling: token.spelling, offset: token.offset)),
                range: operand.range.lowerBound..<previousEnd)
        }
        return operand
    }

    /// A number, a name, a call, `( sum )` or `[ rows ]`.
    private mutating func parsePrimary() throws(RelationError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value, let spelling):
            advance()
            return Expression(.number(value, spelling: spelling), range: token.offset..<previousEnd)
        case .name(let name):
            if let call = try callHead(named: name, at: token) { return try parseCall(call) }
            advance()
            return Expression(.quantity(name), range: token.offset..<previousEnd)
        case .leftParenthesis:
            advance()
            spaceSeparatesElements.append(false)
            let inner = try parseSum()
            guard current.kind == .rightParenthesis else {
                throw nestedError(closing: ")", opening: "(", openingOffset: token.offset)
            }
            advance()
            spaceSeparatesElements.removeLast()
            return Expression(.parenthesized(inner), range: token.offset..<previousEnd)
        case .leftBracket:
            return try parseMatrix()
        default:
            throw RelationError(.expected("an expression", found: token.quoted), offset: token.offset)
        }
    }

    // MARK: - Calls and matrices

    /// The call a name begins, if it is followed by `(` or by `'(`; consumes the name and the prime.
    private mutating func callHead(named name: String, at token: Token) throws(RelationError) -> FunctionCall? {
        let isPrimed = next.kind == .transpose && !next.isPrecededBySpace
            && tokens[min(position + 2, tokens.count - 1)].kind == .leftParenthesis
        guard next.kind == .leftParenthesis || isPrimed else { return nil }
        guard let (function, isDerivative) = Function.named(name) else {
            // `sigmod(n)` is a call of an unknown function, and so is `rleu'(n)`, which is close to
            // one; `eta (y - a)` and `W'(x)` are quantities followed by a missing operator.
            let close = suggestions(for: name, among: Function.callableNames.map(\.name))
            if next.isPrecededBySpace || (isPrimed && close.isEmpty) { return nil }
            throw RelationError(.unknownFunction(name, suggestions: close), offset: token.offset)
        }
        if isPrimed && (isDerivative || !function.hasDerivative) {
            throw RelationError(.noDerivative(name), offset: token.offset)
        }
        advance()
        if isPrimed { advance() }
        return FunctionCall(
            function: function, isDerivative: isDerivative || isPrimed, spelling: name, isPrimed: isPrimed,
            offset: token.offset)
    }

    /// `'(' sum (',' sum)* ')'` after a function's name.
    private mutating func parseCall(_ call: FunctionCall) throws(RelationError) -> Expression {
        let opening = advance()
        spaceSeparatesElements.append(false)
        var arguments: [Expression] = []
        if current.kind != .rightParenthesis {
            while true {
                arguments.append(try parseSum())
                if current.kind == .comma {
                    advance()
                } else if current.kind == .rightParenthesis {
                    break
                } else {
                    throw nestedError(closing: ")", opening: "(", openingOffset: opening.offset)
                }
            }
        }
        advance()
        spaceSeparatesElements.removeLast()
        let counts = call.isDerivative && call.function.activation?.parameter == nil ? 1...1 : call.function.argumentCounts
        guard counts.contains(arguments.count) else {
            throw RelationError(
                .argumentCount(function: call.writtenName, expected: counts, found: arguments.count),
                offset: call.offset)
        }
        return Expression(.call(call, arguments), range: call.offset..<previousEnd)
    }

    /// `'[' element ((',' | space) element)* (';' …)* ']'`
    private mutating func parseMatrix() throws(RelationError) -> Expression {
        let opening = advance()
        guard current.kind != .rightBracket else { throw RelationError(.emptyMatrix, offset: opening.offset) }
        spaceSeparatesElements.append(true)
        var rows: [[Expression]] = [[]]
        while true {
            rows[rows.count - 1].append(try parseSum())
            switch current.kind {
            case .comma:
                advance()
            case .semicolon:
                advance()
                rows.append([])
            case .rightBracket:
                advance()
                spaceSeparatesElements.removeLast()
                return Expression(.matrix(rows), range: opening.offset..<previousEnd)
            default:
                guard current.beginsOperand && current.isPrecededBySpace else {
                    throw nestedError(closing: "]", opening: "[", openingOffset: opening.offset)
                }
            }
        }
    }

    // MARK: - Errors

    /// The error for a token that cannot follow a complete operand inside brackets or parentheses.
    private func nestedError(closing: String, opening: String, openingOffset: Int) -> RelationError {
        if current.beginsOperand {
            return RelationError(.missingOperator(found: current.quoted), offset: current.offset)
        }
        return RelationError(
            .unclosed(closing: closing, opening: opening, openingOffset: openingOffset, found: current.quoted),
            offset: current.offset)
    }

    /// The error for a token that cannot follow a complete operand at the top level.
    private func topLevelError(expected: String) -> RelationError {
        switch current.kind {
        case .rightParenthesis: return RelationError(.unmatched(")"), offset: current.offset)
        case .rightBracket: return RelationError(.unmatched("]"), offset: current.offset)
        default:
            if current.beginsOperand {
                return RelationError(.missingOperator(found: current.quoted), offset: current.offset)
            }
            return RelationError(.expected(expected, found: current.quoted), offset: current.offset)
        }
    }
}
