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
    /// The last evaluation's mean squared error on the training samples (regression data).
    public var trainingMSE: Double?
    /// The last evaluation's mean squared error on the validation samples (regression data).
    public var validationMSE: Double?
    /// The last evaluation's mean squared error on the test samples (regression data).
    public var testMSE: Double?
    /// The last evaluation's R² on the training samples (regression data).
    public var trainingRSquared: Double?
    /// The last evaluation's R² on the validation samples (regression data).
    public var validationRSquared: Double?
    /// The last evaluation's R² on the test samples (regression data).
    public var testRSquared: Double?
    /// Whether the perceptron rule converged (perceptron chapters only).
    public var converged: Bool?
    /// Equations whose numbers were checked and held.
    public var relationsHeld = 0
    /// Equations whose numbers were checked and did not hold.
    public var relationsFailed = 0
    /// Equations marked `expect: fail` that failed, as the lesson meant them to.
    public var relationsFailedAsExpected = 0
    /// Figures drawn.
    public var figures = 0

    /// Creates empty metrics.
    public init() {}

    /// Reads metrics, also from a `results.json` written before `relationsFailedAsExpected`
    /// existed (a chapter kept from an older run).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        epochs = try container.decodeIfPresent(Int.self, forKey: .epochs)
        finalTrainingLoss = try container.decodeIfPresent(Double.self, forKey: .finalTrainingLoss)
        trainingAccuracy = try container.decodeIfPresent(Double.self, forKey: .trainingAccuracy)
        validationAccuracy = try container.decodeIfPresent(Double.self, forKey: .validationAccuracy)
        testAccuracy = try container.decodeIfPresent(Double.self, forKey: .testAccuracy)
        trainingMSE = try container.decodeIfPresent(Double.self, forKey: .trainingMSE)
        validationMSE = try container.decodeIfPresent(Double.self, forKey: .validationMSE)
        testMSE = try container.decodeIfPresent(Double.self, forKey: .testMSE)
        trainingRSquared = try container.decodeIfPresent(Double.self, forKey: .trainingRSquared)
        validationRSquared = try container.decodeIfPresent(Double.self, forKey: .validationRSquared)
        testRSquared = try container.decodeIfPresent(Double.self, forKey: .testRSquared)
        converged = try container.decodeIfPresent(Bool.self, forKey: .converged)
        relationsHeld = try container.decode(Int.self, forKey: .relationsHeld)
        relationsFailed = try container.decode(Int.self, forKey: .relationsFailed)
        relationsFailedAsExpected = try container.decodeIfPresent(Int.self, forKey: .relationsFailedAsExpected) ?? 0
        figures = try container.decode(Int.self, forKey: .figures)
    }
}

extension ChapterMetrics {
    /// Records a regression measurement of `split`: its MSE and R² (`nil` when not defined).
    mutating func setRegression(split: EvaluateCell.Split, meanSquaredError: Double, rSquared: Double?) {
        switch split {
        case .training: (trainingMSE, trainingRSquared) = (meanSquaredError, rSquared)
        case .validation: (validationMSE, validationRSquared) = (meanSquaredError, rSquared)
        case .test: (testMSE, testRSquared) = (meanSquaredError, rSquared)
        }
    }
}
