import Engine
import LessonFormat
import MathML
import Relations
import Report

extension EquationCell: RunnableCell {
    var requestedSteps: [TraceStep] {
        relation == nil ? [] : step.requestedSteps
    }

    /// Shows the formula; with `numbers`, fills the relation in with the recorded values and
    /// checks it. A relation that does not hold is shown as a failed check and fails the
    /// chapter, but the cells below still run (the session is still valid); with
    /// `expect: fail`, failing is what the lesson shows, and holding is the mistake.
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        guard let relation, let numbersValue else {
            session.append(.math(tex))
            if let caption { session.append(.prose(caption)) }
            return
        }
        let quantities = try step.quantities(for: cell, in: session, at: stepPosition)
        let check: Relations.RelationCheck
        do {
            check = try relation.check(with: quantities.bindings)
        } catch {
            throw LessonError(
                .failed("cannot evaluate 'numbers' at \(step): \(error.message)"),
                at: cell.position(ofCharacter: error.offset, in: numbersValue))
        }
        let format = NumberFormat(significantDigits: digits ?? session.header.digits)
        let numeric = check.filled.tex(format: format, layout: MatrixLayout(maxColumns: columns ?? 6))
        var outcome = Self.outcome(of: check)
        if expectsFailure, case let .fails(message) = outcome { outcome = .failsAsExpected(message) }
        session.append(.relation(RelationBlock(symbolic: tex, numeric: numeric, step: step.description, check: outcome)))
        if let caption { session.append(.prose(caption)) }
        switch outcome {
        case let .fails(message):
            session.recordFailure(
                LessonError(.failed("the relation does not hold at \(step): \(message)"), at: numbersValue.position))
        case .holds where expectsFailure:
            session.recordFailure(
                LessonError(
                    .failed("the relation holds at \(step), but the cell says 'expect: fail'; remove it, or make the mistake it shows"),
                    at: numbersValue.position))
        default:
            break
        }
    }

    /// The report's wording of a check: the largest relative difference when it holds, where
    /// and by how much it fails otherwise.
    static func outcome(of check: Relations.RelationCheck) -> RelationVerdict {
        guard check.held else {
            var message = check.description
            if message.hasPrefix("does not hold: ") { message.removeFirst("does not hold: ".count) }
            return .fails(message)
        }
        // The relative difference the tolerance is measured against: |a − b| / max(1, |a|, |b|).
        let largest = zip(check.lhs.values, check.rhs.values).reduce(0.0) { largest, pair in
            let (a, b) = pair
            return a == b ? largest : max(largest, abs(a - b) / max(1, abs(a), abs(b)))
        }
        return .holds(largestDeviation: largest, tolerance: check.relativeTolerance)
    }
}
