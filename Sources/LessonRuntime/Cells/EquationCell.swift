import LessonFormat
import MathML
import Relations

/// An `equation` cell: a typeset relation, and optionally the same relation over the
/// quantities training recorded, filled in with their values and checked.
///
/// ```yaml
/// tex: \boldsymbol\theta \leftarrow \boldsymbol\theta + \eta\,[1\;\mathbf{x}]^\top (y - a)
/// numbers: theta_new = theta + eta * [1, x]' * (y - a)   # or a list, one per relation the TeX shows
/// at: {epoch: 1, sample: 4}     # or {epoch: 2, step: 3}, {iteration: 7}, {input: 3}; default epoch 1, step 1
/// caption: The rule after the fourth sample.
/// digits: 3                      # overrides the lesson's digits
/// columns: 10                     # a vector's or matrix's columns shown before ⋯ (default 6)
/// expect: fail                    # a deliberate mistake: shown failing, an error if it holds
/// label: update                   # prose refers to it as {eq:update}, shown as its number
/// ```
/// Without `numbers` the cell shows the typeset relation only. `{input: 3}` fills the relation in
/// with the current network's forward pass on the third training sample, with no training. A
/// TeX line with two relations (`ΔW = η e xᵀ, Δb = η e`) gives `numbers` a list of two, each
/// checked and filled in, shown on one line as the TeX shows them.
struct EquationCell: Sendable {
    /// The keys an equation cell may hold.
    public static let keys = ["tex", "numbers", "at", "caption", "digits", "columns", "expect", "label"]

    /// The relation as typeset (LaTeX subset).
    public var tex: String
    /// The relations over recorded quantities the cell checks, in order (empty without `numbers`).
    public var relations: [Relation]
    /// Each relation's text as written, for positions of errors found at run time.
    public var numbersValues: [LessonValue]
    /// The `numbers` key's value (one relation, or the list).
    public var numbersKey: LessonValue?
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
    /// The name prose refers to the equation by (`{eq:update}`), and where it is written.
    public var label: (name: String, position: SourcePosition)?

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
        numbersKey = fields.value("numbers")
        (relations, numbersValues) = try Self.relations(fields.value("numbers"), in: cell)
        step = try StepSelection(fields, place: place)
        stepPosition = fields.value("at")?.position ?? cell.position
        if fields.contains("at"), relations.isEmpty {
            throw LessonError(
                .invalidValue(key: "at", in: place, message: "is only read with 'numbers', the relation it fills in"),
                at: stepPosition)
        }
        caption = try fields.markdown("caption", of: cell)
        digits = fields.contains("digits") ? try fields.integer("digits", in: 1...17) : nil
        columns = fields.contains("columns") ? try fields.integer("columns", in: 3...30) : nil
        expectsFailure = fields.contains("expect") ? try fields.choice("expect", among: ["fail", "hold"]) == "fail" : false
        if let value = fields.value("label") {
            let name = try fields.text("label")
            guard !name.isEmpty, name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }) else {
                throw LessonError(
                    .invalidValue(key: "label", in: place, message: "may hold only letters, digits, '-' and '_', not '\(name)'"),
                    at: value.position)
            }
            label = (name, value.position)
        }
        if expectsFailure, relations.isEmpty {
            throw LessonError(
                .invalidValue(key: "expect", in: place, message: "is only read with 'numbers', the relation it checks"),
                at: fields.value("expect")?.position ?? cell.position)
        }
    }

    /// The relations `numbers` holds: one relation's text, or a list of them.
    private static func relations(_ value: LessonValue?, in cell: Cell) throws(LessonError) -> ([Relation], [LessonValue]) {
        guard let value else { return ([], []) }
        let expected = "a relation like 'a1 = sigmoid(n1)', or a list of them"
        let items = value.items ?? [value]
        if items.isEmpty {
            throw LessonError(.wrongType(key: "numbers", in: "equation cell", expected: expected, found: "an empty list"), at: value.position)
        }
        var relations = [Relation]()
        for item in items {
            guard let text = item.text else {
                throw LessonError(.wrongType(key: "numbers", in: "equation cell", expected: expected, found: item.kindDescription), at: item.position)
            }
            do {
                relations.append(try Relation(parsing: text))
            } catch {
                throw LessonError(
                    .invalidValue(key: "numbers", in: "equation cell", message: "does not parse: \(error.message)"),
                    at: cell.position(ofCharacter: error.offset, in: item))
            }
        }
        return (relations, items)
    }
}
