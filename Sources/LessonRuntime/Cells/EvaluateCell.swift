import Engine
import LessonFormat

/// An `evaluate` cell: measures the current network on one part of the data.
///
/// ```yaml
/// on: test                 # training, validation or test (the default)
/// loss: squared-error      # the last train cell's loss by default
/// show: predictions        # or misclassified: a table of samples, inputs, targets and outputs
/// rows: 10                 # at most this many rows in that table (10 by default)
/// confusion: true          # also a table of confusion counts
/// ```
///
/// The cell adds a one-row table (samples, loss, accuracy, misclassified), sets the
/// chapter's headline accuracy, and keeps its measurements in `Session.evaluation` for the
/// plots below it, whatever `confusion` says. On regression data (real-valued targets) the
/// table has the MSE and R² instead of accuracy, and so do the headline and `results.json`.
struct EvaluateCell: Sendable, Equatable {
    /// The part of the data measured.
    public enum Split: String, Sendable, CaseIterable {
        case training, validation, test
    }

    /// Which samples the cell lists.
    public enum Listing: String, Sendable, CaseIterable {
        /// The first samples: for a logic gate, the truth table the network computes.
        case predictions
        /// The first samples the network gets wrong.
        case misclassified
    }

    /// The keys an evaluate cell may hold.
    public static let keys = ["on", "loss", "show", "rows", "confusion"]

    /// The part of the data measured.
    public var split: Split
    /// The loss to report, or `nil` for the last train cell's (none after the perceptron rule).
    public var loss: Loss?
    /// The samples to list, if any.
    public var listing: Listing?
    /// The most rows the listing shows.
    public var rowLimit: Int
    /// Whether the report shows the confusion counts as a table.
    public var showsConfusion: Bool
    /// Where the cell stands.
    public var position: SourcePosition
    /// Where the `loss` value stands, if given.
    var lossPosition: SourcePosition?
    /// Where the `show` value stands, if given.
    var listingPosition: SourcePosition?
    /// Where the `confusion` value stands, if given.
    var confusionPosition: SourcePosition?

    /// Reads and checks an evaluate cell.
    public init(_ cell: Cell) throws(LessonError) {
        let fields = try FieldReader(cell.body, place: "evaluate cell", at: cell.position, allowedKeys: Self.keys)
        position = cell.position
        split = Split(rawValue: try fields.choice("on", among: Split.allCases.map(\.rawValue), default: "test"))!
        loss = fields.contains("loss") ? Loss(rawValue: try fields.choice("loss", among: Loss.allCases.map(\.rawValue))) : nil
        lossPosition = fields.value("loss")?.position
        listingPosition = fields.value("show")?.position
        confusionPosition = fields.value("confusion")?.position
        listing = fields.contains("show")
            ? Listing(rawValue: try fields.choice("show", among: Listing.allCases.map(\.rawValue))) : nil
        rowLimit = try fields.integer("rows", default: 10, in: 1...1_000)
        showsConfusion = try fields.boolean("confusion", default: false)
        if listing == nil, let rows = fields.value("rows") {
            throw LessonError(
                .invalidValue(key: "rows", in: "evaluate cell", message: "is only read with 'show: predictions' or 'show: misclassified'"),
                at: rows.position)
        }
    }
}
