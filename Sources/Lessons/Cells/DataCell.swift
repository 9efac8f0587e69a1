import Datasets

/// A `data` cell: the samples the cells below learn from and are measured on.
///
/// ```yaml
/// dataset: circles        # and, or, xor, nand, nor, circles, blobs, spirals, quadrants, mnist, csv
/// count: 200              # synthetic sets: how many samples
/// noise: 0.1
/// factor: 0.5
/// test_count: 200         # an independent test set, drawn from a generator stream of its own
/// validation: 0.2         # a fraction of the training samples held out for validation
/// features: squares       # φ(x) = [x₁², x₂²]; the original points stay available for plots
/// ```
///
/// The keys each data set reads:
///
/// | dataset | keys (defaults) |
/// | --- | --- |
/// | `and`, `or`, `xor`, `nand`, `nor` | `encoding: binary` or `bipolar` |
/// | `circles` | `count: 200`, `noise: 0.1`, `factor: 0.5` (the inner radius), `test_count` |
/// | `blobs` | `count: 200`, `centers: [[-1, -1], [1, 1]]`, `noise: 0.5` (the spread), `test_count` |
/// | `spirals` | `count: 200`, `noise: 0`, `turns: 1.5`, `test_count` |
/// | `quadrants` | `count: 200`, `noise: 0.4` (the spread around (±1, ±1)), `test_count` |
/// | `mnist` | `train_count` (all 60,000), `test_count` (all 10,000) |
/// | `csv` | `path` (below the lesson's folder), `label` (the class column), `test_count` (rows held out) |
///
/// Every data set also reads `shuffle` (on for the synthetic sets, off for gates, MNIST and
/// CSV, which keep their order), `validation`, `features`, `classes` (names for legends and
/// tables, one per class) and `show` (a one-line note of what was loaded; off by default).
///
/// Each random draw has a generator stream of its own, so changing one option never moves
/// the numbers of another: `data` draws (or shuffles) the samples, `test-data` draws the
/// independent test set, `test-split` picks a CSV's test rows and `validation-split` the
/// validation samples.
public struct DataCell: Sendable, Equatable {
    /// Where the samples come from.
    public enum Source: Sendable, Equatable {
        /// A logic gate's truth table.
        case gate(LogicGate, encoding: LogicGate.Encoding)
        /// Two concentric circles: the outer of radius 1, the inner of radius `factor`.
        case circles(count: Int, noise: Double, factor: Double)
        /// Gaussian blobs, one class per center.
        case blobs(count: Int, centers: [[Double]], noise: Double)
        /// Two interleaved spirals.
        case spirals(count: Int, noise: Double, turns: Double)
        /// XOR-style Gaussian quadrants around (±1, ±1).
        case quadrants(count: Int, noise: Double)
        /// MNIST, the first `trainCount` training images (all when `nil`).
        case mnist(trainCount: Int?)
        /// A CSV file: its path's components below the lesson's folder, and the label column.
        case csv(path: [String], label: String)
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

    /// The data set names a cell may give.
    public static let datasetNames =
        LogicGate.allCases.map(\.rawValue) + ["circles", "blobs", "spirals", "quadrants", "mnist", "csv"]
    static let commonKeys = ["dataset", "shuffle", "validation", "features", "classes", "show"]
    static let specificKeys: [String: [String]] = {
        var keys = [
            "circles": ["count", "noise", "factor", "test_count"],
            "blobs": ["count", "centers", "noise", "test_count"],
            "spirals": ["count", "noise", "turns", "test_count"],
            "quadrants": ["count", "noise", "test_count"],
            "mnist": ["train_count", "test_count"],
            "csv": ["path", "label", "test_count"],
        ]
        for gate in LogicGate.allCases { keys[gate.rawValue] = ["encoding"] }
        return keys
    }()
    /// The keys a data cell may hold (each data set reads some of them).
    public static let keys = commonKeys + ["encoding", "count", "noise", "factor", "centers", "turns", "train_count", "test_count", "path", "label"]

    /// Where the samples come from.
    public var source: Source
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
        try Self.rejectKeys(notReadBy: name, in: fields)
        source = try Self.source(name, fields)
        shuffles = try fields.boolean("shuffle", default: source.isSynthetic)
        validationFraction = try fields.number("validation", default: 0, in: 0...0.9)
        shows = try fields.boolean("show", default: false)
        features = fields.contains("features")
            ? Features(rawValue: try fields.choice("features", among: Features.allCases.map(\.rawValue))) : nil

        switch source {
        case .mnist: testCount = fields.contains("test_count") ? try fields.integer("test_count", in: 1...10_000) : nil
        case .csv: testCount = fields.contains("test_count") ? try fields.integer("test_count", in: 1...100_000_000) : nil
        default: testCount = fields.contains("test_count") ? try Self.syntheticCount("test_count", source, fields) : nil
        }

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
    static func classesMismatch(_ names: [String], classCount: Int, of source: Source, at position: SourcePosition) -> LessonError {
        LessonError(
            .invalidValue(key: "classes", in: "data cell", message: "names \(names.count) classes for the \(classCount) classes of \(source.title)"),
            at: position)
    }

