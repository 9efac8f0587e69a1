extension String {
    /// The Levenshtein distance to `other`, counting characters: the fewest insertions,
    /// deletions and substitutions that turn one into the other.
    func editDistance(to other: String) -> Int {
        let source = Array(self), target = Array(other)
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                let substitution = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }
}

/// The candidates close enough to `name` to suggest, closest first (at most three).
///
/// A candidate is close when it differs only in case and underscores (`thetanew` for
/// `theta_new`), or when its edit distance is at most a third of the longer name's length
/// (at least 1, at most 3). Ties keep the candidates' order.
func suggestions(for name: String, among candidates: [String]) -> [String] {
    func folded(_ text: String) -> String { text.lowercased().filter { $0 != "_" } }
    var scored: [(distance: Int, index: Int, name: String)] = []
    for (index, candidate) in candidates.enumerated() where candidate != name {
        let distance = folded(candidate) == folded(name) ? 0 : name.editDistance(to: candidate)
        let limit = Swift.min(3, Swift.max(1, Swift.max(name.count, candidate.count) / 3))
        if distance <= limit { scored.append((distance, index, candidate)) }
    }
    scored.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
    var seen = Set<String>()
    return scored.map(\.name).filter { seen.insert($0).inserted }.prefix(3).map { $0 }
}
