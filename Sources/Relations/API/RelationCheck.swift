import Engine

/// Whether a relation holds for the recorded numbers: its right-hand side, evaluated, against
/// its left-hand side, entry by entry, each judged against the size of the terms that formed it.
///
/// Entries `a` (left) and `b` (right) agree when
/// ```
/// a == b   or   |a − b| ≤ relativeTolerance · M      M = max(|a|ₘ, |b|ₘ)
/// ```
/// where `|·|ₘ` is the entry's magnitude, the size of the terms the evaluator added up to form
/// it (`FilledExpression.magnitude`; for `x * W + b`, `Σᵢ |xᵢ| |Wᵢⱼ| + |bⱼ|`; a recorded name's
/// magnitude is its absolute value). `relativeTolerance` is 1e-9 unless asked otherwise, so a
/// value that did not cancel is checked to about nine significant digits whatever its size,
/// and one that cancels (a gradient of 10⁻¹⁷ formed from terms near 1) is judged against its
/// terms. Where `M` is 0 or subnormal the floor is four units in the last place of `M`. Equal
/// infinities agree; NaN agrees with nothing; where `M` is not finite only equal entries agree.
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
    /// The tolerance, as a fraction of the size of each entry's terms.
    public var relativeTolerance: Double
    /// How the check came out.
    public var outcome: Outcome
    /// The largest `|a − b|` over the entries: 0 where they are equal (infinities included),
    /// infinity where one is NaN or the shapes differ.
    public var maximumDeviation: Double
    /// The largest `|a − b| / M` over the entries, the number compared with `relativeTolerance`:
    /// 0 where they are equal, infinity where one is NaN or the shapes differ.
    public var largestRelativeDeviation: Double

    /// The size `M` of the terms behind the entry at `index` of both sides (row-major).
    static func scale(_ filled: FilledRelation, at index: Int) -> Double {
        let a = filled.lhs.value.values[index], b = filled.rhs.value.values[index]
        return max(filled.lhs.magnitude.values[index], filled.rhs.magnitude.values[index], abs(a), abs(b))
    }

    /// Whether `a` and `b` agree for terms of size `scale`.
    static func agree(_ a: Double, _ b: Double, scale: Double, relativeTolerance: Double) -> Bool {
        if a == b { return true }
        let deviation = abs(a - b)
        guard deviation.isFinite, scale.isFinite else { return false }
        return deviation <= max(relativeTolerance * scale, 4 * scale.ulp)
    }

    /// Compares the two sides of an evaluated relation.
    public init(_ filled: FilledRelation, relativeTolerance: Double = defaultRelativeTolerance) {
        self.filled = filled
        self.relativeTolerance = relativeTolerance
        let lhs = filled.lhs.value, rhs = filled.rhs.value
        guard lhs.rows == rhs.rows && lhs.columns == rhs.columns else {
            outcome = .shapesDiffer
            maximumDeviation = .infinity
            largestRelativeDeviation = .infinity
            return
        }
        var outcome = Outcome.held
        var maximumDeviation = 0.0, largestRelative = 0.0
        for index in lhs.values.indices {
            let a = lhs.values[index], b = rhs.values[index]
            let scale = Self.scale(filled, at: index)
            let deviation = a == b ? 0 : (abs(a - b).isNaN ? .infinity : abs(a - b))
            maximumDeviation = max(maximumDeviation, deviation)
            let relative = deviation == 0 ? 0 : (scale > 0 && scale.isFinite ? deviation / scale : .infinity)
            largestRelative = max(largestRelative, relative)
            if !Self.agree(a, b, scale: scale, relativeTolerance: relativeTolerance) && outcome == .held {
                outcome = .valuesDiffer(row: index / lhs.columns, column: index % lhs.columns)
            }
        }
        self.outcome = outcome
        self.maximumDeviation = maximumDeviation
        self.largestRelativeDeviation = largestRelative
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
            return "holds: \(filled.relation) (largest difference \(full(largestRelativeDeviation)) of the terms' size)"
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
            let scale = Self.scale(filled, at: row * lhs.columns + column)
            let size = scale.isFinite ? "of \(full(scale)), the size of the terms that formed it" : "of terms that are not finite (only equal values agree)"
            return "does not hold: \(filled.relation):\(position) the left-hand side is \(full(a)) "
                + "but the right-hand side is \(full(b)): they differ by \(full(abs(a - b))), "
                + "more than \(full(relativeTolerance)) \(size)"
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
