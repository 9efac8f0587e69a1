import LessonFormat
import MathML
import Relations

/// An `equation` cell: a typeset relation, and optionally the same relation over the
/// quantities training recorded, filled in with their values and checked.
///
/// ```yaml
/// tex: \boldsymbol\theta \leftarrow \boldsymbol\theta + \eta\,[1\;\mathbf{x}]^\top (y - a)
/// numbers: theta_new = theta + eta * [1, x]' * (y - a)
/// at: {epoch: 1, sample: 4}     # or {epoch: 2, step: 3}, {iteration: 7}, {input: 3}; default epoch 1, step 1
/// caption: The rule after the fourth sample.
/// digits: 3                      # overrides the lesson's digits
/// columns: 10                     # a vector's or matrix's columns shown before ⋯ (default 6)
/// expect: fail                    # a deliberate mistake: shown failing, an error if it holds
/// ```
/// Without `numbers` the cell shows the typeset relation only. `{input: 3}` fills the relation in
/// with the current network's forward pass on the third training sample, with no training.
struct EquationCell: Sendable, Equatable {
    /// The keys an equation cell may hold.
    public static let keys = ["tex", "numbers", "at", "caption", "digits", "columns", "expect"]

    /// The relation as typeset (LaTeX subset).
    public var tex: String
    /// The relation over recorded quantities, if the cell checks one.
    public var relation: Relation?
    /// The `numbers` value as written, for positions of errors found at run time.
    public var numbersValue: LessonValue?
    /// The step whose quantities fill the relation in.
    public var step: StepSelection
    /// Where the `at` key is (the cell when absent), for a step that was not recorded.
    public var stepPosition: SourcePosition
    /// Markdown shown under the relation, if any.
    public var caption: String?
    /// Significant digits of the filled-in numbers, if the cell overrides the lesson's.
    public var digits: Int?
    /// The most columns of a filled-in vector or matrix shown before the ⋯, if the cell
    /// overrides the default 6 (a 10-class output is readable whole with `columns: 10`).
    public var columns: Int?
    /// Whether the relation is a deliberate mistake (`expect: fail`): shown failing with its
    /// numbers, and an error if it holds.
    public var expectsFailure: Bool

    /// Reads and checks an equation cell: the formula must typeset and `numbers` must parse.
    public init(_ cell: Cell) throws(LessonError) {
        let place = "equation cell"
        let fields = try FieldReader(cell.body, place: place, at: cell.position, allowedKeys: Self.keys)
        let texValue = try fields.required("tex")
        tex = try fields.text("tex")
        do {
            _ = try MathML.convert(tex, display: true)
        } catch {
            let characters = String(decoding: tex.utf8.prefix(error.offset), as: UTF8.self).count
            throw LessonError(
                .invalidValue(key: "tex", in: place, message: "does not typeset: \(error.message)"),
                at: cell.position(ofCharacter: characters, in: texValue))
        }
        if let value = fields.value("numbers") {
            let text = try fields.text("numbers")
            do {
                relation = try Relation(parsing: text)
            } catch {
                throw LessonError(
                    .invalidValue(key: "numbers", in: place, message: "does not parse: \(error.message)"),
                    at: cell.position(ofCharacter: error.offset, in: value))
            }
            numbersValue = value
        } else {
            relation = nil
            numbersValue = nil
        }
        step = try StepSelection(fields, place: place)
        stepPosition = fields.value("at")?.position ?? cell.position
        if fields.contains("at"), relation == nil {
            throw LessonError(
                .invalidValue(key: "at", in: place, message: "is only read with 'numbers', the relation it fills in"),
                at: stepPosition)
        }
        caption = try fields.markdown("caption", of: cell)
        digits = fields.contains("digits") ? try fields.integer("digits", in: 1...17) : nil
        columns = fields.contains("columns") ? try fields.integer("columns", in: 3...30) : nil
        expectsFailure = fields.contains("expect") ? try fields.choice("expect", among: ["fail", "hold"]) == "fail" : false
        if expectsFailure, relation == nil {
            throw LessonError(
                .invalidValue(key: "expect", in: place, message: "is only read with 'numbers', the relation it checks"),
                at: fields.value("expect")?.position ?? cell.position)
        }
    }
}
