import Engine

extension NotebookRecorder {
    /// A compare cell's runs: each from the starting weights it drew (the same random state for
    /// all) with its own settings and the shared shuffling seed, printed beside the chapter's
    /// table; with `keep: best` the run kept becomes `network`.
    func compareCode(_ cell: CompareCell, streams: [String], in session: Session) -> String? {
        let runs = session.comparison
        session.comparison = []  // its networks and traces are not needed any more
        guard !runs.isEmpty else { return nil }
        parts.insert(.compare)
        let stream = streams.first { $0.hasPrefix("compare-weights#") }
        var lines = ["# Comparing \(cell.varied.name == "hidden" ? "hidden layers" : cell.varied.name): each run trains its own network; all start from the same random state."]
        lines.append("runs = []")
        // Runs that start from the same network (all but the varied setting's) share its literal.
        var written = [(network: Network, name: String)]()
        for (index, run) in runs.enumerated() {
            let label = cell.varied.name + ": " + CompareCell.valueText(run.setting)
            let name = "start_\(index + 1)"
            lines.append("")
            if run.isAbove {
                lines.append("# Run \(index + 1), \(label): the network trained above, shown in the chapter's table as it is, not trained again.")
                continue
            }
            lines.append("# Run \(index + 1), \(label).")
            if let same = written.first(where: { $0.network == run.initial }) {
                lines.append("\(name) = copy_network(\(same.name))  # the same starting weights as \(same.name.replacingOccurrences(of: "start_", with: "run "))")
            } else {
                let (code, gap) = networkCode(run.initial, initializer: run.model?.initializer, stream: stream, name: name)
                if gap != nil {
                    lines += code.filter { $0.hasPrefix("#") }
                    continue
                }
                lines.append(
                    run.model?.initializer.map { "# Its starting weights, drawn with \(Self.python($0)) from the comparison's random state:" }
                        ?? "# Its starting weights, as the model cell gives them:")
                lines += code
                written.append((run.initial, name))
            }
            lines.append("options = dict(" + Self.arguments(run.configuration) + ")")
            lines.append("runs.append((\(PythonLiteral.string(label)), \(name), options, \(chapterNumbers(run, regression: session.data?.training.isRegression == true))))")
        }
        lines.append("")
        let keeps = cell.keep == .best
        lines.append("kept = compare(runs, data, keep_best=\(PythonLiteral.boolean(keeps)))")
        if keeps {
            lines.append("if kept is not None:")
            lines.append("    network = kept  # the cells below continue with the best run")
        }
        return lines.joined(separator: "\n")
    }

    /// The run's numbers as the chapter's table shows them, by the names `compare` prints.
    private func chapterNumbers(_ run: CompareRun, regression: Bool) -> String {
        var numbers: [(String, String)] = [("epochs", "\(run.epochs.count)")]
        let outcome: String
        if let epoch = run.divergedEpoch {
            outcome = "diverged in epoch \(epoch)"
        } else if let result = run.result, result.stoppedEarly {
            outcome = "stopped early (best epoch \(result.bestEpoch.map(String.init) ?? "?"))"
        } else {
            outcome = "finished"
        }
        numbers.append(("outcome", PythonLiteral.string(outcome)))
        if let last = run.epochs.last {
            numbers.append(("final training loss", PythonLiteral.number(last.trainingLoss)))
            if let loss = last.validationLoss { numbers.append(("final validation loss", PythonLiteral.number(loss))) }
            if !regression {
                numbers.append(("training accuracy", PythonLiteral.number(last.trainingAccuracy)))
                if let accuracy = last.validationAccuracy { numbers.append(("validation accuracy", PythonLiteral.number(accuracy))) }
            }
        }
        if let loss = run.testLoss { numbers.append(("test loss", PythonLiteral.number(loss))) }
        if !regression, let accuracy = run.testAccuracy { numbers.append(("test accuracy", PythonLiteral.number(accuracy))) }
        return PythonLiteral.dict(numbers)
    }
}
