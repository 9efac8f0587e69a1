import LessonFormat

/// The machine-readable numbers of a chapter, written to its `results.json` for instructors'
/// own checks and for CI.
///
/// Run times are not among them: they differ from run to run, and a chapter's folder must be
/// the same, byte for byte, for the same lesson and seed (`output/timings.json` holds them).
public struct ChapterMetrics: Codable, Sendable, Equatable {
    /// Epochs the last training ran.
    public var epochs: Int?
    /// The last epoch's training loss (gradient descent).
    public var finalTrainingLoss: Double?
    /// The last epoch's training accuracy, or the last evaluation on the training samples.
    public var trainingAccuracy: Double?
    /// The last evaluation on the validation samples.
    public var validationAccuracy: Double?
    /// The last evaluation on the test samples.
    public var testAccuracy: Double?
    /// Whether the perceptron rule converged (perceptron chapters only).
    public var converged: Bool?
    /// Equations whose numbers were checked and held.
    public var relationsHeld = 0
    /// Equations whose numbers were checked and did not hold.
    public var relationsFailed = 0
    /// Figures drawn.
    public var figures = 0

    /// Creates empty metrics.
    public init() {}
}
