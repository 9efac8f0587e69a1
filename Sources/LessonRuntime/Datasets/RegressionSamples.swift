import Datasets
import Engine

/// What the synthetic regression sets (`sine`, `plane`, `gaussian-bump`) share: inputs drawn
/// uniformly from a box, one target `y = f(x) + ε` with Gaussian noise `ε ~ N(0, noise²)`.
enum RegressionSamples {
    /// `count` samples with inputs uniform in `box` (one interval per input) and targets
    /// `function(x) + ε`.
    ///
    /// For each sample the inputs are drawn first, then its noise, all from `generator`. Without
    /// `shuffle` the samples are listed by increasing first input (then second), so a table of
    /// them reads like a function's table; with it they stay in the random order drawn.
    static func draw(
        name: String, count: Int, box: [ClosedRange<Double>], noise: Double, shuffle: Bool,
        using generator: inout SeededGenerator, function: ([Double]) -> Double
    ) -> Dataset {
        var rows = [(x: [Double], y: Double)]()
        rows.reserveCapacity(count)
        for _ in 0..<count {
            let x = box.map { generator.nextUniform(from: $0.lowerBound, to: $0.upperBound) }
            let epsilon = noise > 0 ? generator.nextNormal(mean: 0, standardDeviation: noise) : 0
            rows.append((x, function(x) + epsilon))
        }
        if !shuffle {
            rows.sort { $0.x.lexicographicallyPrecedes($1.x) }
        }
        return Dataset(
            name: name, inputs: Matrix(rows: count, columns: box.count, values: rows.flatMap(\.x)),
            targets: Matrix(column: rows.map(\.y)))
    }
}
