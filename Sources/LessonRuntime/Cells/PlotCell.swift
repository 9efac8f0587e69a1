import Engine
import LessonFormat

/// A `plot` cell: one figure drawn from the session's data, network or training run.
///
/// ```yaml
/// kind: decision-boundary     # what to draw: any registered plot kind (`PlotCell.kinds`)
/// title: XOR after training   # optional; each kind has a default
/// caption: The 0.5 contour…   # optional Markdown; each kind has a default with the numbers
/// name: xor-regions           # optional file-name stem (default: the kind)
/// width: 560                  # optional, in points (height too)
/// ```
/// Each kind takes a few keys of its own (`scale: log` for `loss`, `count: 16` for `digits`,
/// `space: features` for `data`…); a key that belongs to another kind is reported, not ignored.
/// Each kind is one file in `Plots/` (see `PlotKind`) that reads its keys and draws its figure.
struct PlotCell: Sendable {
    /// Every registered plot kind, in the order lists and messages show them.
    public static let kinds: [any PlotKind.Type] = Registry.entries(of: .plotKinds, as: (any PlotKind.Type).self)
    /// The names a cell's `kind` may give.
    public static let kindNames: [String] = kinds.map { $0.name }
    /// The keys every plot cell may hold.
    public static let commonKeys = ["kind", "title", "caption", "name", "width", "height"]
    /// Every key of any kind, for the first reading.
    static let allKeys = commonKeys + Array(Set(kinds.flatMap { $0.keys })).sorted()

    /// The kind a lesson calls `name`.
    static func kind(named name: String) -> (any PlotKind.Type)? {
        kinds.first { $0.name == name }
    }

    /// What to draw, with the kind's own options.
    public var kind: any PlotKind
    /// The kind's name, as the lesson wrote it (`decision-boundary`).
    public var kindName: String { type(of: kind).name }
    /// Whether the kind draws the layers' statistics.
    var showsLayerStatistics: Bool { type(of: kind).showsLayerStatistics }
    /// The title, if the lesson gives one.
    public var title: String?
    /// The caption, if the lesson gives one (otherwise each kind writes one with its numbers).
    public var caption: String?
    /// The file-name stem (`fig-03-<name>.png`).
    public var name: String
    /// The width in points, if given.
    public var width: Double?
    /// The height in points, if given.
    public var height: Double?
    /// Where the cell stands.
    public var position: SourcePosition
    /// Where the `kind` value stands, for errors about a kind that does not fit the session.
    public var kindPosition: SourcePosition
    /// Where each given key's value stands, for errors found at run time.
    public var keyPositions: [String: SourcePosition]

    /// Reads and checks a plot cell.
    public init(_ cell: Cell) throws(LessonError) {
        let place = "plot cell"
        let fields = try FieldReader(cell.body, place: place, at: cell.position, allowedKeys: Self.allKeys)
        let kindName = try fields.choice("kind", among: Self.kindNames)
        let kindType = Self.kind(named: kindName)!
        position = cell.position
        kindPosition = try fields.required("kind").position
        var positions = [String: SourcePosition]()
        for key in Self.allKeys {
            if let value = fields.value(key) { positions[key] = value.position }
        }
        keyPositions = positions
        let own = kindType.keys
        for key in Self.allKeys where fields.contains(key) && !Self.commonKeys.contains(key) && !own.contains(key) {
            let accepted = own.isEmpty ? "none" : own.map { "'\($0)'" }.joined(separator: ", ")
            throw LessonError(
                .invalidValue(key: key, in: place, message: "does not apply to '\(kindName)' plots (their own keys: \(accepted))"),
                at: try fields.required(key).position)
        }
        if !kindType.takesHeight, fields.contains("height") {
            throw LessonError(
                .invalidValue(key: "height", in: place, message: "does not apply to '\(kindName)' plots, whose height follows from 'width' and the number of rows"),
                at: try fields.required("height").position)
        }

        title = fields.contains("title") ? try fields.text("title") : nil
        caption = fields.contains("caption") ? try fields.text("caption") : nil
        name = try fields.text("name", default: kindName)
        if let value = fields.value("name"),
            name.isEmpty || !name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" })
        {
            throw LessonError(
                .invalidValue(key: "name", in: place, message: "may hold only letters, digits, '-' and '_', not '\(name)'"),
                at: value.position)
        }
        width = fields.contains("width") ? try fields.number("width", in: 120...2400) : nil
        height = fields.contains("height") ? try fields.number("height", in: 120...2400) : nil
        kind = try kindType.init(fields)
    }

    /// Where `key`'s value stands, or the cell's fence when the key was not given.
    func position(of key: String) -> SourcePosition {
        keyPositions[key] ?? position
    }
}
