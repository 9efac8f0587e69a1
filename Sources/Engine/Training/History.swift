/// The loss and accuracy of one epoch.
public struct EpochRecord: Sendable, Hashable {
    /// The epoch, from 1.
    public var epoch: Int
    /// The mean loss over the epoch's batches, each taken before its update (as Keras reports it).
    public var trainingLoss: Double
    /// The fraction of the epoch's samples classified correctly before their update.
    public var trainingAccuracy: Double
    /// The mean loss on the validation set after the epoch, if there is one.
    public var validationLoss: Double?
    /// The accuracy on the validation set after the epoch, if there is one.
    public var validationAccuracy: Double?
    /// Each layer's statistics after the epoch, when the run measures them.
    public var layers: [LayerStatistics]?
}

/// The per-epoch record of a training run.
public struct History: Sendable, Hashable {
    /// One record per epoch run.
    public internal(set) var epochs: [EpochRecord] = []
    /// Each layer's statistics before the first update, when the run measures them.
    public internal(set) var initialLayers: [LayerStatistics]?

    /// Creates an empty history.
    public init() {}

    /// The training loss per epoch.
    public var trainingLoss: [Double] { epochs.map(\.trainingLoss) }
    /// The training accuracy per epoch.
    public var trainingAccuracy: [Double] { epochs.map(\.trainingAccuracy) }
    /// The validation loss per epoch (empty without a validation set).
    public var validationLoss: [Double] { epochs.compactMap(\.validationLoss) }
    /// The validation accuracy per epoch (empty without a validation set).
    public var validationAccuracy: [Double] { epochs.compactMap(\.validationAccuracy) }
}
