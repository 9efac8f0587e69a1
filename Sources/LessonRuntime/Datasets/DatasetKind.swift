import Datasets
import Engine
import Foundation
import LessonFormat

/// One kind of data a data cell can name (`dataset: circles`): the keys it reads with their
/// defaults and checks, how captions name it, and how it makes or loads its samples.
///
/// A kind is one file in `Datasets/` that conforms to `DatasetKind` — or to
/// `SyntheticDataset`, for a set drawn from a random generator, which then needs only its
/// keys and its draw — and registers itself in the section `lessons_datasets` (see
/// `Registrable`). The data cell, its messages and did-you-mean suggestions, `check`, and the
/// chapter cache's list of input files all read the registry. Its line in `lessons/README.md`
/// (the table of data sets) is its documentation; a test checks that every kind has one.
protocol DatasetKind: Registrable, Sendable, Equatable {
    /// Every name a lesson may give it (the five logic gates share one kind); `[name]` by default.
    static var names: [String] { get }
    /// The keys it reads besides those every data set reads (`DataCell.commonKeys`).
    static var keys: [String] { get }
    /// Why `key`, which it does not read, is wrong, when the list of its keys does not say
    /// enough (a logic gate has no test set to draw); `nil` for the usual message.
    static func refusal(of key: String) -> String?

    /// Reads its keys from the cell (foreign keys were refused before); `name` is the name the
    /// lesson gave.
    init(name: String, fields: FieldReader) throws(LessonError)

    /// The size of the test set the cell asks for with `test_count`, checked; `nil` for none.
    func testCount(_ fields: FieldReader) throws(LessonError) -> Int?

    /// How captions name the data: `two concentric circles`.
    var title: String { get }
    /// Whether the samples are drawn from a generator; such sets are shuffled by default.
    var isSynthetic: Bool { get }
    /// The number of classes, when it is known before the data is loaded.
    var classCount: Int? { get }
    /// The number of input features, when it is known before the data is loaded.
    var featureCount: Int? { get }
    /// The class names legends and tables use unless the lesson gives its own.
    func defaultClassNames(classCount: Int) -> [String]

    /// The samples, before the steps every data set shares (class names, validation, the
    /// feature map): drawn, read or downloaded.
    func load(for cell: DataCell, in session: Session) throws(LessonError) -> LoadedData

    /// The files it reads for a lesson in `lessonFolder`, for the chapter cache, without
    /// loading them.
    func inputs(lessonFolder: URL, mnistLoader: MNISTLoader) -> [LessonInput]
}

extension DatasetKind {
    public static var names: [String] { [name] }
    public static func refusal(of key: String) -> String? { nil }
    public var isSynthetic: Bool { false }
    public func defaultClassNames(classCount: Int) -> [String] { (0..<classCount).map(String.init) }
    public func inputs(lessonFolder: URL, mnistLoader: MNISTLoader) -> [LessonInput] { [] }

    /// Whether `other` is the same kind with the same settings.
    func isEqual(to other: any DatasetKind) -> Bool { (other as? Self) == self }
}

/// A data set drawn from a random generator: `count` samples for training and, with
/// `test_count`, an independent test set from a stream of its own.
protocol SyntheticDataset: DatasetKind {
    /// The number of training samples the cell asks for.
    var count: Int { get }
    /// A fresh draw of `count` samples.
    func draw(count: Int, shuffle: Bool, using generator: inout SeededGenerator) -> Dataset
}

extension SyntheticDataset {
    public var isSynthetic: Bool { true }

    public func testCount(_ fields: FieldReader) throws(LessonError) -> Int? {
        fields.contains("test_count") ? try sampleCount("test_count", in: fields, groups: groups) : nil
    }

    /// The groups `count` must share out over, and how messages name them: one by default.
    public var groups: SampleGroups { SampleGroups() }

    /// Draws the training samples from the stream `data` and the test samples, when asked
    /// for, from `test-data`: drawn independently of the training samples, as a fresh sample
    /// of the same distribution.
    public func load(for cell: DataCell, in session: Session) throws(LessonError) -> LoadedData {
        var generator = session.generator("data")
        var loaded = LoadedData(training: draw(count: count, shuffle: cell.shuffles, using: &generator))
        if let testCount = cell.testCount {
            var testGenerator = session.generator("test-data")
            loaded.test = draw(count: testCount, shuffle: cell.shuffles, using: &testGenerator)
            loaded.test?.name += " (test)"
        }
        return loaded
    }
}

/// The groups a synthetic set's samples are dealt out to (its four quadrants), which its
/// sample counts must divide evenly; and the fewest samples it can be drawn with.
struct SampleGroups: Sendable {
    /// How many groups.
    public var count = 1
    /// How messages name them: `4 quadrants`.
    public var description = ""
    /// The fewest samples, and why (`a point on each circle`).
    public var minimum: (count: Int, reason: String) = (1, "")

    /// One group of at least one sample.
    public init() {}

    /// `count` groups named `description`.
    public init(count: Int, description: String) {
        self.count = count
        self.description = description
    }

    /// One group of at least `minimum` samples, for `reason`.
    public init(minimum: Int, reason: String) {
        self.minimum = (minimum, reason)
    }
}

/// A sample count `key` of a synthetic set (200 by default), which must share out evenly over
/// its groups.
func sampleCount(_ key: String, in fields: FieldReader, groups: SampleGroups) throws(LessonError) -> Int {
    let count = try fields.integer(key, default: 200, in: 1...1_000_000)
    if count < groups.minimum.count {
        throw LessonError(
            .invalidValue(key: key, in: "data cell", message: "must be at least \(groups.minimum.count), \(groups.minimum.reason), not \(count)"),
            at: try fields.required(key).position)
    }
    if count % groups.count != 0 {
        let lower = count / groups.count * groups.count
        let suggestions = (lower > 0 ? "\(lower) or " : "") + "\(lower + groups.count)"
        throw LessonError(
            .invalidValue(key: key, in: "data cell", message: "must share out evenly over the \(groups.description), not \(count) (try \(suggestions))"),
            at: try fields.required(key).position)
    }
    return count
}

/// The `noise` key of a synthetic set.
func noiseLevel(in fields: FieldReader, default value: Double) throws(LessonError) -> Double {
    try fields.number("noise", default: value, in: 0...1_000)
}

/// The samples a data set gave before the steps every data set shares (class names,
/// validation, the feature map).
struct LoadedData {
    /// The training samples.
    public var training: Dataset
    /// The test samples, if the data set has or made any.
    public var test: Dataset?
    /// Whether each input is a 28×28 image.
    public var isImages = false
    /// Where the data came from, for `SessionData.sourceNote`.
    public var sourceNote: String?
    /// A note the report must show whether or not the lesson asks (the MNIST subset), as plain text.
    public var requiredNote: String?

    /// Samples with nothing more to say about them.
    public init(training: Dataset, test: Dataset? = nil, isImages: Bool = false) {
        self.training = training
        self.test = test
        self.isImages = isImages
    }
}
