extension Dataset: CustomStringConvertible {
    /// A one-line summary for reports: `circles: 200 samples × 2 features, 2 classes (100, 100)`,
    /// or for regression `sine: 40 samples × 1 feature, 1 real target (y)`.
    public var description: String {
        if isRegression {
            let features = "\(featureCount) feature\(featureCount == 1 ? "" : "s")"
            let targets = "\(targetNames.count) real target\(targetNames.count == 1 ? "" : "s")"
            return "\(name): \(count) samples × \(features), \(targets) (\(targetNames.joined(separator: ", ")))"
        }
        let counts = classCounts.map(String.init).joined(separator: ", ")
        return "\(name): \(count) samples × \(featureCount) features, \(classCount) classes (\(counts))"
    }
}
