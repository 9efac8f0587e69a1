import Engine
import LessonFormat
import Plotting
import Report

extension CompareCell {
    /// Adds the comparison's figure (loss and accuracy curves of every run) and its table.
    func report(_ runs: [CompareRun], data: SessionData, session: Session) throws(LessonError) {
        let hasValidation = data.validationExamples != nil
        let labels = runs.map(legendLabel)
        // Regression data has no classes: the loss is the only measure.
        let showsAccuracy = !data.training.isRegression
        var caption = (showsAccuracy ? "Loss (left) and accuracy (right)" : "Loss") + " per epoch for each \(varied.noun)"
        if hasValidation { caption += "; solid lines are the training set, dashed lines the validation set" }
        caption += "."
        if runs.contains(where: { $0.divergedEpoch != nil }) {
            caption += " A curve that ends early belongs to a run that diverged."
        }
        try session.addFigure(
            figure(runs, labels: labels, hasValidation: hasValidation, showsAccuracy: showsAccuracy),
            name: "compare-" + varied.name.replacingOccurrences(of: "_", with: "-"), caption: caption,
            alternativeText: (showsAccuracy ? "Two line charts of loss and accuracy" : "A line chart of the loss") + " per epoch, one line per \(varied.noun): \(labels.joined(separator: ", ")).",
            at: position)
        session.append(.table(table(runs, data: data, session: session)))
    }

    /// The legend's name for a run: `η = 0.1`, `Adam`, `2–16–1`, `batch 32`, `λ = 0.01`, `relu`.
    func legendLabel(_ run: CompareRun) -> String {
        let value = run.setting
        let text = Self.valueText(value)
        let name: String
        switch varied.name {
        case "optimizer": name = value.text.flatMap { Optimizer.rule(named: $0)?.title } ?? text
        case "hidden": name = layersText(run)
        case "layers": name = layersLabel(run)
        case "batch_size": name = text == "full" ? "full batch" : "batch \(text)"
        case "early_stopping": name = text == "off" ? "no early stopping" : "patience \(text)"
        case "activations": name = Self.repeatsCounted(value.items?.map(Self.valueText) ?? [text])
        default:
            if value.number != nil { name = "\(varied.symbol ?? varied.noun) = \(text)" } else { name = text }
        }
        return run.divergedEpoch == nil ? name : name + " (diverged)"
    }

    /// A run's `layers` as written, between en dashes, a layer kind with its setting:
    /// `2–16–dropout 0.5–16–1`; longer than 40 characters (an image network's settings), the
    /// kinds alone: `784–conv–pool–conv–pool–128–dropout–10`.
    private func layersLabel(_ run: CompareRun) -> String {
        let written = (run.setting.items ?? [run.setting]).map { item in
            guard let entries = item.entries else { return Self.valueText(item) }
            return entries.map { entry in
                let setting = Self.valueText(entry.value)
                return "\(entry.key) " + (entry.value.entries != nil ? "{\(setting)}" : setting)
            }.joined(separator: " ")
        }.joined(separator: "–")
        return written.count <= 40 ? written : PlotSupport.shape(of: run.initial, separator: "–")
    }

    /// A list with each run of equal neighbours written once with its count, so a deep network's
    /// activations fit a legend: `relu ×6, sigmoid`.
    static func repeatsCounted(_ items: [String]) -> String {
        var groups = [(item: String, count: Int)]()
        for item in items {
            if let last = groups.last, last.item == item { groups[groups.count - 1].count += 1 } else { groups.append((item, 1)) }
        }
        return groups.map { $0.count == 1 ? $0.item : "\($0.item) ×\($0.count)" }.joined(separator: ", ")
    }

    private func layersText(_ run: CompareRun) -> String {
        run.initial.sizes.map(String.init).joined(separator: "–")
    }

