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
    /// The training loss of `epoch` grew past `GradientDescentTrainer.divergingGrowth` times
    /// the first epoch's, while staying finite.
    case lossGrew(epoch: Int, firstLoss: Double, loss: Double, learningRate: Double)

    /// The epoch the run diverged in.
    public var epoch: Int {
        switch self {
        case let .diverged(step, _, _, _): step.epoch
        case let .lossGrew(epoch, _, _, _): epoch
        }
    }

    public var description: String { description(losses: Self.plain) }

    /// The message, with the losses of `lossGrew` written by `losses` (a report rounds them;
    /// `description` writes them in full).
    public func description(losses: (Double) -> String) -> String {
        switch self {
        case let .diverged(step, quantity, value, learningRate):
            let what = value.isNaN ? "NaN" : (value > 0 ? "+infinity" : "-infinity")
            return "training diverged in epoch \(step.epoch) (update \(step.step)): \(quantity) became \(what); "
                + "try a smaller learning rate than \(Self.plain(learningRate))"
        case let .lossGrew(epoch, firstLoss, loss, learningRate):
            return "training diverged in epoch \(epoch): the training loss grew from \(losses(firstLoss)) in epoch 1 "
                + "to \(losses(loss)), more than \(Self.plain(GradientDescentTrainer.divergingGrowth)) times as much; "
                + "try a smaller learning rate than \(Self.plain(learningRate))"
        }
    }

    /// A whole number without Swift's trailing `.0` (`1000000`, not `1000000.0`); others as Swift writes them.
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
