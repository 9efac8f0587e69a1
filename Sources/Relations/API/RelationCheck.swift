import Engine

/// Whether a relation holds for the recorded numbers: its right-hand side, evaluated, against
/// its left-hand side, entry by entry.
///
/// Entries `a` (left) and `b` (right) agree when
/// ```
/// a == b   or   |a − b| ≤ relativeTolerance · max(1, |a|, |b|)
/// ```
/// with `relativeTolerance` 1e-9 unless asked otherwise: relative for large entries, absolute
/// (1e-9) for entries of magnitude below 1. Equal infinities agree; NaN agrees with nothing.
/// The relation holds when both sides have the same shape and every entry agrees.
public struct RelationCheck: Sendable, Hashable, CustomStringConvertible {
    /// The tolerance the lesson runner uses.
    public static let defaultRelativeTolerance = 1e-9

    /// How a check came out.
    public enum Outcome: Sendable, Hashable {
        /// Every entry agrees.
        case held
        /// The entry at `(row, column)` (from 0, row-major, the first that disagrees) does not agree.
        case valuesDiffer(row: Int, column: Int)
        /// The two sides have different shapes.
        case shapesDiffer
    }

    /// The relation with both sides evaluated.
    public var filled: FilledRelation
    /// The relative tolerance the entries were compared with.
    public var relativeTolerance: Double
    /// How the check came out.
    public var outcome: Outcome
    /// The largest `|a − b|` over the entries: 0 where they are equal (infinities included),
    /// infinity where one is NaN or the shapes differ.
    public var maximumDeviation: Double

    /// Compares the two sides of an evaluated relation.
    public init(_ filled: FilledRelation, relativeTolerance: Double = defaultRelativeTolerance) {
        self.filled = filled
        self.relativeTolerance = relativeTolerance
        let lhs = filled.lhs.value, rhs = filled.rhs.value
        guard lhs.rows == rhs.rows && lhs.columns == rhs.columns else {
            outcome = .shapesDiffer
            maximumDeviation = .infinity
            return
        }
        var outcome = Outcome.held
        var maximumDeviation = 0.0
        for (index, (a, b)) in zip(lhs.values, rhs.values).enumerated() {
            let deviation = a == b ? 0 : (abs(a - b).isNaN ? .infinity : abs(a - b))
            maximumDeviation = max(maximumDeviation, deviation)
            let agrees = a == b || (deviation.isFinite && deviation <= relativeTolerance * max(1, abs(a), abs(b)))
            if !agrees && outcome == .held {
                outcome = .valuesDiffer(row: index / lhs.columns, column: index % lhs.columns)
            }
        }
        self.outcome = outcome
        self.maximumDeviation = maximumDeviation
    }

    /// Whether the relation holds.
    public var held: Bool { outcome == .held }
    /// The recorded left-hand side.
    public var lhs: Matrix { filled.lhs.value }
    /// The evaluated right-hand side.
    public var rhs: Matrix { filled.rhs.value }

    /// One line saying whether the relation holds, and where and by how much it fails
    /// (rows and columns counted from 1, values in full precision).
    public var description: String {
        func full(_ value: Double) -> String { PlainText.shortest(value) }
        switch outcome {
        case .held:
            return "holds: \(filled.relation) (largest deviation \(full(maximumDeviation)))"
        case .shapesDiffer:
            return "does not hold: \(filled.relation): the left-hand side is \(lhs.shapeDescription) "
                + "but the right-hand side is \(rhs.shapeDescription)"
        case .valuesDiffer(let row, let column):
            let a = lhs[row, column], b = rhs[row, column]
            let position = lhs.isScalar ? "" : " at row \(row + 1), column \(column + 1)"
            if a.isNaN || b.isNaN {
                let sides = a.isNaN && b.isNaN
                    ? "both sides are NaN"
                    : a.isNaN ? "the left-hand side is NaN and the right-hand side \(full(b))"
                    : "the left-hand side is \(full(a)) and the right-hand side NaN"
                return "does not hold: \(filled.relation):\(position) \(sides); NaN (not a number, as 0/0 and ∞ − ∞ give) "
                    + "equals nothing, not even NaN"
            }
            return "does not hold: \(filled.relation):\(position) the left-hand side is \(full(a)) "
                + "but the right-hand side is \(full(b)) (largest deviation \(full(maximumDeviation)), "
                + "allowed \(full(relativeTolerance))·max(1, |a|, |b|))"
        }
    }
}

extension Relation {
    /// Evaluates the relation against `bindings` and compares its sides.
    ///
    /// - Throws: a `RelationError` when a name has no value or shapes do not fit; a relation
    ///   that evaluates but does not hold is not an error (see `RelationCheck.held`).
    public func check(
        with bindings: Bindings, relativeTolerance: Double = RelationCheck.defaultRelativeTolerance
    ) throws(RelationError) -> RelationCheck {
        RelationCheck(try evaluate(with: bindings), relativeTolerance: relativeTolerance)
    }

    /// Parses `text` and checks the relation against `bindings`.
    ///
    /// - Throws: a `RelationError` for a syntax mistake, a name without a value or shapes that do not fit.
    public static func check(
        _ text: String, with bindings: Bindings, relativeTolerance: Double = RelationCheck.defaultRelativeTolerance
    ) throws(RelationError) -> RelationCheck {
        try Relation(parsing: text).check(with: bindings, relativeTolerance: relativeTolerance)
    }
}
