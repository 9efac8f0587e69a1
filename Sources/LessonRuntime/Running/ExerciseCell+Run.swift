import Engine
import LessonFormat
import MathML
import Relations
import Report

extension ExerciseCell: RunnableCell {
    var requestedSteps: [TraceStep] {
        if case let .expression(_, _, step, _, _) = source { return step.requestedSteps }
        return []
    }

    /// Shows the exercise with the answer the engine computed. Nothing here stops the chapter: an
    /// answer that cannot be computed (a name not recorded, a result not measured) fails the
    /// chapter where the cell stands, and the cells below still run.
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let answer: String
        do {
            answer = try self.answer(cell, in: session, rehearsing: false)
        } catch where error.isSkip {
            session.append(.note(error.message))
            return
        } catch {
            session.append(.error(ReportError(error)))
            session.recordFailure(error)
            return
        }
        // The runner numbers the exercises by their place in the lesson; cells run on their own
        // (in tests) count the exercises shown so far.
        let number =
            session.exerciseNumbers[cell.position.line]
            ?? session.blocks.filter { if case .exercise = $0 { true } else { false } }.count + 1
        session.append(
            .exercise(ExerciseBlock(number: number, question: question, hint: hint, answer: answer, explanation: explanation)))
    }

    /// Computes the answer without training (`lessons check`): every name and shape at the step,
    /// the step itself, and a named result that a cell above will measure.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] {
        do {
            _ = try answer(cell, in: session, rehearsing: true)
            return []
        } catch {
            return [error]
        }
    }

    /// The answer as Markdown: the expression's value at its step as display math (after the
    /// cell's `tex` and `=`), or the named result.
    ///
    /// - Parameter rehearsing: when `lessons check` reads the lesson, a result that training will
    ///   measure is only checked to be measured by a cell above.
    /// - Throws: an error at the mistake: a name not recorded, shapes that do not fit, a step not
    ///   recorded, a result no cell above measures.
    func answer(_ cell: Cell, in session: Session, rehearsing: Bool) throws(LessonError) -> String {
        let significant = digits ?? session.header.digits
        switch source {
        case let .expression(expression, written, step, stepPosition, tex):
            let quantities = try step.quantities(for: cell, in: session, at: stepPosition)
            let filled: FilledExpression
            do {
                filled = try expression.evaluate(with: quantities.bindings)
            } catch {
                throw LessonError(
                    .failed("cannot evaluate 'answer' at \(step): \(error.message)"),
                    at: cell.position(ofCharacter: error.offset, in: written))
            }
            let value = Self.tex(
                filled.value, format: NumberFormat(significantDigits: significant),
                layout: MatrixLayout(maxRows: max(6, columns ?? 6), maxColumns: columns ?? 6))
            return "$$" + (tex.map { $0 + " = " } ?? "") + value + "$$"
        case let .result(result, position):
            if rehearsing, session.willMeasure(result) { return "" }
            guard let text = session.measured(result, significantDigits: significant) else {
                throw LessonError(
                    .invalidValue(
                        key: "result", in: "exercise cell",
                        message: "names the \(result.rawValue), which no cell above measures: \(result.measuredBy) measures it"),
                    at: position)
            }
            return result.rawValue.prefix(1).uppercased() + result.rawValue.dropFirst() + ": **\(text)**"
        }
    }

    /// A value as TeX: a number for 1×1, a `bmatrix` otherwise.
    static func tex(_ matrix: Matrix, format: NumberFormat, layout: MatrixLayout) -> String {
        matrix.rows == 1 && matrix.columns == 1
            ? TeX.number(matrix.values[0], format: format) : TeX.matrix(matrix.rowArrays, format: format, layout: layout)
    }
}

extension Session {
    /// The result as the answer shows it, with `significantDigits` (an accuracy as a percentage),
    /// or `nil` when no cell above has measured it.
    func measured(_ result: ExerciseCell.Result, significantDigits: Int) -> String? {
        func number(_ value: Double?) -> String? { value.map { NumberText.format($0, significantDigits: significantDigits) } }
        func percent(_ value: Double?) -> String? {
            value.map { NumberText.format($0 * 100, significantDigits: significantDigits) + " %" }
        }
        switch result {
        case .epochs: return metrics.epochs.map(String.init)
        case .converged: return metrics.converged.map { $0 ? "yes" : "no" }
        case .finalLoss: return number(metrics.finalTrainingLoss)
        case .trainingAccuracy: return percent(metrics.trainingAccuracy)
        case .validationAccuracy: return percent(metrics.validationAccuracy)
        case .testAccuracy: return percent(metrics.testAccuracy)
        case .trainingMSE: return number(metrics.trainingMSE)
        case .validationMSE: return number(metrics.validationMSE)
        case .testMSE: return number(metrics.testMSE)
        case .trainingRSquared: return number(metrics.trainingRSquared)
        case .validationRSquared: return number(metrics.validationRSquared)
        case .testRSquared: return number(metrics.testRSquared)
        }
    }

    /// Whether a run will have measured `result` when it reaches this point, as `lessons check`
    /// sees the lesson: the train cell above plans its run (so measures nothing yet), and the
    /// evaluate cells above have run on the untrained network.
    func willMeasure(_ result: ExerciseCell.Result) -> Bool {
        let trains = plannedTraining != nil || training != nil
        let rule = lastTrain?.rule
        switch result {
        case .epochs: return trains
        case .converged: return trains && rule == .perceptron
        case .finalLoss: return trains && rule == .gradientDescent
        case .trainingAccuracy:
            return metrics.trainingAccuracy != nil
                || (trains && rule == .gradientDescent && data.map { !$0.training.isRegression } == true)
        default: return measured(result, significantDigits: 4) != nil
        }
    }
}
