import Engine

/// Whether a relation can fail: whether it checks something the engine computed.
///
/// A relation checks a quantity `q` it names when changing `q` by one part in a million makes
/// the two sides differ by more than the tolerance, whichever part of `q` is changed: `q`'s
/// entries are split into up to 16 interleaved groups (entry `i` in group `i mod 16`), and
/// changing any one group must move some entry of `lhs − rhs` by more than twice the tolerance.
/// `hardlim'(n1) = 0 * n1` checks nothing (both sides are 0 whatever `n1` is), nor does
/// `sigmoid(n1) - sigmoid(n1) = 0 * n1`; `a1 = sigmoid(n1)` checks `a1` (and `n1`).
///
/// Each entry `v` is changed to `v · (1 + 10⁻⁶ u)`, which keeps its sign, and a zero entry to
/// `10⁻⁶ u · max |q|` (or `10⁻⁶ u` when `q` is all zeros), with `u` between ½ and 1 varying from
/// entry to entry so that changes do not cancel in a sum.
public enum RelationSensitivity: Sendable, Hashable {
    /// Changing `quantity` (any group of its entries) by one part in a million makes the relation fail.
    case checks(quantity: String)
    /// No quantity it names matters to every group of its entries; `partly` are those some of
    /// whose entries matter.
    case cannotFail(names: [String], partly: [String])

    /// How much a value is changed to test the relation: one part in a million.
    public static let change = 1e-6
    /// The most groups a quantity's entries are split into.
    public static let groups = 16

    /// Whether the relation checks something.
    public var canFail: Bool {
        if case .checks = self { return true }
        return false
    }
}

extension Relation {
    /// Whether the relation, evaluated to `filled` against `bindings`, checks any quantity it
    /// names (see `RelationSensitivity`). Names that make up a whole side are tried first, as
    /// changing them needs no evaluation of the other side.
    public func sensitivity(
        of filled: FilledRelation, with bindings: Bindings,
        relativeTolerance: Double = RelationCheck.defaultRelativeTolerance
    ) -> RelationSensitivity {
        let names = quantityNames
        let whole = [lhs, rhs].compactMap(\.wholeQuantity)
        let ordered = whole.filter(names.contains) + names.filter { !whole.contains($0) }
        var partly: [String] = []
        for name in ordered {
            guard let value = bindings[name], value.count > 0 else { continue }
            let groups = min(value.count, RelationSensitivity.groups)
            var changedGroups = 0
            for group in 0..<groups {
                let changed = Self.changed(value, group: group, of: groups)
                if moves(filled, when: name, becomes: changed, in: bindings, relativeTolerance: relativeTolerance) {
                    changedGroups += 1
                } else {
                    break
                }
            }
            if changedGroups == groups { return .checks(quantity: name) }
            if changedGroups > 0 { partly.append(name) }
        }
        return .cannotFail(names: names, partly: partly)
    }

    /// `value` with the entries of one group changed by about one part in a million.
    static func changed(_ value: Matrix, group: Int, of groups: Int) -> Matrix {
        let largest = value.values.reduce(0) { max($0, abs($1).isFinite ? abs($1) : 0) }
        let scale = largest > 0 ? largest : 1
        var values = value.values
        for index in stride(from: group, to: values.count, by: groups) {
            // u in [½, 1), from the golden ratio's multiples: different for neighbouring entries.
            let fraction = (Double(index) * 0.6180339887498949).truncatingRemainder(dividingBy: 1)
            let u = 0.5 + 0.5 * fraction
            let v = values[index]
            values[index] = v == 0 ? RelationSensitivity.change * u * scale : v * (1 + RelationSensitivity.change * u)
        }
        return Matrix(rows: value.rows, columns: value.columns, values: values)
    }

    /// Whether replacing `name` by `changed` moves some entry of `lhs − rhs` by more than twice
    /// the tolerance, so that a relation that held before fails.
    private func moves(
        _ filled: FilledRelation, when name: String, becomes changed: Matrix, in bindings: Bindings,
        relativeTolerance: Double
    ) -> Bool {
        let canonical = bindings.canonicalName(name)
        let replaced = bindings.replacing(name, with: changed)
        let evaluator = Evaluator(bindings: replaced)
        func side(_ expression: Expression, _ before: FilledExpression) -> FilledExpression? {
            guard expression.mentions(canonical, canonicalName: bindings.canonicalName) else { return before }
            return try? evaluator.evaluate(expression)
        }
        guard let left = side(lhs, filled.lhs), let right = side(rhs, filled.rhs) else { return false }
        let after = FilledRelation(relation: self, lhs: left, rhs: right)
        let a0 = filled.lhs.value, b0 = filled.rhs.value, a1 = left.value, b1 = right.value
        guard a0.shape == b0.shape, a1.shape == b1.shape, a0.shape == a1.shape else { return false }
        for index in a0.values.indices {
            let before = a0.values[index] - b0.values[index], now = a1.values[index] - b1.values[index]
            guard before.isFinite, now.isFinite else { continue }
            let scale = max(RelationCheck.scale(filled, at: index), RelationCheck.scale(after, at: index))
            guard scale.isFinite else { continue }
            if abs(now - before) > 2 * max(relativeTolerance * scale, 4 * scale.ulp) { return true }
        }
        return false
    }
}

extension Expression {
    /// The name this expression is, through parentheses and transposes, if it is a lone name.
    var wholeQuantity: String? {
        switch kind {
        case .quantity(let name): name
        case .parenthesized(let inner), .transpose(let inner, _): inner.wholeQuantity
        default: nil
        }
    }

    /// Whether the expression names the quantity whose canonical name is `canonical`.
    func mentions(_ canonical: String, canonicalName: (String) -> String) -> Bool {
        switch kind {
        case .quantity(let name): canonicalName(name) == canonical
        case .number: false
        case .negation(let operand), .transpose(let operand, _), .parenthesized(let operand):
            operand.mentions(canonical, canonicalName: canonicalName)
        case .binary(_, let lhs, let rhs):
            lhs.mentions(canonical, canonicalName: canonicalName) || rhs.mentions(canonical, canonicalName: canonicalName)
        case .call(_, let arguments): arguments.contains { $0.mentions(canonical, canonicalName: canonicalName) }
        case .matrix(let rows): rows.joined().contains { $0.mentions(canonical, canonicalName: canonicalName) }
        }
    }
}
