extension String {
    /// The edit distance to `other`: the fewest insertions, deletions, substitutions and swaps
    /// of two neighbouring characters that turn one string into the other (optimal string
    /// alignment, so the typo `trian` is one edit from `train`).
    func editDistance(to other: String) -> Int {
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
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[source.count][target.count]
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
///
/// Close enough means at most a third of the word's length (and at least one) edits away;
/// ties go to the candidate listed first.
func suggestion(for word: String, among candidates: [String]) -> String? {
    let limit = Swift.max(1, word.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = word.lowercased().editDistance(to: candidate.lowercased())
        if distance <= limit && distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    return best?.candidate
}
