/// How the learning rate changes from epoch to epoch: the η of epoch `e` (from 1) of `E`,
/// from the configured rate η₀.
///
/// ```
/// warm-up (e ≤ W):  η₀ · e / W
/// constant:         η₀
/// step:             η₀ · factor^⌊(e′ − 1) / every⌋
/// exponential:      η₀ · rate^(e′ − 1)
/// cosine:           η_min + (η₀ − η_min) · (1 + cos(π (e′ − 1) / E′)) / 2
/// ```
/// where `e′ = e − W` counts the epochs after the warm-up and `E′ = E − W` is their number.
/// Every update of an epoch uses its η, and the trace records it as `eta`.
public struct LearningRateSchedule: Sendable, Hashable {
    /// How η decays after the warm-up.
    public enum Decay: Sendable, Hashable {
        /// η₀ throughout.
        case constant
        /// η₀ multiplied by `factor` every `every` epochs.
        case step(every: Int, factor: Double)
        /// η₀ multiplied by `rate` every epoch.
        case exponential(rate: Double)
        /// Half a cosine from η₀ down towards `minimum` over the epochs after the warm-up.
        case cosine(minimum: Double)
    }

    /// How η decays after the warm-up.
    public var decay: Decay
    /// The epochs at the start over which η grows linearly to η₀ (0 for none).
    public var warmup: Int

    /// Creates a schedule.
    public init(_ decay: Decay = .constant, warmup: Int = 0) {
        self.decay = decay
        self.warmup = warmup
    }

    /// η₀ throughout.
    public static let constant = LearningRateSchedule()

    /// The learning rate of epoch `epoch` (from 1) of `epochs`, from the base rate `base`.
    public func rate(base: Double, epoch: Int, epochs: Int) -> Double {
        if epoch <= warmup { return base * Double(epoch) / Double(warmup) }
        let later = epoch - warmup, count = max(1, epochs - warmup)
        switch decay {
        case .constant:
            return base
        case let .step(every, factor):
            return base * Self.power(factor, (later - 1) / max(1, every))
        case let .exponential(rate):
            return base * Self.power(rate, later - 1)
        case let .cosine(minimum):
            return minimum + (base - minimum) * (1 + _cos(Double.pi * Double(later - 1) / Double(count))) / 2
        }
    }

    /// `x` to a whole power by repeated multiplication, the same bits everywhere.
    private static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, n) { result *= x }
        return result
    }
}
