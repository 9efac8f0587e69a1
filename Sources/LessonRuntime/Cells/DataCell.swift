import Datasets
import Engine
import LessonFormat

/// A `data` cell: the samples the cells below learn from and are measured on.
///
/// ```yaml
/// dataset: circles        # any registered data set (`DataCell.kinds`)
/// count: 200              # synthetic sets: how many samples
/// noise: 0.1
/// factor: 0.5
/// test_count: 200         # an independent test set, drawn from a generator stream of its own
/// validation: 0.2         # a fraction of the training samples held out for validation
/// features: squares       # φ(x) = [x₁², x₂²]; the original points stay available for plots
/// ```
///
/// Each data set reads keys of its own (`count`, `noise`, …): see its file in `Datasets/`
/// and its line in `lessons/README.md`.
///
/// Every data set also reads `shuffle` (on for the synthetic sets, off for gates, MNIST and
/// CSV, which keep their order), `validation`, `features`, `classes` (names for legends and
/// tables, one per class) and `show` (a one-line note of what was loaded; off by default).
///
/// Each random draw has a generator stream of its own, so changing one option never moves
/// the numbers of another: `data` draws (or shuffles) the samples, `test-data` draws the
/// independent test set, `test-split` picks a CSV's test rows and `validation-split` the
/// validation samples.
struct DataCell: Sendable, Equatable {
    public static func == (lhs: DataCell, rhs: DataCell) -> Bool {
        lhs.source.isEqual(to: rhs.source) && lhs.testCount == rhs.testCount
            && lhs.validationFraction == rhs.validationFraction && lhs.features == rhs.features
            && lhs.shuffles == rhs.shuffles && lhs.classNames == rhs.classNames && lhs.shows == rhs.shows
            && lhs.position == rhs.position && lhs.valuePositions == rhs.valuePositions
    }

    /// A fixed map applied to every input before the model sees it.
    public enum Features: String, Sendable, CaseIterable {
        /// φ(x) = [x₁², x₂²].
        case squares
        /// φ(x) = [x₁, x₂, x₁² + x₂²].
        case squaredRadius = "squared-radius"

        /// The map as the report's math writes it.
        public var tex: String {
            switch self {
            case .squares: "\\varphi(\\mathbf{x}) = [x_1^2,\\ x_2^2]"
            case .squaredRadius: "\\varphi(\\mathbf{x}) = [x_1,\\ x_2,\\ x_1^2 + x_2^2]"
            }
        }

        /// The engine's feature map.
        public var map: FeatureMap {
            switch self {
            case .squares: .squares
            case .squaredRadius: .withSquaredRadius
            }
        }
    }

    /// Every registered kind of data set, in the order lists show them.
    public static let kinds: [any DatasetKind.Type] = Registry.entries(of: .datasets, as: (any DatasetKind.Type).self)

    /// The data set names a cell may give.
    public static let datasetNames: [String] = kinds.flatMap { $0.names }
    /// The keys every data set reads.
    static let commonKeys = ["dataset", "shuffle", "validation", "features", "classes", "show"]
    /// The keys a data cell may hold (each data set reads some of them).
    public static let keys: [String] = {
        var keys = commonKeys
        for kind in kinds {
            for key in kind.keys where !keys.contains(key) { keys.append(key) }
        }
        return keys
    }()

    /// The kind a lesson calls `name`.
    static func kind(named name: String) -> (any DatasetKind.Type)? {
        kinds.first { $0.names.contains(name) }
    }

    /// Where the samples come from.
    public var source: any DatasetKind
    /// The size of the test set: drawn independently for synthetic sets, the first images of
    /// MNIST's test part, rows held out of a CSV file; `nil` for none (all of MNIST's).
    public var testCount: Int?
    /// The fraction of the training samples held out for validation (0 for none).
    public var validationFraction: Double
    /// The feature map, if any.
    public var features: Features?
    /// Whether the samples are put in a random order.
    public var shuffles: Bool
    /// Class names given by the lesson, if any.
    public var classNames: [String]?
    /// Whether the report gets a one-line note of what was loaded.
    public var shows: Bool
    /// Where the cell stands.
    public var position: SourcePosition
    /// Where each key's value stands, for errors found while running.
    var valuePositions: [String: SourcePosition]

