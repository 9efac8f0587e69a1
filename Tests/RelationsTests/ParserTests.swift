import Testing
import Relations

@Suite struct ParserTests {
    // MARK: - Precedence and grouping

    @Test(arguments: [
        ("theta_new = theta + eta * [1, x]' * (y - a)", "theta_new = (theta + ((eta * ([1, x])') * (y - a)))"),
        ("z = a + b * c", "z = (a + (b * c))"),
        ("z = a * b + c", "z = ((a * b) + c)"),
        ("z = a - b - c", "z = ((a - b) - c)"),
        ("z = a / b / c", "z = ((a / b) / c)"),
        ("z = a * b .* c", "z = ((a * b) .* c)"),
        ("z = a .* b * c", "z = ((a .* b) * c)"),
        ("z = -x'", "z = (-(x)')"),
        ("z = -a * b", "z = ((-a) * b)"),
        ("z = a * -b", "z = (a * (-b))"),
        ("z = a - -b", "z = (a - (-b))"),
        ("z = x''", "z = ((x)')'"),
        ("z = (a + b)'", "z = ((a + b))'"),
        ("z = a + b'", "z = (a + (b)')"),
        ("-z = a", "(-z) = a"),
        ("n1 = b1 + x * W1", "n1 = (b1 + (x * W1))"),
        ("s1 = s2 * W2' .* relu'(n1)", "s1 = ((s2 * (W2)') .* relu'(n1))"),
        ("a = σ(n)", "a = sigmoid(n)"),
        ("a = sigmoid_prime(n)", "a = sigmoid'(n)"),
        ("d = σ'(n) ⊙ e", "d = (sigmoid'(n) .* e)"),
        ("p = Wᵀ × x", "p = ((W)' * x)"),
        ("p = a − b · c", "p = (a - (b * c))"),
        ("m = [a b; c d]", "m = [a, b; c, d]"),
        ("m = [a -b]", "m = [a, (-b)]"),
        ("m = [a - b]", "m = [(a - b)]"),
        ("m = [a-b]", "m = [(a - b)]"),
        ("m = [(a -b)]", "m = [(a - b)]"),
        ("m = [sum(a -b) c]", "m = [sum((a - b)), c]"),
        ("m = [1 x' 2*y]", "m = [1, (x)', (2 * y)]"),
        ("s = sum(s1, 2) / m", "s = (sum(s1, 2) / m)"),
        ("r = 2.*x", "r = (2 .* x)"),
        ("r = x./2", "r = (x ./ 2)"),
        ("r = 1e-3 + .5 + 2E+2", "r = ((1e-3 + .5) + 2E+2)"),
    ])
    func grouping(text: String, expected: String) throws {
        let relation = try Relation(parsing: text)
        #expect("\(relation.lhs.grouping) = \(relation.rhs.grouping)" == expected)
    }

    // MARK: - What the tree keeps

    @Test func descriptionWritesTheRelationBackWithCanonicalSpacing() throws {
        let relation = try Relation(parsing: "theta_new=theta+eta*[1 x]'*(y-a)")
        #expect(relation.description == "theta_new = theta + eta * [1, x]' * (y - a)")
        #expect(relation.equalsOffset == 9)
        #expect(relation.quantityNames == ["theta_new", "theta", "eta", "x", "y", "a"])
    }

    @Test func spellingsAreKeptForTheFilledInView() throws {
        let relation = try Relation(parsing: "d = σ'(n) ⊙ Wᵀ")
        #expect(relation.description == "d = σ'(n) ⊙ Wᵀ")
    }

    @Test func rangesCountCharacters() throws {
        // `σ` and `ᵀ` are one character each, though two and three bytes in UTF-8.
        let relation = try Relation(parsing: "a = σ(Wᵀ * x)")
        #expect(relation.rhs.range == 4..<13)
        guard case .call(let call, let arguments) = relation.rhs.kind else {
            Issue.record("not a call: \(relation.rhs)")
            return
        }
        #expect(call.function == .sigmoid && call.offset == 4 && call.spelling == "σ")
        guard case .binary(let op, let lhs, _) = arguments[0].kind else {
            Issue.record("not a product: \(arguments[0])")
            return
        }
        #expect(op.kind == .multiply && op.offset == 9)
        #expect(lhs.range == 6..<8)
    }

    @Test func numbersKeepTheirSpellingAndValue() throws {
        let expression = try Expression(parsing: "1e-3")
        #expect(expression.kind == .number(0.001, spelling: "1e-3"))
    }

    @Test func aFunctionNameFollowedBySpaceAndParenthesisIsStillACall() throws {
        let expression = try Expression(parsing: "relu (n)")
        #expect(expression.grouping == "relu(n)")
    }

    @Test func aFunctionNameWithoutParenthesesIsAQuantity() throws {
        let expression = try Expression(parsing: "sum + 1")
        #expect(expression.grouping == "(sum + 1)")
    }
}
