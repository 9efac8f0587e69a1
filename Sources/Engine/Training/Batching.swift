/// How an epoch's samples are grouped into the batches each update sees.
public enum Batching: Sendable, Hashable, CustomStringConvertible {
    /// One update per epoch on every sample (full-batch gradient descent).
    case fullBatch
    /// Updates on batches of `size` samples; the last batch keeps the remainder.
    case miniBatch(size: Int)
    /// One update per sample (stochastic, or per-sample, gradient descent).
    case stochastic

    public var description: String {
        switch self {
        case .fullBatch: "full batch"
        case let .miniBatch(size): "mini-batches of \(size)"
        case .stochastic: "one sample at a time"
        }
    }

    /// The batch size for `count` samples (every batch's but the last, which keeps the remainder).
    public func size(for count: Int) -> Int {
        switch self {
        case .fullBatch: count
        case let .miniBatch(size): max(1, min(size, count))
        case .stochastic: 1
        }
    }

    /// The updates of an epoch over `count` samples: `⌈count / size⌉`.
    public func updates(for count: Int) -> Int {
        let size = max(1, size(for: count))
        return (count + size - 1) / size
    }
}
