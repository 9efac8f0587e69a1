import Engine
import LessonFormat

/// A `table` cell: a table the engine computes, chosen with `of`.
///
/// ```yaml
/// of: updates            # the perceptron's updates; or truth-table, trace, history, gradient-check
/// epochs: [1, 2]         # updates: only these epochs
/// rows: 12               # at most this many rows
/// caption: The first two epochs on the AND gate.
/// ```
/// `trace` takes `at` (as an equation cell does, `{input: N}` included) and `quantities: [W1, dW1]`; `history`
/// takes `every: 10`; `gradient-check` takes `samples: 4` and `loss`.
struct TableCell: Sendable, Equatable {
    /// What the table shows.
    public enum Kind: String, Sendable, CaseIterable {
        /// Every update of the perceptron rule: sample, x, y, a, error, the changes and the new parameters.
        case updates
        /// Each sample of the data through the current network: inputs, target, net inputs and activations per layer.
        case truthTable = "truth-table"
        /// The quantities recorded at one step, name by name.
        case trace
        /// Loss and accuracy per epoch (errors per epoch for the perceptron rule).
        case history
        /// Backpropagation's gradients against central finite differences.
        case gradientCheck = "gradient-check"
        /// The iterates of gradient descent on a function f(x, y) (x² + y² in seed 001).
        case gradientDescent = "gradient-descent"

        /// The keys this kind reads besides `of`, `caption` and `rows`.
        var keys: [String] {
            switch self {
            case .updates: ["epochs"]
            case .truthTable: []
            case .trace: ["at", "quantities"]
            case .history: ["every"]
            case .gradientCheck: ["samples", "loss"]
            case .gradientDescent: GradientDescentWalk.keys
            }
        }
    }

    /// The keys every table cell may hold.
    public static let commonKeys = ["of", "caption", "rows"]
    /// Every key a table cell may hold, whatever its kind.
    public static let keys = commonKeys + Kind.allCases.flatMap(\.keys)
    /// The rows a table shows when the cell does not say.
    public static let defaultRowLimit = 100
    /// The most columns a truth table has: it is meant for gates and small networks.
    public static let maximumTruthTableColumns = 32
    /// The most parameters `gradient-check` compares (each costs four forward passes).
    public static let maximumCheckedParameters = 5_000

    /// What the table shows.
    public var kind: Kind
    /// Markdown under the table, if any.
    public var caption: String?
    /// The most rows shown.
    public var rowLimit: Int
    /// `updates`: the epochs shown, or all.
    public var epochs: [Int]?
    /// `trace`: the step whose quantities are listed.
    public var step: StepSelection
    /// `trace`: where the `at` key is (the cell when absent).
    public var stepPosition: SourcePosition
    /// `trace`: the quantities listed, with where each is written, or all that were recorded.
    public var quantities: [QuantityName]?
    /// `history`: show every n-th epoch (and always the last).
    public var every: Int
    /// `gradient-check`: the training samples the loss is measured on.
    public var samples: Int
    /// `gradient-check`: the loss, or the training run's (or the output activation's natural one).
    public var loss: Loss?
    /// The walk of `of: gradient-descent`.
    public var walk: GradientDescentWalk?

    /// Reads and checks a table cell.
    public init(_ cell: Cell) throws(LessonError) {
        let place = "table cell"
        let fields = try FieldReader(cell.body, place: place, at: cell.position, allowedKeys: Self.keys)
        let kindNames = Kind.allCases.map(\.rawValue)
        kind = Kind(rawValue: try fields.choice("of", among: kindNames))!
        let kind = self.kind
        for key in Self.keys where fields.contains(key) && !Self.commonKeys.contains(key) && !kind.keys.contains(key) {
            let readers = Kind.allCases.filter { $0.keys.contains(key) }.map { "'of: \($0.rawValue)'" }
            throw LessonError(
                .invalidValue(key: key, in: place, message: "does not apply to 'of: \(kind.rawValue)'; it is read by \(readers.joined(separator: " and "))"),
                at: try fields.required(key).position)
        }
        caption = try fields.markdown("caption", of: cell)
        rowLimit = try fields.integer("rows", default: Self.defaultRowLimit, in: 1...10_000)
        epochs = fields.contains("epochs") ? try fields.integers("epochs", in: 1...1_000_000) : nil
        step = try StepSelection(fields, place: place)
        stepPosition = fields.value("at")?.position ?? cell.position
        every = try fields.integer("every", default: 1, in: 1...1_000_000)
        samples = try fields.integer("samples", default: 4, in: 1...100_000)
        loss = fields.contains("loss") ? Loss(rawValue: try fields.choice("loss", among: Loss.allCases.map(\.rawValue))) : nil
        quantities = try Self.quantities(fields)
        walk = kind == .gradientDescent ? try GradientDescentWalk(fields, place: place) : nil
    }

    private static func quantities(_ fields: FieldReader) throws(LessonError) -> [QuantityName]? {
        guard let value = fields.value("quantities") else { return nil }
        guard let items = value.items, !items.isEmpty else {
            throw LessonError(
                .wrongType(key: "quantities", in: "table cell", expected: "a list of recorded names like [W1, dW1]", found: value.kindDescription),
                at: value.position)
        }
        var list = [QuantityName]()
        for item in items {
            guard let name = item.text, item.items == nil else {
                throw LessonError(
                    .wrongType(key: "quantities", in: "table cell", expected: "a list of recorded names like [W1, dW1]", found: item.kindDescription),
                    at: item.position)
            }
            list.append(QuantityName(name: name, position: item.position))
        }
        return list
    }
}

/// A quantity a `trace` table lists, and where the lesson names it.
struct QuantityName: Sendable, Equatable {
    /// The recorded name (or one of its other names: `Z1`, `delta2`).
    public var name: String
    /// Where the name is written.
    public var position: SourcePosition
}
