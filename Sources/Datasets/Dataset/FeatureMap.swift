import Engine

/// A fixed transformation of each input row, such as φ(x) = [x₁², x₂²].
///
/// The circles chapter uses `squares` to show that a feature map can make data linearly
/// separable: the circle x₁² + x₂² = r² becomes the line z₁ + z₂ = r².
public struct FeatureMap: Sendable {
    /// The name used in reports, for example `"φ(x) = [x₁², x₂²]"`.
    public let name: String
    /// The names of the new features.
    public let featureNames: [String]
    private let transform: @Sendable ([Double]) -> [Double]

    /// Creates a feature map from a function of one input row.
    ///
    /// - Parameters:
    ///   - name: the name used in reports.
    ///   - featureNames: the names of the outputs; `transform` must return one value per name.
    ///   - transform: maps one input row to the new features.
    public init(name: String, featureNames: [String], transform: @escaping @Sendable ([Double]) -> [Double]) {
        self.name = name
        self.featureNames = featureNames
        self.transform = transform
    }

    /// φ(x) = [x₁², x₂², …]: the square of every input.
    public static let squares = FeatureMap(name: "φ(x) = [x₁², x₂²]", featureNames: ["x1²", "x2²"]) { row in
        row.map { $0 * $0 }
    }

    /// φ(x) = [x₁, x₂, x₁² + x₂²]: the inputs and their squared distance from the origin.
    public static let withSquaredRadius = FeatureMap(
        name: "φ(x) = [x₁, x₂, x₁² + x₂²]", featureNames: ["x1", "x2", "x1² + x2²"]
    ) { row in
        row + [row.reduce(0) { $0 + $1 * $1 }]
    }

    /// Applies the map to every row of `inputs`.
    ///
    /// - Precondition: the transform returns `featureNames.count` values for every row.
    public func apply(to inputs: Matrix) -> Matrix {
        var values = [Double]()
        values.reserveCapacity(inputs.rows * featureNames.count)
        for row in 0..<inputs.rows {
            let start = row * inputs.columns
            let mapped = transform(Array(inputs.values[start..<(start + inputs.columns)]))
            require(
                mapped.count == featureNames.count,
                "FeatureMap \(name): \(mapped.count) values for \(featureNames.count) features")
            values.append(contentsOf: mapped)
        }
        return Matrix(rows: inputs.rows, columns: featureNames.count, values: values)
    }
}

extension Dataset {
    /// The same samples with their inputs replaced by `map`'s features.
    public func mapped(by map: FeatureMap) -> Dataset {
        var copy = self
        copy.inputs = map.apply(to: inputs)
        copy.featureNames = map.featureNames
        return copy
    }
}
