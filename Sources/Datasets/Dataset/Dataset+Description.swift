extension Dataset: CustomStringConvertible {
    /// A one-line summary for reports: `circles: 200 samples × 2 features, 2 classes (100, 100)`.
    public var description: String {
        let counts = classCounts.map(String.init).joined(separator: ", ")
        return "\(name): \(count) samples × \(featureCount) features, \(classCount) classes (\(counts))"
    }
}
