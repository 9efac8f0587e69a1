/// Printing matrices the way the reports and error messages show them.
extension Matrix: CustomStringConvertible {
    /// The matrix as `[[1, 2], [3, 4]]`, each entry printed in full precision.
    public var description: String {
        "[" + rowArrays.map { "[" + $0.map { formatted($0) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    private func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
