import Datasets
import Engine
import LessonFormat

/// The data a lesson's cells work on: training samples, and held-out samples if the data
/// cell made them.
struct SessionData: Sendable {
    /// How captions name the data (`the AND gate`, `two concentric circles`).
    public var title: String
    /// The samples the model learns from, after any feature map.
    public var training: Dataset
    /// Samples for early stopping and validation curves, if any.
    public var validation: Dataset?
    /// Held-out samples for the final measure, if any.
    public var test: Dataset?
    /// The training samples before the feature map, for plots in the original plane.
    public var original: Dataset
    /// The held-out samples before the feature map, if any.
    public var originalTest: Dataset?
    /// The feature map applied to every input, if any.
    public var featureMap: FeatureMap?
    /// The class names, in label order.
    public var classNames: [String]
    /// Whether each input is a 28×28 image (MNIST).
    public var isImages: Bool
    /// Where the data came from, when the report should say so (MNIST's source or subset).
    public var sourceNote: String?

    /// Creates session data.
    public init(
        title: String, training: Dataset, validation: Dataset? = nil, test: Dataset? = nil, original: Dataset? = nil,
        originalTest: Dataset? = nil, featureMap: FeatureMap? = nil, classNames: [String], isImages: Bool = false,
        sourceNote: String? = nil
    ) {
        self.title = title
        self.training = training
        self.validation = validation
        self.test = test
        self.original = original ?? training
        self.originalTest = originalTest ?? test
        self.featureMap = featureMap
        self.classNames = classNames
        self.isImages = isImages
        self.sourceNote = sourceNote
    }

    /// The training samples as the engine takes them.
    public var trainingExamples: LabeledData { LabeledData(inputs: training.inputs, targets: training.targets) }
    /// The validation samples as the engine takes them, if any.
    public var validationExamples: LabeledData? {
        validation.flatMap { $0.count > 0 ? LabeledData(inputs: $0.inputs, targets: $0.targets) : nil }
    }
    /// The test samples as the engine takes them, if any.
    public var testExamples: LabeledData? {
        test.flatMap { $0.count > 0 ? LabeledData(inputs: $0.inputs, targets: $0.targets) : nil }
    }
}
