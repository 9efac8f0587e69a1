import LessonFormat
import MathML
import Relations

/// An `exercise` cell: a question for the reader, and an answer the engine computes, shown
/// folded under it with an optional hint.
///
/// ```yaml
/// question: What is $\mathbf{w}$ after the second update?
/// answer: W_new                  # a `numbers` expression at a step, as an equation cell's
/// at: {epoch: 1, sample: 2}      # default epoch 1, step 1; or {iteration: 7}, {input: 3}
/// tex: \mathbf{w}(2)             # what the answer is shown as equal to, if anything
/// hint: The rule changes $\mathbf{w}$ only when $e \ne 0$.
/// explanation: $e = 1$, so $\mathbf{w}$ gains $\eta\,\mathbf{x}$.
/// ```
/// or, instead of `answer` and `at`, `result: test accuracy`: a number the chapter has measured
/// by then (see ``ExerciseCell/Result``). The answer is formatted with the chapter's `digits`
/// (or the cell's own).
struct ExerciseCell: Sendable {
    /// The keys an exercise cell may hold.
    static let keys = ["question", "answer", "at", "tex", "result", "hint", "explanation", "digits", "columns"]

    /// The question (Markdown with math).
    var question: String
    /// Where the answer comes from.
    var source: Source
    /// A hint (Markdown with math), if any.
    var hint: String?
    /// Markdown shown with the answer, if any.
    var explanation: String?
    /// Significant digits of the answer, if the cell overrides the lesson's.
    var digits: Int?
    /// The most columns of a vector or matrix answer shown before the ⋯ (default 6).
    var columns: Int?

    /// What the answer is.
    enum Source: Sendable {
        /// A `numbers` expression evaluated at a step: the expression, its text as written,
        /// the step, where the `at` key is (the cell when absent), and the TeX the value is
        /// shown as equal to, if any.
        case expression(Expression, written: LessonValue, step: StepSelection, stepPosition: SourcePosition, tex: String?)
        /// A number the chapter measured, and where the key is.
        case result(Result, position: SourcePosition)
    }

    /// A number a chapter measures, which an exercise can ask for by name: the labels of the
    /// table of contents' headline numbers, and the final loss.
    enum Result: String, Sendable, CaseIterable {
        case epochs
        case converged
        case finalLoss = "final loss"
        case trainingAccuracy = "training accuracy"
        case validationAccuracy = "validation accuracy"
        case testAccuracy = "test accuracy"
        case trainingMSE = "training MSE"
        case validationMSE = "validation MSE"
        case testMSE = "test MSE"
        case trainingRSquared = "training R²"
        case validationRSquared = "validation R²"
        case testRSquared = "test R²"

        /// The result `name` names (`R2` for `R²`), if any.
        init?(named name: String) {
            let spelled = name.replacingOccurrences(of: "R2", with: "R²")
            guard let result = Self(rawValue: spelled) else { return nil }
            self = result
        }

        /// The cells that measure it, for the message when none above has.
        var measuredBy: String {
            switch self {
            case .epochs: "a train cell"
            case .converged: "a train cell with 'rule: perceptron'"
            case .finalLoss: "a train cell with 'rule: gradient-descent'"
            case .trainingAccuracy: "a gradient-descent train cell on classes, or an evaluate cell with 'on: training'"
            case .validationAccuracy, .validationMSE, .validationRSquared: "an evaluate cell with 'on: validation'"
            case .testAccuracy, .testMSE, .testRSquared: "an evaluate cell with 'on: test'"
            case .trainingMSE, .trainingRSquared: "an evaluate cell with 'on: training'"
            }
        }
    }

    /// Reads and checks an exercise cell: the question, hint and explanation must typeset, the
    /// answer must be one of `answer` (which must parse) and `result` (which must name a result).
    init(_ cell: Cell) throws(LessonError) {
        let place = "exercise cell"
        let fields = try FieldReader(cell.body, place: place, at: cell.position, allowedKeys: Self.keys)
        _ = try fields.required("question")
        question = try fields.markdown("question", of: cell) ?? ""
        hint = try fields.markdown("hint", of: cell)
        explanation = try fields.markdown("explanation", of: cell)
        digits = fields.contains("digits") ? try fields.integer("digits", in: 1...17) : nil
        columns = fields.contains("columns") ? try fields.integer("columns", in: 3...30) : nil
        switch (fields.value("answer"), fields.value("result")) {
        case (nil, nil):
            throw LessonError(
                .missingKey("answer", in: "\(place) (or 'result': a number the chapter measured, such as 'test accuracy')"),
                at: cell.position)
        case let (_?, result?):
            throw LessonError(
                .invalidValue(key: "result", in: place, message: "and 'answer' are both given; the answer is one or the other"),
                at: result.position)
        case let (nil, value?):
            for key in ["at", "tex", "columns"] where fields.contains(key) {
                throw LessonError(
                    .invalidValue(key: key, in: place, message: "is only read with 'answer', the expression it fills in"),
                    at: fields.value(key)?.position ?? cell.position)
            }
            let name = try fields.text("result")
            guard let result = Result(named: name) else {
                let names = Result.allCases.map(\.rawValue)
                let close = suggestion(for: name, among: names)
                throw LessonError(
                    .invalidValue(
                        key: "result", in: place,
                        message: "names no result: '\(name)'"
                            + (close.map { " (did you mean '\($0)'?)" } ?? " (the results are \(names.joined(separator: ", ")))")),
                    at: value.position)
            }
            source = .result(result, position: value.position)
        case let (value?, nil):
            guard let text = value.text else {
                throw LessonError(
                    .wrongType(key: "answer", in: place, expected: "an expression like 'W1_new' or 'sum(dW1)'", found: value.kindDescription),
                    at: value.position)
            }
            let expression: Expression
            do {
                expression = try Expression(parsing: text)
            } catch {
                throw LessonError(
                    .invalidValue(key: "answer", in: place, message: "does not parse: \(error.message)"),
                    at: cell.position(ofCharacter: error.offset, in: value))
            }
            var tex: String?
            if let texValue = fields.value("tex") {
                let written = try fields.text("tex")
                do {
                    _ = try MathML.convert(written, display: true)
                } catch {
                    let characters = String(decoding: written.utf8.prefix(error.offset), as: UTF8.self).count
                    throw LessonError(
                        .invalidValue(key: "tex", in: place, message: "does not typeset: \(error.message)"),
                        at: cell.position(ofCharacter: characters, in: texValue))
                }
                tex = written
            }
            source = .expression(
                expression, written: value, step: try StepSelection(fields, place: place),
                stepPosition: fields.value("at")?.position ?? cell.position, tex: tex)
        }
    }
}
