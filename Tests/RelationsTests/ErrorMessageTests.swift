import Engine
import Testing
import Relations

@Suite struct ErrorMessageTests {
    // MARK: - Syntax

    @Test func unclosedParenthesis() {
        expectError("theta_new = (theta + eta", "offset 24: expected ')' to close '(' at offset 12, found the end of the relation")
        expectError("a = (b + c]", "offset 10: expected ')' to close '(' at offset 4, found ']'")
        expectError("a = sum(b, c", "offset 12: expected ')' to close '(' at offset 7, found the end of the relation")
    }

    @Test func offsetsCountCharactersAndConvertToBytes() throws {
        let text = "σ = Wᵀ ⊙ (x"
        let error = try #require(relationError(text))
        #expect(error.description == "offset 11: expected ')' to close '(' at offset 9, found the end of the relation")
        #expect(error.offset == text.count)
        #expect(error.utf8Offset(in: text) == text.utf8.count)
        #expect(error.utf8Offset(in: text) == 16)
    }

    @Test func unclosedBracket() {
        expectError("a = [1, x", "offset 9: expected ']' to close '[' at offset 4, found the end of the relation")
        expectError("a = [1, x)", "offset 9: expected ']' to close '[' at offset 4, found ')'")
    }

    @Test func unmatchedClosingBrackets() {
        expectError("a = b)", "offset 5: ')' has no matching '('")
        expectError("a] = b", "offset 1: ']' has no matching '['")
    }

    @Test func missingOperands() {
        expectError("a = b +", "offset 7: expected an expression, found the end of the relation")
        expectError("a = * b", "offset 4: expected an expression, found '*'")
        expectError("a = ()", "offset 5: expected an expression, found ')'")
        expectError("a = [1, ]", "offset 8: expected an expression, found ']'")
        expectError("a = +b", "offset 4: expected an expression, found '+'")
        expectError(" = b", "offset 1: expected an expression, found '='")
    }

    @Test func missingOperators() {
        expectError("a = eta x", "offset 8: expected an operator before 'x' (write '*' for a product)")
        expectError("a = 2x", "offset 5: expected an operator before 'x' (write '*' for a product)")
        expectError("a = eta (y - a)", "offset 8: expected an operator before '(' (write '*' for a product)")
        expectError("a = (b c)", "offset 7: expected an operator before 'c' (write '*' for a product)")
        expectError("a = [1(x)]", "offset 6: expected an operator before '(' (write '*' for a product)")
        expectError("a = W'(x)", "offset 6: expected an operator before '(' (write '*' for a product)")
    }

