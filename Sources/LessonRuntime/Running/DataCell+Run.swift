import Datasets
import Engine
import LessonFormat
import Report

extension DataCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        var loaded = try source.load(for: self, in: session)

        let classCount = loaded.training.classCount
        if loaded.training.isRegression, classNames != nil {
            throw Self.classesOfRegression(source, at: valuePositions["classes"] ?? position)
        }
        let names = classNames ?? source.defaultClassNames(classCount: classCount)
        guard names.count == classCount else {
            throw Self.classesMismatch(names, classCount: classCount, of: source, at: valuePositions["classes"] ?? position)
        }

        var training = loaded.training
        var validation: Dataset?
        if validationFraction > 0 {
            // The only reference left to the loaded samples, so that the split keeps its part in place.
            loaded.training = training.subset([])
            validation = try holdOut(
                fraction: validationFraction, of: &training, key: "validation", stream: "validation-split", in: session)
        }

        var featureMap: FeatureMap?
        if let features {
            guard training.featureCount == 2 else { throw featuresMismatch(features, inputCount: training.featureCount) }
            featureMap = features.map
        }
        func mapped(_ samples: Dataset) -> Dataset { featureMap.map { samples.mapped(by: $0) } ?? samples }
        let data = SessionData(
            title: source.title.markdownLiteral, training: mapped(training), validation: validation.map(mapped),
            test: loaded.test.map(mapped), original: training, originalTest: loaded.test, featureMap: featureMap, classNames: names,
            isImages: loaded.isImages, sourceNote: loaded.sourceNote)
        session.data = data
        session.evaluation = nil

        // The loader's sentences are plain text (`$MNIST_DIR` would open math in Markdown).
        if let note = loaded.requiredNote { session.append(.note(note.markdownLiteral)) }
        if shows { session.append(.note(summary(of: data))) }
    }

    /// Holds out `fraction` of `dataset`'s samples (rounded), which keeps the rest, and returns them.
    ///
    /// Both parts keep the order the samples had, so an unshuffled set stays in file order.
    func holdOut(
        fraction: Double, of dataset: inout Dataset, key: String, stream: String, in session: Session
    ) throws(LessonError) -> Dataset {
        try holdOut(count: Int((fraction * Double(dataset.count)).rounded()), of: &dataset, key: key, stream: stream, in: session)
    }

    /// Holds out `count` randomly chosen samples of `dataset`, which keeps the rest (in place,
    /// without copying them), and returns them.
    func holdOut(
        count: Int, of dataset: inout Dataset, key: String, stream: String, in session: Session
    ) throws(LessonError) -> Dataset {
        guard count >= 1, count < dataset.count else {
            let message = count < 1
                ? "holds out no sample of the \(dataset.count); ask for a larger fraction or more samples"
                : "holds out \(count) of the \(dataset.count) samples and leaves none to train on"
            throw LessonError(.invalidValue(key: key, in: "data cell", message: message), at: valuePositions[key] ?? position)
        }
        var generator = session.generator(stream)
        let order = generator.permutation(of: dataset.count)
        var heldOut = dataset.subset(order[..<count].sorted())
        heldOut.name += " (\(key == "validation" ? "validation" : "test"))"
        dataset.keepSamples(order[count...].sorted())
        return heldOut
    }

    /// The one line `show: true` adds: what was loaded, and how it was split and mapped.
    func summary(of data: SessionData) -> String {
        var parts = ["\(NumberText.grouped(data.training.count)) training samples"]
        if data.training.isRegression {
            let names = data.training.targetNames.map(EvaluateCell.mathName)
            parts[0] += " with real-valued target\(names.count == 1 ? "" : "s") " + names.joined(separator: ", ")
        } else if data.classNames.count <= 4 {
            let counts = zip(data.training.classCounts, data.classNames).map { "\(NumberText.grouped($0)) \($1.markdownLiteral)" }
            parts[0] += " (" + counts.joined(separator: ", ") + ")"
        }
        if let validation = data.validation { parts.append("\(NumberText.grouped(validation.count)) for validation") }
        if let test = data.test { parts.append("\(NumberText.grouped(test.count)) for testing") }
        let list = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        var text = "Data: \(data.title), \(list), \(data.training.featureCount) input\(data.training.featureCount == 1 ? "" : "s") each."
        if let features { text += " The network sees $\(features.tex)$ instead of the points themselves." }
        if let source = data.sourceNote { text += " " + source.markdownLiteral }
        return text
    }
}
