import Relations

extension RelationSensitivity {
    /// Why a relation that cannot fail is refused, and what to write instead, or `nil` when it
    /// checks something.
    ///
    /// `hardlim'(n1) = 0 * n1` gives "cannot fail: changing n1 by one part in a million leaves
    /// both sides as they were, so it checks nothing the engine computed; …".
    func refusal(of relation: Relation) -> String? {
        guard case let .cannotFail(names, partly) = self else { return nil }
        let listed = names.map { "'\($0)'" }
        let what: String
        if !partly.isEmpty {
            what = "changing some entries of \(Self.list(partly.map { "'\($0)'" })) by one part in a million leaves it holding, so part of what the engine computed goes unchecked"
        } else if names.isEmpty {
            what = "it names no recorded quantity, so it checks nothing the engine computed"
        } else {
            what = "changing \(names.count == 1 ? listed[0] : "any of " + Self.list(listed)) by one part in a million leaves both sides as they were, so it checks nothing the engine computed"
        }
        return "the relation cannot fail: \(what); put a quantity the engine recorded on one side and the formula "
            + "that should give it on the other, as in '\(Self.example(for: relation))'"
    }

    /// A relation of the same kind that can fail: the layer's output for a function of its net
    /// input, the sensitivity for a derivative.
    static func example(for relation: Relation) -> String {
        var calls: [(name: String, derivative: Bool, argument: String)] = []
        func visit(_ expression: Expression) {
            switch expression.kind {
            case let .call(call, arguments):
                if case let .quantity(argument) = arguments.first?.kind, call.function.hasDerivative {
                    calls.append((call.function.rawValue, call.isDerivative, argument))
                }
                arguments.forEach(visit)
            case let .negation(operand), let .transpose(operand, _), let .parenthesized(operand): visit(operand)
            case let .binary(_, lhs, rhs):
                visit(lhs)
                visit(rhs)
            case let .matrix(rows): rows.joined().forEach(visit)
            case .quantity, .number: break
            }
        }
        visit(relation.lhs)
        visit(relation.rhs)
        guard let call = calls.first, call.argument.first == "n", let layer = Int(call.argument.dropFirst()) else {
            return "a1 = sigmoid(n1)"
        }
        if call.derivative {
            return "s\(layer) = (s\(layer + 1) * W\(layer + 1)') .* \(call.name)'(n\(layer))"
        }
        return "a\(layer) = \(call.name)(n\(layer))"
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
