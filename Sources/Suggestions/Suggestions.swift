// Did-you-mean suggestions, shared by every module that reports a mistyped name.

extension String {
    /// The optimal-string-alignment distance to `other`, counting characters: the fewest
    /// insertions, deletions, substitutions and swaps of neighbours that turn one into the other
    /// (`rleu` is one swap from `relu`).
    public func editDistance(to other: String) -> Int {
        let source = Array(self), target = Array(other)
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: target.count + 1), count: source.count + 1)
        for i in 0...source.count { table[i][0] = i }
        for j in 0...target.count { table[0][j] = j }
        for i in 1...source.count {
            for j in 1...target.count {
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                table[i][j] = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1] {
                    table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[source.count][target.count]
    }
}

/// The candidates to suggest for a mistyped `name`: those at the smallest distance, at most three,
/// in the candidates' order.
///
/// A candidate that differs only in case and underscores (`thetanew`, `theta_new`) is at
/// distance 0. Otherwise the edit distance counts, and a candidate is close enough when the
/// distance is at most a third of the longer name's length (at least 1, at most 3); a name of
/// one character has no suggestions but those at distance 0, since every short name is one edit away.
public func suggestions(for name: String, among candidates: [String]) -> [String] {
    func folded(_ text: String) -> String { text.lowercased().filter { $0 != "_" } }
    let foldedName = folded(name), length = name.count
    var best: [String] = []
    var bestDistance = Int.max
    for candidate in candidates where candidate != name && !best.contains(candidate) {
        let isFolded = folded(candidate) == foldedName
        let limit = length < 2 ? 0 : Swift.min(3, Swift.max(1, Swift.max(length, candidate.count) / 3))
        // The distance is at least the difference in length, so a pasted paragraph is never
        // compared character by character with every candidate.
        guard isFolded || abs(length - candidate.count) <= limit else { continue }
        let distance = isFolded ? 0 : name.editDistance(to: candidate)
        guard distance <= limit && distance <= bestDistance else { continue }
        if distance < bestDistance {
            best = []
            bestDistance = distance
        }
        best.append(candidate)
    }
    return Array(best.prefix(3))
}
