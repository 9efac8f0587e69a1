import Datasets
import Engine
import LessonFormat
import Plotting

/// A drawn figure with the caption and the alternative text its kind writes for it.
struct PlotOutput {
    /// The figure.
    var figure: Figure
    /// The default caption, with the figure's numbers.
    var caption: String
    /// What the figure shows, for readers who cannot see it.
    var alternativeText: String
}

extension PlotCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let output: PlotOutput
        switch kind {
        case .data: output = try dataPlot(session)
        case .decisionBoundary: output = try decisionBoundaryPlot(session)
        case .boundariesPerEpoch: output = try boundariesPerEpochPlot(session)
        case .errors: output = try errorsPlot(session)
        case .loss, .accuracy, .curves: output = try curvesPlot(session)
        case .hiddenLines: output = try hiddenLinesPlot(session)
        case .hiddenSpace: output = try hiddenSpacePlot(session)
        case .network: output = try networkPlot(session)
        case .activations: output = activationsPlot()
        case .gradientDescentPath: output = gradientDescentPathPlot()
        case .confusion: output = try confusionPlot(session)
        case .digits: output = try digitsPlot(session)
        case .weights: output = try weightsPlot(session)
        }
        try session.addFigure(
            output.figure, name: name, caption: caption ?? output.caption, alternativeText: output.alternativeText,
            at: position)
    }

    // MARK: - What a kind needs

    /// The data, or an error naming the cell that must come first.
    func requireData(_ session: Session) throws(LessonError) -> SessionData {
        guard let data = session.data else { throw missing("a data cell") }
        return data
    }

    /// The network, or an error naming the cell that must come first.
    func requireNetwork(_ session: Session) throws(LessonError) -> Network {
        guard let network = session.network else { throw missing("a model cell") }
        return network
    }

    /// The last training run, or an error naming the cell that must come first.
    func requireTraining(_ session: Session) throws(LessonError) -> TrainingRun {
        guard let training = session.training else { throw missing("a train cell") }
        return training
    }

    private func missing(_ cell: String) -> LessonError {
        LessonError(.failed("the '\(kind.rawValue)' plot needs \(cell) above it"), at: position)
    }

    /// An error about a kind that does not fit what the session holds, at the `kind` value.
    func misfit(_ reason: String) -> LessonError {
        LessonError(.failed("a '\(kind.rawValue)' plot \(reason)"), at: kindPosition)
    }

    /// The held-out samples (original and as the network takes them), or an error if there are none.
    func testSamples(_ data: SessionData, key: String) throws(LessonError) -> (original: Dataset, mapped: Dataset) {
        guard let test = data.test, test.count > 0 else {
            throw LessonError(
                .failed("'\(key): test' needs a test set, but the data cell made none"), at: self.position(of: key))
        }
        return (data.originalTest ?? test, test)
    }

    /// The samples `on` names: the test set by default when there is one.
    func measuredSamples(_ data: SessionData) throws(LessonError) -> (samples: Dataset, which: Samples) {
        switch on {
        case .training: return (data.training, .training)
        case .test: return (try testSamples(data, key: "on").mapped, .test)
        case nil:
            if let test = data.test, test.count > 0 { return (test, .test) }
            return (data.training, .training)
        }
    }

    /// A figure of the requested size, or the kind's default size.
    func makeFigure(width defaultWidth: Double, height defaultHeight: Double) -> Figure {
        Figure(width: width ?? defaultWidth, height: height ?? defaultHeight)
    }
}
