import Engine
import LessonFormat
import MathML
import Report

// The tables computed from the current network: its truth table and its gradient check.
extension TableCell {
    func truthTable(_ cell: Cell, session: Session) throws(LessonError) -> ReportTable {
        let data = try session.requireData(for: cell)
        let network = try session.requireNetwork(for: cell)
        let samples = data.training
        guard !samples.isRegression else {
            throw LessonError(
                .failed("a truth table marks each sample's class right or wrong, but \(data.title) has real values to predict; list the network's outputs with an evaluate cell's 'show: predictions'"),
                at: cell.position)
        }
        try network.requireFit(
            features: samples.featureCount, targetColumns: samples.targets.columns, samples: "the data has", at: cell.position)
        let columnCount = samples.featureCount + 2 + 2 * network.denseLayers.reduce(0) { $0 + $1.outputCount }
        guard columnCount <= Self.maximumTruthTableColumns else {
            throw LessonError(
                .failed("a truth table of this network and data would have \(columnCount) columns (at most \(Self.maximumTruthTableColumns)); for one sample of a larger network, use 'of: trace' with 'at: {input: N}'"),
                at: cell.position)
        }
        let count = min(samples.count, rowLimit)
        let pass = network.forward(samples.inputs.rows(0..<count))
        let layerCount = network.denseLayers.count
        let oneHot = samples.targets.columns > 1

        var headers = samples.featureNames.map(Self.mathName)
        headers.append(oneHot ? "target" : "$y$")
        for (index, layer) in network.denseLayers.enumerated() {
            let layerMark = layerCount == 1 ? "" : "^{\(index + 1)}"
            for unit in 0..<layer.outputCount {
                let unitMark = layer.outputCount == 1 ? "" : "_{\(unit + 1)}"
                headers.append("$n\(layerMark)\(unitMark)$")
                headers.append("$a\(layerMark)\(unitMark)$")
            }
        }
        headers.append("correct")

        // Bipolar targets (−1/+1) split at 0, 0/1 targets and probabilities at 0.5.
        let threshold = samples.targets.values.contains { $0 < 0 } ? 0.0 : 0.5
        var rows = [[String]]()
        for sample in 0..<count {
            var row = samples.inputs.row(sample).values.map(session.format)
            row.append(oneHot ? "\(samples.labels[sample])" : session.format(samples.targets[sample, 0]))
            for index in 0..<layerCount {
                for unit in 0..<network.denseLayers[index].outputCount {
                    row.append(session.format(pass.nets[index][sample, unit]))
                    row.append(session.format(pass.outputs[index][sample, unit]))
                }
            }
            let correct = Accuracy.correctCount(
                output: pass.output.row(sample), target: samples.targets.row(sample), threshold: threshold) == 1
            row.append(correct ? "✓" : "✗")
            rows.append(row)
        }
        let correctCount = rows.filter { $0.last == "✓" }.count
        return table(
            headers: headers, rows: rows, numericColumns: Set(0..<(headers.count - 1)),
            automatic: "Every sample of \(data.title) through the \(network.sizes.map(String.init).joined(separator: "–")) network, as the engine computes it.",
            remarks: ["\(correctCount) of \(count) outputs are correct."], totalCount: samples.count)
    }

    func gradientCheckTable(_ cell: Cell, session: Session) throws(LessonError) -> ReportTable {
        let data = try session.requireData(for: cell)
        let network = try session.requireNetwork(for: cell)
        guard network.parameterCount <= Self.maximumCheckedParameters else {
            throw LessonError(
                .failed("the gradient check compares every weight and bias, and the network has \(network.parameterCount); the limit is \(Self.maximumCheckedParameters)"),
                at: cell.position)
        }
        try network.requireFit(
            features: data.training.featureCount, targetColumns: data.training.targets.columns, samples: "the data has",
            at: cell.position)
        let count = min(samples, data.training.count)
        let examples = LabeledData(
            inputs: data.training.inputs.rows(0..<count), targets: data.training.targets.rows(0..<count))
        let loss = checkedLoss(session: session, network: network)
        let entries = GradientCheck.compare(network, on: examples, loss: loss)
        let rows = entries.map { entry in
            [
                "$\(entry.parameter)^{\(entry.layer)}_{\(entry.row + 1),\(entry.column + 1)}$",
                session.format(entry.analytic), session.format(entry.numerical),
                "$" + NumberText.tex(entry.relativeError, significantDigits: 2) + "$",
            ]
        }
        let largest = entries.map(\.relativeError).max() ?? 0
        let sampleText = count == 1 ? "1 sample" : "the first \(count) samples"
        return table(
            headers: ["parameter", "backpropagation", "central differences", "relative error"], rows: rows,
            numericColumns: [1, 2, 3],
            automatic: "The gradient of the \(loss) loss over \(sampleText), by backpropagation and by central finite differences.",
            remarks: [
                "Largest relative error over all \(entries.count) parameters: $"
                    + NumberText.tex(largest, significantDigits: 2) + "$."
            ])
    }

    /// The loss the cell names, else the last gradient-descent run's, else the output activation's natural one.
    private func checkedLoss(session: Session, network: Network) -> Loss {
        if let loss { return loss }
        if case let .gradientDescent(run) = session.training { return run.configuration.loss }
        switch network.outputLayer.activation {
        case .sigmoid: return .binaryCrossEntropy
        case .softmax: return .categoricalCrossEntropy
        default: return .squaredError
        }
    }

    /// A feature name as a column heading: `x1` as $x_{1}$, other names as code.
    static func mathName(_ name: String) -> String {
        let letters = name.prefix { $0.isLetter && $0.isASCII }
        let digits = name.dropFirst(letters.count)
        guard letters.count == 1, !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return "`\(name)`" }
        return "$\(letters)_{\(digits)}$"
    }
}
