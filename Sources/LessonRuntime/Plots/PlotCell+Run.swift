import Datasets
import Engine
import LessonFormat
import Plotting

extension PlotCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        let output = try kind.draw(self, in: session)
        try session.addFigure(
            output.figure, frames: output.frames, framesPosition: keyPositions["frames"], name: name,
            caption: caption ?? output.caption, alternativeText: output.alternativeText, at: position)
    }

    /// The steps its kind draws from (an animation's epochs).
    var requestedSteps: [TraceStep] { kind.requestedSteps }

    // MARK: - What a kind needs

    /// The data, or an error naming the cell that must come first.
    func requireData(_ session: Session) throws(LessonError) -> SessionData {
        guard let data = session.data else { throw session.missing(.data, for: "'\(kindName)' plot", at: position) }
        return data
    }

    /// The data, which must have classes: the kinds that colour points by class or count
    /// right and wrong answers cannot draw regression data.
    func requireClassData(_ session: Session) throws(LessonError) -> SessionData {
        let data = try requireData(session)
        try requireClasses(data)
        return data
    }

    /// An error unless `data` has classes; regression data is drawn by the `fit` kind.
    func requireClasses(_ data: SessionData) throws(LessonError) {
        guard data.training.isRegression else { return }
        throw misfit("draws classes, but \(data.title) has real values to predict, not classes; a 'fit' plot draws them")
    }

    /// The network, or an error naming the cell that must come first.
    func requireNetwork(_ session: Session) throws(LessonError) -> Network {
        guard let network = session.network else { throw session.missing(.network, for: "'\(kindName)' plot", at: position) }
        return network
    }

    /// The last training run, or an error naming the cell that must come first.
    func requireTraining(_ session: Session) throws(LessonError) -> TrainingRun {
        guard let training = session.training else {
            throw session.plannedTraining == nil ? session.missing(.training, for: "'\(kindName)' plot", at: position) : drawnFromTraining
        }
        return training
    }

    /// What `requireTraining` throws when `lessons check` planned the run instead of making it:
    /// the figure cannot be drawn before training, which is not a mistake.
    var drawnFromTraining: LessonError {
        LessonError(.failed("a '\(kindName)' plot is drawn from the training run, which checking does not make"), at: position)
    }

    /// The network, which must have a hidden layer.
    func requireHiddenLayer(_ session: Session) throws(LessonError) -> Network {
        let network = try requireNetwork(session)
        guard network.denseLayers.count >= 2 else {
            throw misfit("shows a hidden layer, but the network \(PlotSupport.shape(of: network)) has none")
        }
        return network
    }

    /// The network, which must take the data's features.
    func requireFittingNetwork(_ session: Session, data: SessionData) throws(LessonError) -> Network {
        let network = try requireNetwork(session)
        guard network.layers[0].inputCount == data.training.featureCount else {
            throw misfit("needs a network that takes the data's \(data.training.featureCount) features, but the network takes \(network.layers[0].inputCount)")
        }
        return network
    }

    /// The perceptron run, or an error if the last train cell used another rule.
    func requirePerceptronRun(_ session: Session, instead: String) throws(LessonError) -> PerceptronRun {
        guard case let .perceptron(run) = try requireTraining(session) else {
            throw misfit("shows a perceptron run, but the last train cell used gradient descent (plot \(instead) instead)")
        }
        return run
    }

    /// The gradient-descent run, or an error if the last train cell used the perceptron rule.
    func requireGradientDescentRun(_ session: Session) throws(LessonError) -> GradientDescentRun {
        guard case let .gradientDescent(run) = try requireTraining(session) else {
            throw misfit("shows a gradient-descent run's history, but the last train cell used the perceptron rule (plot 'errors' instead)")
        }
        return run
    }

    /// An error about a kind that does not fit what the session holds, at the `kind` value.
    func misfit(_ reason: String) -> LessonError {
        LessonError(.failed("a '\(kindName)' plot \(reason)"), at: kindPosition)
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
    func measuredSamples(
        _ data: SessionData, on: PlotOptions.Samples?
    ) throws(LessonError) -> (samples: Dataset, which: PlotOptions.Samples) {
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
