import Engine
import LessonFormat
import Report

// The tables of what training did: the perceptron's updates, the history per epoch, and the
// quantities recorded at one step.
extension TableCell {
    func updatesTable(_ cell: Cell, session: Session) throws(LessonError) -> ReportTable {
        guard case let .perceptron(run) = try session.requireTraining(for: cell) else {
            throw LessonError(
                .failed("the updates table shows the perceptron rule's updates: the train cell above uses 'rule: gradient-descent'"),
                at: cell.position)
        }
        if let epochs, let missing = epochs.first(where: { $0 > run.result.epochsRun }) {
            throw LessonError(
                .failed("the updates table asks for epoch \(missing), but training ran \(run.result.epochsRun) epoch\(run.result.epochsRun == 1 ? "" : "s")"),
                at: cell.position)
        }
        let updates = run.result.updates.filter { epochs?.contains($0.step.epoch) ?? true }
        let headers = [
            "epoch", "sample", "$\\mathbf{x}$", "$y$", "$a$", "$e = y - a$", "$\\Delta\\mathbf{w}$", "$\\Delta b$",
            "new $\\mathbf{w}$", "new $b$",
        ]
        let rows = updates.map { update -> [String] in
            let cells = [
                "\(update.step.epoch)", "\(update.step.step)", session.vectorText(update.input),
                session.vectorText(update.target), session.vectorText(update.output), session.vectorText(update.error),
                session.vectorText(update.weightChange), session.vectorText(update.biasChange),
                session.vectorText(update.newWeights), session.vectorText(update.newBias),
            ]
            return update.isMistake ? cells.map { "**\($0)**" } : cells
        }
        let single = run.final.outputCount == 1
        let numeric: Set<Int> = single ? [0, 1, 3, 4, 5, 7, 9] : [0, 1]
        let shownEpochs = epochs.map { list in
            list.count == 1 ? "epoch \(list[0])" : "epochs " + list.map(String.init).joined(separator: ", ")
        } ?? "every epoch"
        return table(
            headers: headers, rows: rows, numericColumns: numeric,
            automatic: "The perceptron rule's updates in \(shownEpochs), η = \(session.format(run.learningRate)).",
            remarks: ["Rows in bold are mistakes ($y \\ne a$), the only updates that change $\\mathbf{w}$ and $b$."])
    }

    func historyTable(_ cell: Cell, session: Session) throws(LessonError) -> ReportTable {
        let training = try session.requireTraining(for: cell)
        func thinned(_ count: Int) -> [Int] {
            (0..<count).filter { $0 % every == 0 || $0 == count - 1 }
        }
        let thinning = every > 1 ? ["One epoch in \(every) is shown, and the last."] : []
        switch training {
        case let .perceptron(run):
            let rows = thinned(run.result.errorsPerEpoch.count).map { index in
                ["\(index + 1)", "\(run.result.errorsPerEpoch[index])"]
            }
            return table(
                headers: ["epoch", "mistakes"], rows: rows, numericColumns: [0, 1],
                automatic: "Misclassified samples in each epoch of the perceptron rule.", remarks: thinning,
                keepingLast: true)
        case let .gradientDescent(run):
            let epochs = run.result.history.epochs
            let validation = epochs.contains { $0.validationLoss != nil }
            // Regression data has no classes, so no accuracy: the loss is the measure.
            let accuracy = session.data?.training.isRegression != true
            var headers = ["epoch", "training loss"] + (accuracy ? ["training accuracy"] : [])
            if validation { headers += ["validation loss"] + (accuracy ? ["validation accuracy"] : []) }
            let rows = thinned(epochs.count).map { index -> [String] in
                let record = epochs[index]
                var row = ["\(record.epoch)", session.format(record.trainingLoss)]
                if accuracy { row.append(NumberText.percent(record.trainingAccuracy)) }
                if validation {
                    row.append(record.validationLoss.map(session.format) ?? "")
                    if accuracy { row.append(record.validationAccuracy.map(NumberText.percent) ?? "") }
                }
                return row
            }
            return table(
                headers: headers, rows: rows, numericColumns: Set(headers.indices),
                automatic: "\(accuracy ? "Loss and accuracy" : "Loss") per epoch (\(run.configuration.loss) loss).", remarks: thinning,
                keepingLast: true)
        }
    }

    func traceTable(_ cell: Cell, session: Session) throws(LessonError) -> ReportTable {
        let record = try step.quantities(for: cell, in: session, at: stepPosition)
        var rows = [[String]]()
        for quantity in quantities ?? record.names.map({ QuantityName(name: $0, position: cell.position) }) {
            guard let value = record[quantity.name] else {
                let hint = suggestion(for: quantity.name, among: record.names).map { " (did you mean '\($0)'?)" }
                    ?? "; recorded: " + record.names.joined(separator: ", ")
                throw LessonError(.failed("'\(quantity.name)' was not recorded at \(step)\(hint)"), at: quantity.position)
            }
            rows.append(["`\(quantity.name)`", value.shapeDescription, session.compactMath(value)])
        }
        return table(
            headers: ["quantity", "shape", "value"], rows: rows, numericColumns: [],
            automatic: step.isInput ? "The network's forward pass on \(step)." : "The quantities recorded at \(step).")
    }
}
