import Datasets
import Engine
import LessonFormat
import Report

extension EvaluateCell {
    /// The most inputs a listing shows as columns; wider samples are named by their number.
    static let widestListedInput = 4

    /// A table of samples with input, target, the network's output and its predicted class;
    /// for a logic gate on its training rows, the truth table the network computes.
    func listing(_ listing: Listing, of evaluation: Evaluation, data: SessionData, session: Session) -> ReportBlock {
        if evaluation.isRegression { return regressionListing(of: evaluation, data: data, session: session) }
        let samples = evaluation.samples
        let candidates = listing == .predictions ? Array(samples.labels.indices) : evaluation.misclassifiedIndices
        let place = "\(split) samples of \(data.title)"
        guard !candidates.isEmpty else {
            return .note("None of the \(NumberText.grouped(samples.count)) \(place) is misclassified.")
        }
        let shown = Array(candidates.prefix(rowLimit))
        let showsInputs = !data.isImages && samples.featureCount <= Self.widestListedInput
        let numbersRows = !showsInputs || shown.count < samples.count

        var headers = [String]()
        if numbersRows { headers.append("sample") }
        if showsInputs { headers += samples.featureNames.map(Self.mathName) }
        headers.append("target")
        let outputs = evaluation.outputs
        let outputHeaders: [String] = switch outputs.columns {
        case 1: ["output $a$"]
        case 2...3: (1...outputs.columns).map { "$a_\($0)$" }
        default: [evaluation.network.outputLayer.activation == .softmax ? "probability" : "largest output"]
        }
        headers += outputHeaders + ["predicted", "correct"]

        let rows = shown.map { index -> [String] in
            var row = [String]()
            if numbersRows { row.append(String(index + 1)) }
            if showsInputs {
                row += (0..<samples.featureCount).map { session.format(samples.inputs[index, $0]) }
            }
            row.append(data.classNames[samples.labels[index]].markdownLiteral)
            let predicted = evaluation.predictedLabels[index]
            if outputHeaders.count == outputs.columns {
                row += (0..<outputs.columns).map { session.format(outputs[index, $0]) }
            } else {
                row.append(session.format(outputs[index, predicted]))
            }
            row += [data.classNames[predicted].markdownLiteral, predicted == samples.labels[index] ? "✓" : "✗"]
            return row
        }

        let total = candidates.count
        let which = listing == .predictions ? place : "misclassified \(place)"
        let lead = shown.count == total
            ? (listing == .predictions ? "Every one of the \(NumberText.grouped(total)) \(which)" : "The \(NumberText.grouped(total)) \(which)")
            : "The first \(shown.count) of the \(NumberText.grouped(total)) \(which)"
        let firstNumeric = numbersRows ? 1 : 0
        let numeric = Set(firstNumeric..<(firstNumeric + (showsInputs ? samples.featureCount : 0)))
            .union(Set((headers.count - 2 - outputHeaders.count)..<(headers.count - 2)))
        return .table(ReportTable(
            headers: headers, rows: rows,
            caption: "\(lead): \(showsInputs ? "inputs, " : "")target class, the network's output and the class it predicts.",
            numericColumns: numeric))
    }

    /// The first samples of regression data: inputs, each target `y`, the network's output `a`
    /// and the error `y − a`.
    func regressionListing(of evaluation: Evaluation, data: SessionData, session: Session) -> ReportBlock {
        let samples = evaluation.samples
        let place = "\(split) samples of \(data.title)"
        let shown = Array(0..<min(rowLimit, samples.count))
        let showsInputs = !data.isImages && samples.featureCount <= Self.widestListedInput
        let k = samples.targets.columns
        let names = samples.targetNames.count == k ? samples.targetNames : (1...k).map { "y\($0)" }

        var headers = ["sample"]
        if showsInputs { headers += samples.featureNames.map(Self.mathName) }
        let outputName = PlotSupport.outputName(of: evaluation.network)
        for (column, name) in names.enumerated() {
            let output = k == 1 ? "$a$" : "$a_\(column + 1)$"
            headers += ["target \(Self.mathName(name))", "output \(output)", "error \(k == 1 ? "$y - a$" : "$y_\(column + 1) - a_\(column + 1)$")"]
        }
        let rows = shown.map { index -> [String] in
            var row = [String(index + 1)]
            if showsInputs { row += (0..<samples.featureCount).map { session.format(samples.inputs[index, $0]) } }
            for column in 0..<k {
                let (y, a) = (samples.targets[index, column], evaluation.outputs[index, column])
                row += [session.format(y), session.format(a), session.format(y - a)]
            }
            return row
        }
        let lead = shown.count == samples.count
            ? "Every one of the \(NumberText.grouped(samples.count)) \(place)"
            : "The first \(shown.count) of the \(NumberText.grouped(samples.count)) \(place)"
        return .table(ReportTable(
            headers: headers, rows: rows,
            caption: "\(lead): \(showsInputs ? "inputs, " : "")target, the network's output (\(outputName)) and the error.",
            numericColumns: Set(headers.indices)))
    }

    /// `x1` as `$x_{1}$`, `x1²` as `$x_{1}^2$` and `y` as `$y$`; other names (a CSV's columns) as written.
    static func mathName(_ name: String) -> String {
        guard let letter = name.first, letter.isLetter, letter.isASCII else { return name.markdownLiteral }
        if name.count == 1 { return "$\(letter)$" }
        var rest = name.dropFirst()
        let squared = rest.hasSuffix("²")
        if squared { rest = rest.dropLast() }
        guard !rest.isEmpty, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber) else { return name.markdownLiteral }
        return "$\(letter)_{\(rest)}\(squared ? "^2" : "")$"
    }
}
