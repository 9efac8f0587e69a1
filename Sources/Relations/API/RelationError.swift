/// A mistake in a `numbers` relation, or a relation that cannot be evaluated, with its position.
///
/// `offset` counts **characters** (Swift `Character`s, that is extended grapheme clusters)
/// from the start of the relation's text, starting at 0. A character such as `σ`, `ᵀ` or `⊙`
/// counts as one, as an editor's column does, so the lesson runner finds the column in the
/// lesson file by adding `offset` to the column where the relation's text begins (on the same
/// line). An error at the end of the text has `offset` equal to the text's character count.
///
/// `description` is `offset N: message`; the runner replaces the prefix with `file:line:column:`.
public struct RelationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A relation of more than `maximum` tokens (names, numbers, operators, brackets).
        case tooLong(maximum: Int)
        /// A character the language does not use.
        case unexpectedCharacter(Character)
        /// Something else stood where `expected` was needed; `found` describes it.
        case expected(String, found: String)
        /// A bracket was not closed: `closing` was expected for the `opening` at `openingOffset`.
        case unclosed(closing: String, opening: String, openingOffset: Int, found: String)
        /// A closing bracket without an opening one.
        case unmatched(String)
        /// Two operands stood side by side without an operator; `found` is the second one.
        case missingOperator(found: String)
        /// A relation with a second `=`.
        case secondEquals
        /// `[]`.
        case emptyMatrix
        /// A call of a function the language does not have.
        case unknownFunction(String, suggestions: [String])
        /// A derivative of a function that has none (`softmax'`, `exp'`).
        case noDerivative(String)
        /// A function called with the wrong number of arguments.
        case argumentCount(function: String, expected: ClosedRange<Int>, found: Int)
        /// A name with no recorded value; `suggestions` are close names, `known` all names.
        case unknownQuantity(String, suggestions: [String], known: [String])
        /// Operands whose shapes an operator cannot combine; `reason` says what it needs.
        case shapeMismatch(operator: String, lhs: String, rhs: String, reason: String)
        /// A divisor of `/` that is not 1×1.
        case divisorNotScalar(String)
        /// An exponent of `^` that is not 1×1.
        case exponentNotScalar(String)
        /// A name in a function of numbers that is not one of its variables.
        case unknownVariable(String, suggestions: [String], variables: [String])
        /// Something a function of numbers (`ScalarFunction`) cannot hold: a transpose, a matrix.
        case notScalar(String)
        /// An exponent of `^` in a function of numbers that depends on a variable.
        case variableExponent
        /// A step (`hardlim`, `sign`) in a function to be differentiated: its slope is 0 or undefined.
        case stepFunction(String)
        /// The axis argument of `sum` or `mean` was not 1 or 2.
        case invalidAxis(function: String, found: String)
        /// An activation's parameter (`leaky_relu(n, α)`) that is not one finite number.
        case invalidParameter(function: String, found: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// The character offset it happened at (see the type's discussion).
    public var offset: Int

    /// Creates an error.
    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// `offset N: message`.
    public var description: String { "offset \(offset): \(message)" }

    /// The error's position as a count of UTF-8 bytes before it in `text`, the relation's text,
    /// for tools that count bytes rather than characters.
    public func utf8Offset(in text: String) -> Int {
        text.prefix(offset).utf8.count
    }

    /// The message without the position.
    public var message: String {
        switch kind {
        case .tooLong(let maximum):
            return "the relation is too long: at most \(maximum) names, numbers, operators and brackets"
        case .unexpectedCharacter(let character):
            return "unexpected character '\(character)'"
        case .expected(let what, let found):
            return "expected \(what), found \(found)"
        case .unclosed(let closing, let opening, let openingOffset, let found):
            return "expected '\(closing)' to close '\(opening)' at offset \(openingOffset), found \(found)"
        case .unmatched(let bracket):
            return "'\(bracket)' has no matching '\(bracket == ")" ? "(" : "[")'"
        case .missingOperator(let found):
            return "expected an operator before \(found) (write '*' for a product)"
        case .secondEquals:
            return "a relation has one '=', found a second"
        case .emptyMatrix:
            return "'[]' is empty: a matrix needs at least one entry"
        case .unknownFunction(let name, let suggestions):
            let list = Function.allCases.map { $0.rawValue }.joined(separator: ", ")
            return "unknown function '\(name)'" + Self.didYouMean(suggestions, otherwise: "; the functions are \(list)")
        case .noDerivative(let name):
            return "'\(name)' has no derivative form; derivatives exist for sigmoid, tanh, relu, hardlim and linear"
        case .argumentCount(let function, let expected, let found):
            let count =
                expected.lowerBound == expected.upperBound
                ? "\(expected.lowerBound) argument\(expected.lowerBound == 1 ? "" : "s")"
                : "\(expected.lowerBound) or \(expected.upperBound) arguments"
            return "'\(function)' takes \(count), found \(found)"
        case .unknownQuantity(let name, let suggestions, let known):
            var message = "'\(name)' was not recorded at this step"
            if Function.named(name) != nil { message += " ('\(name)' is a function: write '\(name)(…)')" }
            let listed = known.count <= 24 ? known.joined(separator: ", ") : known.prefix(24).joined(separator: ", ") + ", …"
            return message + Self.didYouMean(suggestions, otherwise: known.isEmpty ? "" : "; recorded: \(listed)")
        case .shapeMismatch(let op, let lhs, let rhs, let reason):
            return "'\(op)' cannot combine shapes \(lhs) and \(rhs): \(reason)"
        case .divisorNotScalar(let shape):
            return "'/' divides by a 1×1 scalar, but the divisor is \(shape) (write './' for element-wise division)"
        case .exponentNotScalar(let shape):
            return "'^' raises each entry to a 1×1 exponent, but the exponent is \(shape)"
        case .unknownVariable(let name, let suggestions, let variables):
            let list = variables.count <= 1 ? variables.joined() : variables.dropLast().joined(separator: ", ") + " and " + variables.last!
            return "'\(name)' is not a variable" + Self.didYouMean(suggestions, otherwise: ": the function's variables are \(list)")
        case .notScalar(let what):
            return "a function of numbers cannot hold \(what)"
        case .variableExponent:
            return "the exponent of '^' must be a number, not an expression of the variables"
        case .stepFunction(let name):
            return "'\(name)' is a step: its slope is 0 wherever it has one, so it gives gradient descent nothing to follow"
        case .invalidAxis(let function, let found):
            return "the second argument of '\(function)' is the axis, 1 (down the rows) or 2 (across the columns), found \(found)"
        case .invalidParameter(let function, let found):
            return "the second argument of '\(function)' is its parameter α, one finite number, found \(found)"
        }
    }

    private static func didYouMean(_ suggestions: [String], otherwise: String) -> String {
        guard !suggestions.isEmpty else { return otherwise }
        let quoted = suggestions.map { "'\($0)'" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        return " (did you mean \(list)?)"
    }
}
