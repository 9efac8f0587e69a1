import Engine

extension NotebookRecorder {
    /// An evaluate cell: the network's output on the samples it names, in evaluation (dropout
    /// off, batch normalization's running averages), with its loss and its accuracy, or for
    /// real-valued targets its MSE and R².
    func evaluateCode(_ cell: EvaluateCell, in session: Session) -> String? {
        if let gap = networkGap { return "# Not reproduced: " + gap + "." }
        guard let evaluation = session.evaluation else { return nil }
        parts.insert(.training)
        let split = cell.split.rawValue
        let key = split == "training" ? "training" : split
        var lines = [
            "# Evaluation on the \(split) samples.",
            "x, y = data[\(PythonLiteral.string(key))]",
            "a, caches = forward(network, x)",
        ]
        if let loss = evaluation.loss, let value = evaluation.lossValue {
            lines.append(
                "report(\"\(split) loss\", loss_value(\(PythonLiteral.string(loss.rawValue)), a, caches[-1][\"n\"], y, network[-1][\"activation\"]), \(PythonLiteral.number(value)))")
        }
        if evaluation.isRegression {
            let name = split == "training" ? "training" : split
            lines.append("mse, r2 = regression_scores(a, y)")
            lines.append("results[\"\(name)MSE\"] = mse")
            lines.append("report(\"\(split) MSE\", mse, \(PythonLiteral.optionalNumber(evaluation.meanSquaredError)))")
            lines.append("if r2 is None:")
            lines.append("    results.pop(\"\(name)RSquared\", None)")
            lines.append("else:")
            lines.append("    results[\"\(name)RSquared\"] = r2")
            lines.append("report(\"\(split) R²\", r2, \(PythonLiteral.optionalNumber(evaluation.rSquared)))")
        } else {
            lines.append("accuracy = correct_count(a, y, threshold(network[-1][\"activation\"], y)) / len(y)")
            lines.append("results[\"\(split)Accuracy\"] = accuracy")
            lines.append("report(\"\(split) accuracy\", accuracy, \(PythonLiteral.number(evaluation.accuracy)))")
        }
        return lines.joined(separator: "\n")
    }
}