    /// Reads and checks a data cell.
    public init(_ cell: Cell) throws(LessonError) {
        let fields = try FieldReader(cell.body, place: "data cell", at: cell.position, allowedKeys: Self.keys)
        position = cell.position
        valuePositions = [:]
        for key in Self.keys { if let value = fields.value(key) { valuePositions[key] = value.position } }

        let name = try fields.choice("dataset", among: Self.datasetNames)
        let kind = Self.kind(named: name)!
        try Self.rejectKeys(notReadBy: kind, name: name, in: fields)
        source = try kind.init(name: name, fields: fields)
        shuffles = try fields.boolean("shuffle", default: source.isSynthetic)
        validationFraction = try fields.number("validation", default: 0, in: 0...0.9)
        shows = try fields.boolean("show", default: false)
        features = fields.contains("features")
            ? Features(rawValue: try fields.choice("features", among: Features.allCases.map(\.rawValue))) : nil

        testCount = try source.testCount(fields)

        classNames = fields.contains("classes") ? try Self.classNames(fields, source: source) : nil
        if let features, let count = source.featureCount, count != 2 {
            throw featuresMismatch(features, inputCount: count)
        }
    }

    /// `features` maps points of the plane; other data cannot take it.
    func featuresMismatch(_ features: Features, inputCount: Int) -> LessonError {
        LessonError(
            .invalidValue(key: "features", in: "data cell", message: "needs two inputs for '\(features.rawValue)', but the samples of \(source.title) have \(inputCount)"),
            at: valuePositions["features"] ?? position)
    }

    /// The class names must match the classes one for one.
    static func classesMismatch(_ names: [String], classCount: Int, of source: any DatasetKind, at position: SourcePosition) -> LessonError {
        LessonError(
            .invalidValue(key: "classes", in: "data cell", message: "names \(names.count) classes for the \(classCount) classes of \(source.title)"),
            at: position)
    }

    /// A key that belongs to another data set is a mistake worth naming.
    private static func rejectKeys(notReadBy kind: any DatasetKind.Type, name: String, in fields: FieldReader) throws(LessonError) {
        let own = kind.keys
        for key in keys where !commonKeys.contains(key) && !own.contains(key) && fields.contains(key) {
            let position = fields.value(key)?.position ?? fields.position
            let message = kind.refusal(of: key)
                ?? "does not apply to '\(name)', which reads \(own.map { "'\($0)'" }.joined(separator: ", "))"
            throw LessonError(.invalidValue(key: key, in: "data cell", message: message), at: position)
        }
    }

    private static func classNames(_ fields: FieldReader, source: any DatasetKind) throws(LessonError) -> [String] {
        let value = try fields.required("classes")
        let names = value.items?.compactMap(\.text) ?? []
        guard let items = value.items, names.count == items.count, !names.contains(where: \.isEmpty) else {
            throw LessonError(
                .wrongType(key: "classes", in: "data cell", expected: "a list of names like [outer, inner]", found: value.kindDescription),
                at: value.position)
        }
        if source.classCount == 0 { throw classesOfRegression(source, at: value.position) }
        if let count = source.classCount, count != names.count {
            throw classesMismatch(names, classCount: count, of: source, at: value.position)
        }
        return names
    }

    /// Regression data has values to predict, not classes to name.
    static func classesOfRegression(_ source: any DatasetKind, at position: SourcePosition) -> LessonError {
        LessonError(
            .invalidValue(key: "classes", in: "data cell", message: "names classes, but \(source.title) has real values to predict, not classes"),
            at: position)
    }
}