    /// Side-by-side panels: the loss (log scale when it falls over decades) and the accuracy;
    /// the loss alone without `showsAccuracy`.
    func figure(_ runs: [CompareRun], labels: [String], hasValidation: Bool, showsAccuracy: Bool = true) -> Figure {
        let figure = Figure(width: showsAccuracy ? 860 : 560, height: 340)
        figure.title = title ?? "Comparing \(varied.noun)s"
        let panels = showsAccuracy ? figure.addAxesGrid(rows: 1, columns: 2) : [figure.addAxes()]
        let loss = panels[0]
        loss.title = "Loss"
        loss.xLabel = "epoch"
        loss.yLabel = runs[0].configuration.loss.rawValue.replacingOccurrences(of: "-", with: " ")
        setLossLimits(of: loss, runs: runs)
        // One colour per run, the same in both panels and for its validation curve.
        loss.curves(zip(labels, runs).map { ($0, $1.epochs.map(\.trainingLoss)) })
        if hasValidation {
            for (index, run) in runs.enumerated() {
                loss.line(y: run.epochs.map { $0.validationLoss ?? .nan }, color: Palette.color(index), dash: .dashed)
            }
        }
        guard showsAccuracy else { return figure }

        let accuracy = panels[1]
        accuracy.title = "Accuracy"
        accuracy.xLabel = "epoch"
        accuracy.yLabel = "accuracy"
        accuracy.yLimits = Self.accuracyLimits(
            runs.flatMap { run in
                [run.epochs.map(\.trainingAccuracy), run.epochs.map { $0.validationAccuracy ?? .nan }]
            })
        accuracy.legendPlacement = .hidden
        accuracy.curves(zip(labels, runs).map { ($0, $1.epochs.map(\.trainingAccuracy)) })
        if hasValidation {
            for (index, run) in runs.enumerated() {
                accuracy.line(y: run.epochs.map { $0.validationAccuracy ?? .nan }, color: Palette.color(index), dash: .dashed)
            }
        }
        return figure
    }

    /// The accuracy axis zoomed to where the runs end up: the range of every curve over its
    /// last three quarters of epochs, with a margin, within −0.02…1.02. Runs that end close
    /// together stay apart instead of merging into one line under 1.0 on a full 0–1 axis; the
    /// first epochs of a slow start may leave the chart at the bottom.
    static func accuracyLimits(_ curves: [[Double]]) -> ClosedRange<Double> {
        let tails = curves.flatMap { curve in curve.dropFirst(curve.count / 4).filter(\.isFinite) }
        guard let low = tails.min(), let high = tails.max() else { return -0.02...1.02 }
        let span = max(high - low, 0.04)
        let middle = (low + high) / 2
        let lower = max(min(low, middle - span / 2) - 0.08 * span, -0.02)
        let upper = min(max(high, middle + span / 2) + 0.08 * span, 1.02)
        return lower...upper
    }

    /// The top of the loss axis: the highest loss, but at most 100 times the largest finite
    /// first-epoch loss of the runs that did not diverge (of all runs when every one did).
    static func lossCeiling(low: Double, highest: Double, firstLosses: [(loss: Double, diverged: Bool)]) -> Double? {
        let settled = firstLosses.filter { !$0.diverged }
        guard let firstLoss = (settled.isEmpty ? firstLosses : settled).map(\.loss).filter(\.isFinite).max() else { return nil }
        return min(highest, 100 * max(firstLoss, low))
    }

    /// A log scale when the losses fall over a decade or more, and a ceiling of 100 times the
    /// largest first-epoch loss of the runs that did not diverge, so a run on its way to
    /// diverging leaves the chart at the top instead of squashing the others, even when its
    /// first loss is already huge (and the axis stays within finite numbers).
    private func setLossLimits(of axes: Axes, runs: [CompareRun]) {
        let losses = runs.flatMap { run in
            run.epochs.flatMap { [$0.trainingLoss] + ($0.validationLoss.map { [$0] } ?? []) }
        }.filter(\.isFinite)
        guard let low = losses.min(), let highest = losses.max(),
            let high = Self.lossCeiling(
                low: low, highest: highest,
                firstLosses: runs.compactMap { run in run.epochs.first.map { ($0.trainingLoss, run.divergedEpoch != nil) } })
        else { return }
        if low > 0, high / low >= 10 {
            axes.yScale = .log
            axes.yLimits = (low / 1.25)...(high * 1.25)
        } else if high > low {
            let margin = (high - low) * 0.05
            axes.yLimits = (low - margin)...(high + margin)
        }
    }

