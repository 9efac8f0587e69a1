import Dispatch
import MathML

/// Converts the whole corpus `iterations` times and reports the best and median pass.
func benchmark(_ corpus: [CorpusFormula], iterations: Int) -> String {
    var times: [Double] = []
    var bytes = 0
    var failures = 0
    for _ in 0..<max(1, iterations) {
        let start = DispatchTime.now().uptimeNanoseconds
        bytes = 0
        failures = 0
        for formula in corpus {
            do {
                bytes += try MathML.convert(formula.tex, display: formula.display).utf8.count
            } catch {
                failures += 1
            }
        }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    let best = times[0]
    let median = times[times.count / 2]
    return "\(corpus.count) formulas, \(bytes) bytes of MathML, \(failures) errors; "
        + "whole corpus: best \(format(best)) ms, median \(format(median)) ms over \(times.count) runs"
}

private func format(_ milliseconds: Double) -> String {
    let hundredths = Int((milliseconds * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}
