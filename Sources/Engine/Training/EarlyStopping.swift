/// Stops training when the validation loss has not improved for `patience` epochs.
public struct EarlyStopping: Sendable, Hashable {
    /// How many epochs without improvement are tolerated.
    public var patience: Int
    /// How much the validation loss must fall to count as an improvement.
    public var minimumImprovement: Double
    /// Whether the network gets back the parameters of its best epoch when training stops.
    public var restoresBestParameters: Bool

    /// Creates an early-stopping rule.
    public init(patience: Int, minimumImprovement: Double = 0, restoresBestParameters: Bool = true) {
        require(patience >= 1, "EarlyStopping: patience \(patience) must be at least 1")
        self.patience = patience
        self.minimumImprovement = minimumImprovement
        self.restoresBestParameters = restoresBestParameters
    }
}
