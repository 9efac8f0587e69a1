import Engine
import Foundation

extension Dataset {
    /// Two concentric circles, like scikit-learn's `make_circles(n_samples, noise, factor)`.
    ///
    /// The outer circle (radius 1, class 0) gets `count / 2` points (rounded down), the
    /// inner circle (radius `factor`, class 1) the rest, at evenly spaced angles
    /// `2π k / n`. Each coordinate then gets Gaussian noise of standard deviation `noise`,
    /// and the samples are shuffled when `shuffle` is true. No line separates the classes;
    /// φ(x) = [x₁², x₂²] makes them separable.
    ///
    /// - Precondition: `count ≥ 2`, `noise ≥ 0`, `0 ≤ factor < 1`.
    public static func circles(
        count: Int, noise: Double = 0, factor: Double = 0.8, shuffle: Bool = true,
        using generator: inout SeededGenerator
    ) -> Dataset {
        require(count >= 2, "Dataset.circles: count \(count) is below 2")
        require(noise >= 0, "Dataset.circles: noise \(noise) is negative")
        require(factor >= 0 && factor < 1, "Dataset.circles: factor \(factor) outside [0, 1)")
        let outerCount = count / 2
        let innerCount = count - outerCount
        var rows = [[Double]]()
        var labels = [Int]()
        for (pointCount, radius, label) in [(outerCount, 1.0, 0), (innerCount, factor, 1)] {
            for k in 0..<pointCount {
                let angle = 2 * Double.pi * Double(k) / Double(pointCount)
                rows.append([radius * cos(angle), radius * sin(angle)])
                labels.append(label)
            }
        }
        return noisy(name: "circles", rows: rows, labels: labels, classCount: 2, noise: noise,
                     shuffle: shuffle, using: &generator)
    }

    /// Adds Gaussian noise to every coordinate, then shuffles if asked: the last step of
    /// every synthetic set.
    static func noisy(
        name: String, rows: [[Double]], labels: [Int], classCount: Int, noise: Double,
        shuffle: Bool, using generator: inout SeededGenerator
    ) -> Dataset {
        var values = rows.flatMap { $0 }
        if noise > 0 {
            for index in values.indices {
                values[index] += generator.nextNormal(mean: 0, standardDeviation: noise)
            }
        }
        let inputs = Matrix(rows: rows.count, columns: rows.first?.count ?? 0, values: values)
        let dataset = Dataset(name: name, inputs: inputs, labels: labels, classCount: classCount)
        return shuffle ? dataset.shuffled(using: &generator) : dataset
    }
}