    /// One row per run: the value, the last epoch's numbers, the epochs run and how the run ended.
    func table(_ runs: [CompareRun], data: SessionData, session: Session) -> ReportTable {
        let hasValidation = data.validationExamples != nil
        let hasTest = data.testExamples != nil
        let accuracy = !data.training.isRegression
        var headers = [varied.heading, "final training loss"] + (accuracy ? ["training accuracy"] : [])
        if hasValidation { headers.append(accuracy ? "validation accuracy" : "final validation loss") }
        if hasTest { headers.append(accuracy ? "test accuracy" : "test loss") }
        // Architectures differ in size and cost: their weights and the multiply-adds of one
        // image's forward pass (a measure of training time that no clock changes).
        let showsSize = varied == .hidden || varied.name == "layers"
        if showsSize { headers += ["weights", "multiply-adds per sample"] }
        headers += ["epochs", "outcome"]

        let rows = runs.map { run -> [String] in
            let written = Self.valueText(run.setting)
            let value = switch varied.name {
            case "hidden": layersText(run)
            case "layers": layersLabel(run)
            case "early_stopping" where written != "off": "patience \(written)"
            default: written
            }
            let last = run.divergedEpoch == nil ? run.epochs.last : nil
            var row = [value, last.map { session.format($0.trainingLoss) } ?? "—"]
            if accuracy { row.append(last.map { NumberText.percent($0.trainingAccuracy) } ?? "—") }
            if hasValidation {
                row.append((accuracy ? last?.validationAccuracy.map(NumberText.percent) : last?.validationLoss.map(session.format)) ?? "—")
            }
            if hasTest { row.append((accuracy ? run.testAccuracy.map(NumberText.percent) : run.testLoss.map(session.format)) ?? "—") }
            if showsSize { row += [NumberText.grouped(run.initial.parameterCount), NumberText.grouped(run.initial.multiplyAdds)] }
            row.append("\(run.epochs.count)")
            row.append(outcome(run))
            return row
        }
        let epochs = runs[0].configuration.epochs
        // A run that stopped early keeps its best epoch's weights: its test accuracy is theirs.
        let restored = hasTest && runs.contains { $0.result?.stoppedEarly == true }
        let measured = switch (restored, accuracy) {
        case (true, true):
            "The training loss and the training and validation accuracies are those of the last epoch; "
                + "the test accuracy is that of the weights each run kept (a run that stopped early keeps its best epoch's)."
        case (true, false):
            "The training and validation losses are those of the last epoch; "
                + "the test loss is that of the weights each run kept (a run that stopped early keeps its best epoch's)."
        case (false, true): "Losses and accuracies are those of the last epoch."
        case (false, false): "The training and validation losses are those of the last epoch\(hasTest ? "; the test loss that of the trained weights" : "")."
        }
        let others = runs.count == 2 ? "one other run, which differs" : "\(runs.count - 1) other runs, which differ"
        var caption =
            includesAbove
            ? "The network trained above (first row) and \(others) from it only in the \(varied.noun), on \(data.title), trained the same way"
                + (runs.count > 2 ? " from starting weights made from the same random numbers. " : ". ") + measured
            : "\(runs.count) run\(runs.count == 1 ? "" : "s") on \(data.title) that differ only in the \(varied.noun), "
                + "each for up to \(epochs) epoch\(epochs == 1 ? "" : "s") from starting weights made from the same random numbers. " + measured
        if showsSize { caption += " A multiply-add is one weight times its input, added to a sum: the cost of a forward pass, which a training step roughly triples." }
        return ReportTable(headers: headers, rows: rows, caption: caption, numericColumns: Set(1..<(headers.count - 1)))
    }

    private func outcome(_ run: CompareRun) -> String {
        if let epoch = run.divergedEpoch { return "diverged in epoch \(epoch)" }
        if let result = run.result, result.stoppedEarly {
            return "stopped early (best epoch \(result.bestEpoch.map(String.init) ?? "?"))"
        }
        return "finished"
    }

    /// Replaces the session's network and training with the run of lowest final validation
    /// loss (training loss without a validation set), among the runs that did not diverge.
    func keepBest(of runs: [CompareRun], session: Session) {
        func score(_ run: CompareRun) -> Double {
            run.epochs.last.map { $0.validationLoss ?? $0.trainingLoss } ?? .infinity
        }
        let finished = runs.filter { $0.result != nil && !$0.epochs.isEmpty }
        guard let best = finished.min(by: { score($0) < score($1) }), let result = best.result else {
            session.append(.note("Every run diverged, so the cells below use the model and training from above this comparison."))
            return
        }
        session.network = best.network
        session.training = .gradientDescent(
            GradientDescentRun(result: result, configuration: best.configuration, initial: best.initial, seconds: best.seconds))
        session.model = best.model
        session.lastTrain = best.train
        if let sources = best.sources {
            session.modelSource = sources.model
            session.trainSource = sources.train
        }
        let measure = best.epochs.last?.validationLoss == nil ? "training" : "validation"
        session.append(
            .note("The cells below continue with the run \(legendLabel(best)), which has the lowest final \(measure) loss (\(session.format(score(best))))."))
    }
}