    @Test func relationShape() {
        expectError("theta_new", "offset 9: expected '=' after the left-hand side (a relation is 'lhs = rhs'), found the end of the relation")
        expectError("a , b", "offset 2: expected '=' after the left-hand side (a relation is 'lhs = rhs'), found ','")
        expectError("a = b = c", "offset 6: a relation has one '=', found a second")
        expectError("a = b; c", "offset 5: expected the end of the relation, found ';'")
        #expect(throws: RelationError(.expected("the end of the expression", found: "'='"), offset: 2)) {
            try Expression(parsing: "a = b")
        }
    }

    @Test func unexpectedCharacters() {
        expectError("a = b # c", "offset 6: unexpected character '#'")
        expectError("a = b & 2", "offset 6: unexpected character '&'")
        expectError("a = 2. * b", "offset 5: unexpected character '.'")
        expectError("σ = b²", "offset 5: unexpected character '²'")
    }

    @Test func emptyMatrix() {
        expectError("a = []", "offset 4: '[]' is empty: a matrix needs at least one entry")
    }

    @Test func unknownFunctionsSuggestCloseNames() {
        expectError("a = sigmod(n)", "offset 4: unknown function 'sigmod' (did you mean 'sigmoid'?)")
        expectError("a = rleu'(n)", "offset 4: unknown function 'rleu' (did you mean 'relu'?)")
        expectError("a = Relu(n)", "offset 4: unknown function 'Relu' (did you mean 'relu' or 'ReLU'?)")
        expectError(
            "a = frobnicate(n)",
            "offset 4: unknown function 'frobnicate'; the functions are sigmoid, tanh, relu, leaky_relu, elu, hardlim, linear, softmax, exp, sqrt, sign, log, sum, mean, max")
    }

    @Test func derivativesOnlyOfActivations() {
        expectError(
            "a = softmax'(n)",
            "offset 4: 'softmax' has no derivative form; derivatives exist for sigmoid, tanh, relu, hardlim and linear")
        expectError(
            "a = relu_prime'(n)",
            "offset 4: 'relu_prime' has no derivative form; derivatives exist for sigmoid, tanh, relu, hardlim and linear")
    }

    @Test func argumentCounts() {
        expectError("a = relu(n, m)", "offset 4: 'relu' takes 1 argument, found 2")
        expectError("a = sum()", "offset 4: 'sum' takes 1 or 2 arguments, found 0")
        expectError("a = relu'(n, m)", "offset 4: 'relu'' takes 1 argument, found 2")
    }

    // MARK: - Evaluation

    static let record = Bindings([
        "theta": Matrix(column: [0, 0, 0]), "theta_new": Matrix(column: [0, 0, 0]), "eta": Matrix(scalar: 0.1),
        "x": Matrix(row: [1, 1]), "W1": Matrix([[1, 1], [1, 1]]), "W2": Matrix(column: [1, 1]),
        "big": Matrix(rows: 3, columns: 3, repeating: 1),
    ])

    @Test func unknownNamesSuggestRecordedOnes() {
        expectError(
            "thetanew = theta", "offset 0: 'thetanew' was not recorded at this step (did you mean 'theta_new'?)",
            bindings: Self.record)
        expectError(
            "a = W3", "offset 0: 'a' was not recorded at this step; recorded: W1, W2, big, eta, theta, theta_new, x",
            bindings: Self.record)
        expectError(
            "x = W3", "offset 4: 'W3' was not recorded at this step (did you mean 'W1' or 'W2'?)",
            bindings: Self.record)
        expectError(
            "sum = 1", "offset 0: 'sum' was not recorded at this step ('sum' is a function: write 'sum(…)')",
            bindings: Bindings([:]))
    }

    @Test func shapeMismatchesNameBothShapesAndTheOperator() {
        expectError(
            "x = x + big",
            "offset 6: '+' cannot combine shapes 1×2 and 3×3: entry-wise operands need equal shapes, or a 1×1, 1×n or m×1 operand that repeats to fit",
            bindings: Self.record)
        expectError(
            "x = x ⊙ big",
            "offset 6: '⊙' cannot combine shapes 1×2 and 3×3: entry-wise operands need equal shapes, or a 1×1, 1×n or m×1 operand that repeats to fit",
            bindings: Self.record)
        expectError(
            "x = x * x",
            "offset 6: '*' cannot combine shapes 1×2 and 1×2: a matrix product needs the left operand's columns (2) to equal the right operand's rows (1); write '.*' for an entry-wise product",
            bindings: Self.record)
        expectError(
            "x = x / x", "offset 6: '/' divides by a 1×1 scalar, but the divisor is 1×2 (write './' for element-wise division)",
            bindings: Self.record)
    }

    @Test func concatenationMismatches() {
        expectError(
            "x = [1, theta]",
            "offset 8: '[ , ]' cannot combine shapes 1×1 and 3×1: elements side by side need the same number of rows",
            bindings: Self.record)
        expectError(
            "x = [x; 1]",
            "offset 8: '[ ; ]' cannot combine shapes 1×2 and 1×1: rows stacked on each other need the same number of columns",
            bindings: Self.record)
    }

    @Test func axisOfSumAndMean() {
        expectError(
            "x = sum(x, 3)",
            "offset 11: the second argument of 'sum' is the axis, 1 (down the rows) or 2 (across the columns), found 3",
            bindings: Self.record)
        expectError(
            "x = mean(x, x)",
            "offset 12: the second argument of 'mean' is the axis, 1 (down the rows) or 2 (across the columns), found a 1×2 matrix",
            bindings: Self.record)
    }

    @Test func theFirstErrorInEvaluationOrderIsReported() {
        // The left operand is evaluated first, so its unknown name wins over the shape error.
        expectError(
            "x = nope + (x * x)", "offset 4: 'nope' was not recorded at this step; recorded: x",
            bindings: Bindings(["x": Matrix(row: [1, 2])]))
    }
}
