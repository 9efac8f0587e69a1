import Engine
import Foundation

extension Dataset {
    /// Two interleaved spirals, the classic hard case for a small network.
    ///
    /// Point `i` of `countPerClass` lies at angle θ = turns · 2π · t and radius r = t, with
    /// t = (i + 1) / countPerClass; class 0 is (r cos θ, r sin θ) and class 1 the same
    /// spiral turned by π. Each coordinate then gets Gaussian noise of standard deviation `noise`.
    ///
    /// - Precondition: `countPerClass ≥ 1`, `noise ≥ 0`, `turns > 0`.
    public static func spirals(
        countPerClass: Int, noise: Double = 0, turns: Double = 1.5, shuffle: Bool = true,
        using generator: inout SeededGenerator
    ) -> Dataset {
        require(countPerClass >= 1, "Dataset.spirals: countPerClass \(countPerClass) is below 1")
        require(noise >= 0, "Dataset.spirals: noise \(noise) is negative")
        require(turns > 0, "Dataset.spirals: turns \(turns) is not positive")
        var rows = [[Double]]()
        var labels = [Int]()
        for label in 0..<2 {
            for i in 0..<countPerClass {
                let t = Double(i + 1) / Double(countPerClass)
                let angle = turns * 2 * Double.pi * t + Double(label) * Double.pi
                rows.append([t * cos(angle), t * sin(angle)])
                labels.append(label)
            }
        }
        return noisy(
            name: "spirals", rows: rows, labels: labels, classCount: 2, noise: noise,
            shuffle: shuffle, using: &generator)
    }
}
