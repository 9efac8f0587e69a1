import Engine

/// A data set cut into training, validation and test parts.
public struct DatasetSplit: Sendable, Hashable {
    /// The samples the model learns from.
    public var train: Dataset
    /// The samples used to choose hyperparameters and stop early (may be empty).
    public var validation: Dataset
    /// The samples held out until the end (may be empty).
    public var test: Dataset
}

extension Dataset {
    /// The same samples in a random order drawn from `generator`.
    public func shuffled(using generator: inout SeededGenerator) -> Dataset {
        subset(generator.permutation(of: count))
    }

    /// Shuffles the samples, then cuts them into training, validation and test parts.
    ///
    /// The training part gets `⌊trainFraction · count⌉` samples, the validation part
    /// `⌊validationFraction · count⌉`, and the test part the rest.
    ///
    /// - Precondition: both fractions are in `[0, 1]` and add up to at most 1.
    public func split(
        trainFraction: Double, validationFraction: Double = 0, using generator: inout SeededGenerator
    ) -> DatasetSplit {
        require(
            trainFraction >= 0 && validationFraction >= 0 && trainFraction + validationFraction <= 1 + 1e-12,
            "Dataset.split: fractions \(trainFraction) and \(validationFraction) do not fit in 1")
        let order = generator.permutation(of: count)
        let trainCount = Int((trainFraction * Double(count)).rounded())
        let validationCount = min(count - trainCount, Int((validationFraction * Double(count)).rounded()))
        let validationEnd = trainCount + validationCount
        return DatasetSplit(
            train: named("train").subset(Array(order[0..<trainCount])),
            validation: named("validation").subset(Array(order[trainCount..<validationEnd])),
            test: named("test").subset(Array(order[validationEnd...])))
    }

    private func named(_ part: String) -> Dataset {
        var copy = self
        copy.name = "\(name) (\(part))"
        return copy
    }

    /// The samples, in order, as consecutive mini-batches of at most `size` samples.
    public func batches(ofSize size: Int) -> [Dataset] {
        require(size > 0, "Dataset.batches: size \(size) is not positive")
        return stride(from: 0, to: count, by: size).map { start in
            subset(Array(start..<min(start + size, count)))
        }
    }
}