    /// A key that belongs to another data set is a mistake worth naming.
    private static func rejectKeys(notReadBy name: String, in fields: FieldReader) throws(LessonError) {
        let own = specificKeys[name] ?? []
        for key in keys where !commonKeys.contains(key) && !own.contains(key) && fields.contains(key) {
            let position = fields.value(key)?.position ?? fields.position
            if key == "test_count", LogicGate(rawValue: name) != nil {
                throw LessonError(
                    .invalidValue(key: key, in: "data cell", message: "does not apply to a logic gate, whose four rows are all there is; evaluate with 'on: training'"),
                    at: position)
            }
            throw LessonError(
                .invalidValue(key: key, in: "data cell", message: "does not apply to '\(name)', which reads \(own.map { "'\($0)'" }.joined(separator: ", "))"),
                at: position)
        }
    }

    private static func source(_ name: String, _ fields: FieldReader) throws(LessonError) -> Source {
        switch name {
        case "circles":
            let factor = try fields.number("factor", default: 0.5, in: 0...1)
            if factor >= 1 {
                let value = try fields.required("factor")
                throw LessonError(
                    .invalidValue(key: "factor", in: "data cell", message: "is the inner circle's radius, which must be below the outer's, 1; not \(value.text ?? "")"),
                    at: value.position)
            }
            let partial = Source.circles(count: 0, noise: 0, factor: factor)
            return .circles(count: try syntheticCount("count", partial, fields), noise: try noise(fields, default: 0.1), factor: factor)
        case "blobs":
            var centers = [[-1.0, -1.0], [1.0, 1.0]]
            if fields.contains("centers") {
                centers = try fields.matrix("centers")
                guard (2...100).contains(centers.count), !centers[0].isEmpty else {
                    throw LessonError(
                        .invalidValue(key: "centers", in: "data cell", message: "should list 2 to 100 centers like [[-1, -1], [1, 1]], one per class"),
                        at: try fields.required("centers").position)
                }
            }
            let partial = Source.blobs(count: 0, centers: centers, noise: 0)
            return .blobs(count: try syntheticCount("count", partial, fields), centers: centers, noise: try noise(fields, default: 0.5))
        case "spirals":
            let turns = try fields.number("turns", default: 1.5, in: 0.1...10)
            let partial = Source.spirals(count: 0, noise: 0, turns: turns)
            return .spirals(count: try syntheticCount("count", partial, fields), noise: try noise(fields, default: 0), turns: turns)
        case "quadrants":
            return .quadrants(count: try syntheticCount("count", .quadrants(count: 0, noise: 0), fields), noise: try noise(fields, default: 0.4))
        case "mnist":
            return .mnist(trainCount: fields.contains("train_count") ? try fields.integer("train_count", in: 1...60_000) : nil)
        case "csv":
            let path = try fields.text("path")
            return .csv(path: try relativePath(path, at: try fields.required("path").position), label: try fields.text("label"))
        default:
            let encoding = try fields.choice("encoding", among: LogicGate.Encoding.allCases.map(\.rawValue), default: "binary")
            return .gate(LogicGate(rawValue: name)!, encoding: LogicGate.Encoding(rawValue: encoding)!)
        }
    }

    private static func classNames(_ fields: FieldReader, source: Source) throws(LessonError) -> [String] {
        let value = try fields.required("classes")
        let names = value.items?.compactMap(\.text) ?? []
        guard let items = value.items, names.count == items.count, !names.contains(where: \.isEmpty) else {
            throw LessonError(
                .wrongType(key: "classes", in: "data cell", expected: "a list of names like [outer, inner]", found: value.kindDescription),
                at: value.position)
        }
        if let count = source.classCount, count != names.count {
            throw classesMismatch(names, classCount: count, of: source, at: value.position)
        }
        return names
    }

    private static func noise(_ fields: FieldReader, default value: Double) throws(LessonError) -> Double {
        try fields.number("noise", default: value, in: 0...1_000)
    }

    /// A sample count of a synthetic set, which must share out evenly over its groups.
    private static func syntheticCount(_ key: String, _ source: Source, _ fields: FieldReader) throws(LessonError) -> Int {
        let count = try fields.integer(key, default: 200, in: 1...1_000_000)
        let (groups, what): (Int, String) = switch source {
        case let .blobs(_, centers, _): (centers.count, "\(centers.count) blobs")
        case .quadrants: (4, "4 quadrants")
        case .spirals: (2, "2 spirals")
        default: (1, "")
        }
        if case .circles = source, count < 2 {
            throw LessonError(
                .invalidValue(key: key, in: "data cell", message: "must be at least 2, a point on each circle, not \(count)"),
                at: try fields.required(key).position)
        }
        if count % groups != 0 {
            let lower = count / groups * groups
            let suggestions = (lower > 0 ? "\(lower) or " : "") + "\(lower + groups)"
            throw LessonError(
                .invalidValue(key: key, in: "data cell", message: "must share out evenly over the \(what), not \(count) (try \(suggestions))"),
                at: try fields.required(key).position)
        }
        return count
    }
}
