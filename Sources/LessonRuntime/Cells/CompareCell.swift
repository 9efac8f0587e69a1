import Engine
import LessonFormat

/// A `compare` cell: trains several configurations side by side, each differing from the
/// model and train cells above in one setting, and shows their curves and final numbers.
///
/// ```yaml
/// vary: learning_rate          # any key of the train or model cell, or hidden
/// values: [0.001, 0.01, 0.1, 1.0]
/// epochs: 10                   # optional: overrides the train cell's epochs
/// keep: none                   # or best: the session continues with the best run
/// title: Four learning rates   # optional figure title
/// include: above               # optional: the network trained above is the first row
/// ```
/// What may vary comes from one place, the train and model cells' own readers: each run is
/// the cell above with `vary: value` written into it, read again, so every key those cells
/// take can vary, checked and explained as those cells check theirs (`CompareCell+Values`).
/// `hidden` is the compare cell's own: the hidden layers' sizes, between the model's inputs and
/// outputs. Every run starts from weights drawn from the same random stream state and shuffles
/// its samples with the same seed, so the runs differ only in the varied setting.
struct CompareCell: Sendable, Equatable {
    /// The setting a comparison varies.
    public enum Varied: Sendable, Equatable {
        /// A key of the train or model cell (`owner`), written into it for each run.
        case key(String, owner: CellKind)
        /// The sizes of the hidden layers.
        case hidden

        /// The name `vary` gives it.
        var name: String {
            switch self {
            case let .key(key, _): key
            case .hidden: "hidden"
            }
        }
    }

    /// What the session keeps after the comparison.
    public enum Keep: String, Sendable, CaseIterable {
        /// The session's network and training stay as the cells above left them.
        case none
        /// The best run (lowest final validation loss, else training loss) replaces them.
        case best
    }

    /// The keys a compare cell may hold.
    public static let keys = ["vary", "values", "epochs", "keep", "title", "include"]
    /// The most values one comparison may list (one colour each in the chart).
    public static let maximumValueCount = 8
    /// The optimizer names `vary: optimizer` accepts: every registered optimizer.
    public static var optimizerNames: [String] { Optimizer.rules.map { $0.name } }

    /// The varied setting.
    public var varied: Varied
    /// Its values as written, one run each, in the order written (with their positions).
    public var values: [LessonValue]
    /// The number of epochs, if it overrides the train cell's.
    public var epochs: Int?
    /// What the session keeps afterwards.
    public var keep: Keep
    /// The figure's title, if given.
    public var title: String?
    /// Whether the network the train cell above trained is the first run, shown as it is
    /// (`include: above`), not trained again.
    public var includesAbove: Bool
    /// Where the cell stands.
    public var position: SourcePosition

    /// Reads and checks a compare cell: `vary` must be a key the train or model cell reads (or
    /// `hidden`); the values are checked by those cells' readers when the comparison runs (and
    /// when `lessons check` rehearses it).
    public init(_ cell: Cell) throws(LessonError) {
        let fields = try FieldReader(cell.body, place: "compare cell", at: cell.position, allowedKeys: Self.keys)
        position = cell.position
        let vary = try fields.required("vary")
        let name = try fields.text("vary")
        varied = try Self.varied(name, probing: cell, at: vary.position)
        epochs = fields.contains("epochs") ? try fields.integer("epochs", in: 1...1_000_000) : nil
        if epochs != nil, varied == .key("epochs", owner: .train) {
            throw LessonError(
                .invalidValue(key: "epochs", in: "compare cell", message: "is what this comparison varies; leave it out"),
                at: try fields.required("epochs").position)
        }
        keep = Keep(rawValue: try fields.choice("keep", among: Keep.allCases.map(\.rawValue), default: "none"))!
        title = fields.contains("title") ? try fields.text("title") : nil
        includesAbove = try fields.choice("include", among: ["above", "none"], default: "none") == "above"
        if includesAbove, keep == .best {
            throw LessonError(
                .invalidValue(key: "keep", in: "compare cell", message: "cannot be 'best' with 'include: above': the run above is the session's already"),
                at: try fields.required("keep").position)
        }

        let list = try fields.required("values")
        guard let items = list.items else {
            throw LessonError(
                .wrongType(key: "values", in: "compare cell", expected: "a list like \(varied.example)", found: list.kindDescription),
                at: list.position)
        }
        guard !items.isEmpty else {
            throw LessonError(.invalidValue(key: "values", in: "compare cell", message: "is empty; list the values to compare, like \(varied.example)"), at: list.position)
        }
        let most = Self.maximumValueCount - (includesAbove ? 1 : 0)
        guard items.count <= most else {
            throw LessonError(
                .invalidValue(key: "values", in: "compare cell", message: "lists \(items.count) values; one comparison shows at most \(Self.maximumValueCount) runs\(includesAbove ? ", the run above included" : "")"),
                at: items[most].position)
        }
        var seen = [String]()
        for item in items {
            if varied == .hidden { try Self.checkHidden(item) }
            let text = Self.valueText(item)
            if seen.contains(text) {
                throw LessonError(.invalidValue(key: "values", in: "compare cell", message: "lists \(text) twice"), at: item.position)
            }
            seen.append(text)
        }
        values = items
    }

