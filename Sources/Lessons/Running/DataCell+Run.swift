import Datasets
import Engine
import Report

/// The samples a data set gave before the steps every data set shares (class names,
/// validation, the feature map).
struct LoadedData {
    /// The training samples.
    var training: Dataset
    /// The test samples, if the data set has or made any.
    var test: Dataset?
    /// Whether each input is a 28×28 image.
    var isImages = false
    /// Where the data came from, for `SessionData.sourceNote`.
    var sourceNote: String?
    /// A note the report must show whether or not the lesson asks (the MNIST subset), as plain text.
    var requiredNote: String?
}

extension DataCell: RunnableCell {
    func run(_ cell: Cell, in session: Session) throws(LessonError) {
        var loaded: LoadedData
        switch source {
        case let .gate(gate, encoding):
            loaded = LoadedData(training: gate.dataset(encoding: encoding))
            if shuffles {
                var generator = session.generator("data")
                loaded.training = loaded.training.shuffled(using: &generator)
            }
        case let .mnist(trainCount):
            loaded = try loadMNIST(trainCount: trainCount, in: session)
        case let .csv(path, label):
            loaded = try loadCSV(path: path, label: label, in: session)
        case .circles, .blobs, .spirals, .quadrants:
            var generator = session.generator("data")
            loaded = LoadedData(training: draw(count: nil, using: &generator))
            if let testCount {
                // The test set comes from a stream of its own: drawn independently of the
                // training samples, as a fresh sample of the same distribution.
                var testGenerator = session.generator("test-data")
                loaded.test = draw(count: testCount, using: &testGenerator)
                loaded.test?.name += " (test)"
            }
        }

        let classCount = loaded.training.classCount
        let names = classNames ?? source.defaultClassNames(classCount: classCount)
        guard names.count == classCount else {
            throw Self.classesMismatch(names, classCount: classCount, of: source, at: valuePositions["classes"] ?? position)
        }

        var training = loaded.training
        var validation: Dataset?
        if validationFraction > 0 {
            (training, validation) = try holdOut(
                fraction: validationFraction, of: training, key: "validation", stream: "validation-split", in: session)
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

    /// A fresh draw of the synthetic set: `count` samples, or the cell's own count.
    private func draw(count: Int?, using generator: inout SeededGenerator) -> Dataset {
        switch source {
        case let .circles(trainCount, noise, factor):
            return .circles(count: count ?? trainCount, noise: noise, factor: factor, shuffle: shuffles, using: &generator)
        case let .blobs(trainCount, centers, noise):
            return .blobs(
                centers: centers, countPerCenter: (count ?? trainCount) / centers.count, standardDeviation: noise,
                shuffle: shuffles, using: &generator)
        case let .spirals(trainCount, noise, turns):
            return .spirals(countPerClass: (count ?? trainCount) / 2, noise: noise, turns: turns, shuffle: shuffles, using: &generator)
        case let .quadrants(trainCount, noise):
            return .xorQuadrants(
                countPerQuadrant: (count ?? trainCount) / 4, standardDeviation: noise, shuffle: shuffles, using: &generator)
        case .gate, .mnist, .csv:
            programmingError("DataCell.draw: \(source.title) is not synthetic")
        }
    }

    /// Splits `dataset` into the samples kept and `fraction` of them (rounded) held out.
    ///
    /// Both parts keep the order the samples had, so an unshuffled set stays in file order.
    func holdOut(
        fraction: Double, of dataset: Dataset, key: String, stream: String, in session: Session
    ) throws(LessonError) -> (kept: Dataset, heldOut: Dataset) {
        try holdOut(count: Int((fraction * Double(dataset.count)).rounded()), of: dataset, key: key, stream: stream, in: session)
    }

    /// Splits `dataset` into the samples kept and `count` randomly chosen ones held out.
    func holdOut(
        count: Int, of dataset: Dataset, key: String, stream: String, in session: Session
    ) throws(LessonError) -> (kept: Dataset, heldOut: Dataset) {
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
        return (dataset.subset(order[count...].sorted()), heldOut)
    }

    /// The one line `show: true` adds: what was loaded, and how it was split and mapped.
    func summary(of data: SessionData) -> String {
        var parts = ["\(NumberText.grouped(data.training.count)) training samples"]
        if data.classNames.count <= 4 {
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
