import Foundation
import Testing
import MathML

/// One formula of `Fixtures/seed-formulas.txt`.
struct CorpusFormula {
    var seed: String
    var display: Bool
    var tex: String
    /// The error description the seed's own malformed formula must produce, if any.
    var expectedError: String?
}

/// Reads the committed seed corpus (the tests never read `../shared`).
func loadCorpus() throws -> [CorpusFormula] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seed-formulas.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    var formulas: [CorpusFormula] = []
    var lines: [Substring] = []
    func finish() {
        guard !formulas.isEmpty else { return }
        formulas[formulas.count - 1].tex = lines.joined(separator: "\n")
        lines = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("@ ") {
            finish()
            let header = String(line.dropFirst(2)).components(separatedBy: " expect-error: ")
            let fields = header[0].split(separator: " ")
            formulas.append(CorpusFormula(
                seed: String(fields[0]), display: fields[1] == "display", tex: "",
                expectedError: header.count > 1 ? header[1] : nil))
        } else if !formulas.isEmpty {
            lines.append(line)
        }
    }
    finish()
    // Each formula ends with the newline before the next header.
    for index in formulas.indices where formulas[index].tex.hasSuffix("\n") {
        formulas[index].tex.removeLast()
    }
    return formulas
}

@Suite struct CorpusTests {
    @Test func corpusHasEveryFormulaOfTheFiveSeeds() throws {
        let corpus = try loadCorpus()
        #expect(corpus.count == 518)
        #expect(Set(corpus.map(\.seed)).count == 5)
    }

    @Test func everySeedFormulaConverts() throws {
        for formula in try loadCorpus() {
            do {
                let html = try MathML.convert(formula.tex, display: formula.display)
                #expect(formula.expectedError == nil, "\(formula.seed): expected an error for \(formula.tex)")
                #expect(html.hasPrefix("<math"))
            } catch {
                #expect(error.description == formula.expectedError, "\(formula.seed): \(formula.tex)")
            }
        }
    }
}
