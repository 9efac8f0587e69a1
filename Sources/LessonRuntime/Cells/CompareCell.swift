import Engine
import LessonFormat

/// A `compare` cell: trains several configurations side by side, each differing from the
/// model and train cells above in one setting, and shows their curves and final numbers.
///
/// ```yaml
/// vary: learning_rate          # optimizer, init, hidden, batch_size, early_stopping
/// values: [0.001, 0.01, 0.1, 1.0]
/// epochs: 10                   # optional: overrides the train cell's epochs
/// keep: none                   # or best: the session continues with the best run
/// title: Four learning rates   # optional figure title
/// ```
/// Every run starts from weights drawn from the same random stream state and shuffles its
/// samples with the same seed, so the runs differ only in the varied setting.
struct CompareCell: Sendable, Equatable {
    /// The setting a comparison varies.
    public enum Quantity: String, Sendable, CaseIterable {
        /// The learning rate η.
        case learningRate = "learning_rate"
        /// The optimizer.
        case optimizer
        /// How the starting weights are drawn.
        case initializer = "init"
        /// The hidden layers' sizes.
        case hidden
        /// The mini-batch size.
        case batchSize = "batch_size"
        /// Early stopping's patience, or none.
        case earlyStopping = "early_stopping"
    }

    /// One value of the varied setting.
    public enum Setting: Sendable, Equatable {
        /// A learning rate.
        case learningRate(Double)
        /// An optimizer, by its lesson name (`adam`).
        case optimizer(String)
        /// An initializer, by its lesson name (`xavier`).
        case initializer(String)
        /// The sizes of the hidden layers (empty: no hidden layer).
        case hidden([Int])
        /// A batch size, or `nil` for the full batch.
        case batchSize(Int?)
        /// Early stopping's patience, or `nil` for none.
        case earlyStopping(Int?)
    }

    /// What the session keeps after the comparison.
    public enum Keep: String, Sendable, CaseIterable {
        /// The session's network and training stay as the cells above left them.
        case none
        /// The best run (lowest final validation loss, else training loss) replaces them.
        case best
    }

    /// The keys a compare cell may hold.
    public static let keys = ["vary", "values", "epochs", "keep", "title"]
    /// The most values one comparison may list (one colour each in the chart).
    public static let maximumValueCount = 8
    /// The optimizer names `vary: optimizer` accepts: every registered optimizer.
    public static var optimizerNames: [String] { Optimizer.rules.map { $0.name } }
    /// The initializer names `vary: init` accepts.
    public static let initializerNames = ModelCell.initializers.keys.sorted() + ["normal", "uniform"]

    /// The varied setting.
    public var quantity: Quantity
    /// Its values, one run each, in the order written.
    public var settings: [Setting]
    /// Where each value is written, for errors found while running.
    public var settingPositions: [SourcePosition]
    /// The number of epochs, if it overrides the train cell's.
    public var epochs: Int?
    /// What the session keeps afterwards.
    public var keep: Keep
    /// The figure's title, if given.
    public var title: String?
    /// Where the cell stands.
    public var position: SourcePosition

    /// Reads and checks a compare cell.
    public init(_ cell: Cell) throws(LessonError) {
        let fields = try FieldReader(cell.body, place: "compare cell", at: cell.position, allowedKeys: Self.keys)
        position = cell.position
        quantity = Quantity(rawValue: try fields.choice("vary", among: Quantity.allCases.map(\.rawValue)))!
        epochs = fields.contains("epochs") ? try fields.integer("epochs", in: 1...1_000_000) : nil
        keep = Keep(rawValue: try fields.choice("keep", among: Keep.allCases.map(\.rawValue), default: "none"))!
        title = fields.contains("title") ? try fields.text("title") : nil

        let list = try fields.required("values")
        guard let items = list.items else {
            throw LessonError(
                .wrongType(key: "values", in: "compare cell", expected: "a list like \(quantity.example)", found: list.kindDescription),
                at: list.position)
        }
        guard !items.isEmpty else {
            throw LessonError(.invalidValue(key: "values", in: "compare cell", message: "is empty; list the values to compare, like \(quantity.example)"), at: list.position)
        }
        guard items.count <= Self.maximumValueCount else {
            throw LessonError(
                .invalidValue(key: "values", in: "compare cell", message: "lists \(items.count) values; one comparison shows at most \(Self.maximumValueCount)"),
                at: items[Self.maximumValueCount].position)
        }
        var settings = [Setting]()
        for item in items {
            let setting = try Self.setting(item, for: quantity)
            if settings.contains(setting) {
                throw LessonError(
                    .invalidValue(key: "values", in: "compare cell", message: "lists \(setting.valueText) twice"), at: item.position)
            }
            settings.append(setting)
        }
        self.settings = settings
        settingPositions = items.map(\.position)
    }
}

extension CompareCell.Quantity {
    /// A values list that fits, for messages.
    var example: String {
        switch self {
        case .learningRate: "[0.01, 0.1, 1]"
        case .optimizer: "[gradient-descent, momentum, rmsprop, adam]"
        case .initializer: "[zeros, uniform, xavier, he]"
        case .hidden: "[[16], [64], [32, 16]]"
        case .batchSize: "[1, 32, full]"
        case .earlyStopping: "[off, 3]"
        }
    }

    /// How captions name one value of the setting.
    var noun: String {
        switch self {
        case .learningRate: "learning rate"
        case .optimizer: "optimizer"
        case .initializer: "initializer"
        case .hidden: "hidden-layer size"
        case .batchSize: "batch size"
        case .earlyStopping: "early-stopping setting"
        }
    }

    /// The table's heading for the varied column.
    var heading: String {
        switch self {
        case .learningRate: "learning rate $\\eta$"
        case .optimizer: "optimizer"
        case .initializer: "initializer"
        case .hidden: "layers"
        case .batchSize: "batch size"
        case .earlyStopping: "early stopping"
        }
    }
}