    /// What `vary: name` varies: `hidden`, or the key of the train or model cell that reads it,
    /// found by asking each cell's reader whether it knows the key.
    ///
    /// - Throws: an error at `position` when neither cell reads it, with the closest key either
    ///   cell (or `hidden`) has.
    static func varied(_ name: String, probing cell: Cell, at position: SourcePosition) throws(LessonError) -> Varied {
        if name == "hidden" { return .hidden }
        var close = [String]()
        for owner in [CellKind.train, .model] {
            var probe = cell
            probe.kind = owner
            probe.body = LessonValue(
                .mapping([LessonEntry(key: name, keyPosition: position, value: LessonValue(.empty, at: position))]),
                at: position)
            do {
                _ = try owner.read(probe)
                return .key(name, owner: owner)
            } catch {
                guard case let .unknownKey(key, _, suggestion) = error.kind, key == name else {
                    return .key(name, owner: owner)
                }
                if let suggestion { close.append(suggestion) }
            }
        }
        let hint = suggestion(for: name, among: close + ["hidden"]).map { " (did you mean '\($0)'?)" } ?? ""
        throw LessonError(
            .invalidValue(key: "vary", in: "compare cell", message: "names no setting of the train or model cell, nor 'hidden': '\(name)'\(hint)"),
            at: position)
    }

    /// Checks one value of `vary: hidden`: a list of layer sizes.
    private static func checkHidden(_ item: LessonValue) throws(LessonError) {
        guard let sizes = item.items else {
            throw LessonError(
                .invalidValue(key: "values", in: "compare cell", message: "items must be lists of hidden-layer sizes like [16] or [32, 16] for 'vary: hidden', not \(item.kindDescription)"),
                at: item.position)
        }
        for size in sizes {
            guard let value = size.integer else {
                throw LessonError(
                    .invalidValue(key: "values", in: "compare cell", message: "items must be lists of whole numbers for 'vary: hidden', not \(size.kindDescription)"),
                    at: size.position)
            }
            guard (1...100_000).contains(value) else {
                throw LessonError(
                    .invalidValue(key: "values", in: "compare cell", message: "items must be between 1 and 100000, not \(value)"),
                    at: size.position)
            }
        }
    }
}

extension CompareCell.Varied {
    /// A values list that fits, for messages.
    var example: String {
        switch name {
        case "learning_rate": "[0.01, 0.1, 1]"
        case "optimizer": "[gradient-descent, momentum, rmsprop, adam]"
        case "init": "[zeros, uniform, xavier, he]"
        case "hidden": "[[16], [64], [32, 16]]"
        case "batch_size": "[1, 32, full]"
        case "early_stopping": "[off, 3]"
        case "activation": "[sigmoid, tanh, relu]"
        default: "[0, 0.01, 0.1]"
        }
    }

    /// How captions name one value of the setting.
    var noun: String {
        switch name {
        case "learning_rate": "learning rate"
        case "init": "initializer"
        case "hidden": "hidden-layer size"
        case "layers": "network"
        case "early_stopping": "early-stopping setting"
        case "l1": "L1 factor"
        case "weight_decay": "weight decay"
        case "activations": "activation list"
        case "layers": "architecture"
        default: name.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// The table's heading for the varied column.
    var heading: String {
        switch name {
        case "learning_rate": "learning rate $\\eta$"
        case "hidden", "layers": "layers"
        case "early_stopping": "early stopping"
        case "weight_decay": "weight decay $\\lambda$"
        case "l1": "L1 factor $\\lambda_1$"
        case "activations", "layers": name
        default: noun
        }
    }

    /// The symbol a legend writes before a number: `η`, `λ`, an optimizer setting's own (`β`).
    var symbol: String? {
        switch name {
        case "learning_rate": return "η"
        case "weight_decay": return "λ"
        case "l1": return "λ₁"
        default:
            for rule in Optimizer.rules {
                if let setting = rule.hyperparameters.first(where: { $0.key == name }) { return setting.symbol }
            }
            return nil
        }
    }
}
