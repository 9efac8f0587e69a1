import Foundation

/// One formula of the seed corpus fixture (`Tests/MathMLTests/Fixtures/seed-formulas.txt`).
struct CorpusFormula {
    var seed: String
    var display: Bool
    var tex: String
}

/// Reads the corpus fixture: `@ <seed> <inline|display>` header lines, each followed by the
/// formula's lines; `#` lines before the first header are comments.
func readCorpus(at path: String) throws -> [CorpusFormula] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var formulas: [CorpusFormula] = []
    var lines: [Substring] = []
    func finish() {
        guard !formulas.isEmpty else { return }
        var tex = lines.joined(separator: "\n")
        if tex.hasSuffix("\n") { tex.removeLast() }
        formulas[formulas.count - 1].tex = tex
        lines = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("@ ") {
            finish()
            let fields = line.dropFirst(2).split(separator: " ")
            formulas.append(CorpusFormula(seed: String(fields[0]), display: fields[1] == "display", tex: ""))
        } else if !formulas.isEmpty {
            lines.append(line)
        }
    }
    finish()
    return formulas
}
