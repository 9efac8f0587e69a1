import Engine
import LessonFormat
import Relations

// What each cell does when `lessons check` reads a lesson without training: the data, model and
// evaluate cells run (they are cheap, and what comes after depends on their shapes), a train cell
// puts a `TrainingPlan` where its run would be, the cells that name quantities look them up in
// it, and a plot that needs no training is drawn (not written). Comparisons train, so they wait.

extension RunnableCell {
    /// The mistakes this cell would meet when the lesson runs, found without training.
    /// Cells whose mistakes only a run can find (comparisons) have none to report.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] { [] }

    /// Runs the cell as a run would, for the cells that cost little and that what comes after
    /// depends on; its mistake, if any.
    func rehearseByRunning(_ cell: Cell, in session: Session) -> [LessonError] {
        do {
            try run(cell, in: session)
            return []
        } catch {
            return [error]
        }
    }
}

extension DataCell {
    /// Loads the data, as a run does: a missing file or a class list that does not fit is found here.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] { rehearseByRunning(cell, in: session) }
}

extension ModelCell {
    /// Builds the network, as a run does: a model that does not fit the data is found here.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] { rehearseByRunning(cell, in: session) }
}

extension TrainCell {
    /// Checks that the run fits the network and the data, and plans it instead of training.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] {
        session.training = nil
        session.plannedTraining = nil
        session.walk = nil
        session.lastTrain = self
        session.trainSource = cell
        do {
            let (data, network) = try inputs(cell, in: session)
            session.plannedTraining = try plan(cell, network: network, data: data)
            return []
        } catch {
            return [error]
        }
    }

    /// The run's plan: its epochs and batches, and one update on the first samples for each
    /// batch size a cell below asks about.
    private func plan(_ cell: Cell, network: Network, data: SessionData) throws(LessonError) -> TrainingPlan {
        let examples = data.trainingExamples
        switch rule {
        case .perceptron:
            try checkPerceptron(cell, network: network, data: data)
            let learningRate = self.learningRate
            return TrainingPlan(
                epochs: epochs, sampleCount: examples.count, batching: .stochastic, recordsEveryUpdate: true, traceEvery: nil
            ) { size in
                var layer = network.denseLayers[0]
                let rule = PerceptronRule(learningRate: learningRate, maximumEpochs: 1, trace: .all)
                return rule.train(&layer, on: examples.samples(0..<size)).trace.records.first
            }
        case .gradientDescent:
            var configuration = try gradientDescentConfiguration(cell, network: network, data: data, trace: .all, seed: 0)
            let batching = configuration.batching
            configuration.epochs = 1
            configuration.batching = .fullBatch
            configuration.shuffles = false
            configuration.earlyStopping = nil
            return TrainingPlan(
                epochs: epochs, sampleCount: examples.count, batching: batching, recordsEveryUpdate: false,
                traceEvery: traceEvery
            ) { size in
                var trained = network
                let result = try? GradientDescentTrainer(configuration: configuration)
                    .train(&trained, on: examples.samples(0..<size))
                return result?.trace.records.first
            }
        }
    }
}

extension EquationCell {
    /// Evaluates every relation at its step: each name, each shape and the step itself are
    /// checked, and a relation that cannot fail is refused. Whether a relation holds is left to
    /// the run, whose numbers these are not.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] {
        guard !relations.isEmpty else { return [] }
        let quantities: StepQuantities
        do {
            quantities = try step.quantities(for: cell, in: session, at: stepPosition)
        } catch {
            return [error]
        }
        var errors = [LessonError]()
        for (relation, value) in zip(relations, numbersValues) {
            do {
                let check = try self.check(relation, written: value, in: cell, with: quantities.bindings)
                if let refusal = relation.sensitivity(of: check.filled, with: quantities.bindings).refusal(of: relation) {
                    errors.append(LessonError(.failed(refusal), at: value.position))
                }
            } catch {
                errors.append(error)
            }
        }
        return errors
    }
}

extension PlotCell {
    /// Draws the figure (without writing it) when it needs no training, so a kind that does
    /// not fit the data or the network is found; a figure of the training run waits for it.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] {
        do {
            _ = try kind.draw(self, in: session)
            return []
        } catch {
            return error == drawnFromTraining ? [] : [error]
        }
    }
}

extension EvaluateCell {
    /// Measures the network as it stands (untrained), so samples that do not exist are found.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] { rehearseByRunning(cell, in: session) }
}

extension TableCell {
    /// A `trace` table looks its quantities up at its step, and a `gradient-descent` table
    /// walks (it costs little, and the equations below name its steps); other tables need the run.
    func rehearse(_ cell: Cell, in session: Session) -> [LessonError] {
        switch kind {
        case .trace:
            do {
                _ = try traceTable(cell, session: session)
                return []
            } catch {
                return [error]
            }
        case .gradientDescent:
            session.walk = walk?.run()
            return []
        default:
            return []
        }
    }
}
