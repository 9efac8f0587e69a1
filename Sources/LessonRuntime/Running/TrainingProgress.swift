import LessonFormat

/// Where a training run stands, for a progress display.
public struct TrainingProgress: Sendable {
    /// The lesson file being run.
    public var lesson: String
    /// The epoch just finished, from 1.
    public var epoch: Int
    /// The epochs the run will take at most.
    public var epochs: Int
    /// The epoch's training loss.
    public var loss: Double
    /// The epoch's training accuracy; `nil` for regression data, which has no classes.
    public var accuracy: Double?
    /// Seconds since the run started.
    public var elapsed: Double

    /// Seconds left at the pace so far.
    public var remaining: Double {
        epoch == 0 ? 0 : elapsed / Double(epoch) * Double(epochs - epoch)
    }
}
