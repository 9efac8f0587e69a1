/// Why a training run stopped before its last epoch.
public enum TrainingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A quantity became NaN or infinite.
    ///
    /// - Parameters:
    ///   - step: where it happened.
    ///   - quantity: what became non-finite, as a reader would name it (`the loss`, `the weights W2`).
    ///   - value: the offending value (NaN or ±infinity).
    ///   - learningRate: the learning rate in use.
    case diverged(step: TraceStep, quantity: String, value: Double, learningRate: Double)

    public var description: String {
        switch self {
        case let .diverged(step, quantity, value, learningRate):
            let what = value.isNaN ? "NaN" : (value > 0 ? "+infinity" : "-infinity")
            return "training diverged in epoch \(step.epoch) (update \(step.step)): \(quantity) became \(what); "
                + "try a smaller learning rate than \(Self.plain(learningRate))"
        }
    }

    /// A whole number without Swift's trailing `.0` (`1000000`, not `1000000.0`); others as Swift writes them.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
