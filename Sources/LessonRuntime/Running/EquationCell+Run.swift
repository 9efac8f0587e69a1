import Engine
import LessonFormat
import MathML
import Relations
import Report

extension EquationCell: RunnableCell {
    var requestedSteps: [TraceStep] {
        relations.isEmpty ? [] : step.requestedSteps
    }

    /// Shows the formula; with `numbers`, fills each relation in with the recorded values and
    /// checks it. Nothing here stops the chapter, because the session is still valid after it:
    /// a relation that does not hold, that cannot fail, or that cannot be evaluated (a name
    /// not recorded, shapes that do not fit, a step that was not recorded) fails the chapter
    /// and the cells below still run. With `expect: fail`, failing is what the lesson shows,
    /// and holding is the mistake.
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let number = session.equationNumbers.byLine[cell.position.line]
        guard !relations.isEmpty else {
            session.append(number.map { .numberedMath(tex, number: $0) } ?? .math(tex))
            if let caption { session.append(.prose(caption)) }
            return
        }
        let checks: [Checked]
        do {
            checks = try self.checks(cell, in: session)
        } catch where error.isSkip {
            session.append(.note(error.message))
            return
        } catch {
            session.append(.error(ReportError(error)))
            session.recordFailure(error)
            return
        }
        let significant = digits ?? session.header.digits, shown = columns ?? 6
        func filledIn(digits: Int, columns: Int, width: Double) -> [String] {
            checks.map {
                $0.check.filled.tex(
                    format: NumberFormat(significantDigits: digits),
                    layout: MatrixLayout(maxRows: max(6, shown), maxColumns: columns), width: width)
            }
        }
        let wide = filledIn(digits: significant, columns: shown, width: Self.wideWidth)
        let narrow = filledIn(digits: min(significant, 3), columns: min(shown, 3), width: Self.narrowWidth)
        var block = RelationBlock(
            symbolic: tex, numericLines: wide, narrowLines: narrow, step: step.description, checks: checks.map(\.verdict))
        block.number = number
        session.append(.relation(block))
        if let caption { session.append(.prose(caption)) }
        for checked in checks {
            switch checked.verdict {
            case let .fails(message):
                let what = checked.refusal == nil ? "the relation does not hold at \(step): " : ""
                session.recordFailure(LessonError(.failed(what + message), at: checked.position))
            case .holds where expectsFailure:
                session.recordFailure(
                    LessonError(
                        .failed("the relation holds at \(step), but the cell says 'expect: fail'; remove it, or make the mistake it shows"),
                        at: checked.position))
            default:
                break
            }
        }
    }

    /// The width, in em of the math font, a filled-in relation may take on a screen or page:
    /// the report's column (46rem less padding, at 1.08 × 17 px math) holds 40 em, and
    /// `MathML.estimatedWidth` can be 11 % short.
    static let wideWidth = 34.0
    /// The width for a 390 px phone: 343 px at the smaller math the stylesheet sets there
    /// (16.4 px) hold 21 em.
    static let narrowWidth = 18.0

    /// One relation checked: the check, whether it can fail, and the verdict the report shows.
    struct Checked {
        var check: Relations.RelationCheck
        var refusal: String?
        var verdict: RelationVerdict
        var position: SourcePosition
    }

    /// Every relation of the cell checked against the quantities at its step.
    ///
    /// - Throws: the first relation that cannot be evaluated, at the mistake's position; an
    ///   error at `at` when the step was not recorded.
    func checks(_ cell: Cell, in session: Session) throws(LessonError) -> [Checked] {
        let quantities = try step.quantities(for: cell, in: session, at: stepPosition)
        var checks = [Checked]()
        for (relation, value) in zip(relations, numbersValues) {
            let check = try self.check(relation, written: value, in: cell, with: quantities.bindings)
            let refusal = relation.sensitivity(of: check.filled, with: quantities.bindings).refusal(of: relation)
            var verdict = Self.outcome(of: check)
            if let refusal {
                verdict = .fails(refusal)
            } else if expectsFailure, case let .fails(message) = verdict {
                verdict = .failsAsExpected(message)
            }
            checks.append(Checked(check: check, refusal: refusal, verdict: verdict, position: value.position))
        }
        return checks
    }

    /// `relation` evaluated against `bindings` and its sides compared.
    ///
    /// - Throws: a name that was not recorded or shapes that do not fit, at the mistake.
    func check(_ relation: Relation, written value: LessonValue, in cell: Cell, with bindings: Bindings) throws(LessonError)
        -> Relations.RelationCheck
    {
        do {
            return try relation.check(with: bindings)
        } catch {
            throw LessonError(
                .failed("cannot evaluate 'numbers' at \(step): \(error.message)"),
                at: cell.position(ofCharacter: error.offset, in: value))
        }
    }

    /// The report's wording of a check: the largest difference between the sides as a
    /// fraction of the terms' size when it holds, where and by how much it fails otherwise.
    static func outcome(of check: Relations.RelationCheck) -> RelationVerdict {
        guard check.held else {
            var message = check.description
            if message.hasPrefix("does not hold: ") { message.removeFirst("does not hold: ".count) }
            return .fails(message)
        }
        return .holds(largestDeviation: check.largestRelativeDeviation, tolerance: check.relativeTolerance)
    }
}
