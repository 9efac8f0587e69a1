import Datasets
import Engine
import Foundation
import LessonFormat
import Plotting

// Classifier outcomes and images: `confusion`, `digits` and `weights`.
extension PlotCell {
    /// The network, which must take the data's features.
    private func requireFittingNetwork(_ session: Session, data: SessionData) throws(LessonError) -> Network {
        let network = try requireNetwork(session)
        guard network.denseLayers[0].inputCount == data.training.featureCount else {
            throw misfit("needs a network that takes the data's \(data.training.featureCount) features, but the network takes \(network.denseLayers[0].inputCount)")
        }
        return network
    }

    /// `on: test` → `test`, with the word images use for the samples.
    private func samplesName(_ which: Samples, data: SessionData) -> String {
        "\(which.rawValue) \(data.isImages ? "images" : "samples")"
    }

    /// `confusion`: counts of true class (rows) against predicted class (columns).
    func confusionPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let data = try requireData(session)
        let network = try requireFittingNetwork(session, data: data)
        let (samples, which) = try measuredSamples(data)
        let k = data.training.classCount
        let predicted = PlotSupport.predictions(of: network, on: samples.inputs, data: data).classes
        var counts = Array(repeating: Array(repeating: 0, count: k), count: k)
        for (truth, guess) in zip(samples.labels, predicted) where guess < k { counts[truth][guess] += 1 }
        let names = PlotSupport.classNames(data)
        let figure = makeFigure(width: k <= 3 ? 420 : 560, height: k <= 3 ? 360 : 500)
        let axes = figure.addAxes()
        axes.title = title ?? "Confusion matrix on the \(which.rawValue) set"
        axes.confusionMatrix(counts, classNames: names)
        let correct = (0..<k).reduce(0) { $0 + counts[$1][$1] }
        var caption = "Confusion matrix of the \(PlotSupport.shape(of: network)) network on the \(NumberText.grouped(samples.count)) \(samplesName(which, data: data)): rows are true classes, columns predicted; \(NumberText.grouped(correct)) correct (\(NumberText.percent(samples.count == 0 ? 0 : Double(correct) / Double(samples.count))))"
        var worst: (count: Int, truth: Int, guess: Int) = (0, 0, 0)
        for truth in 0..<k {
            for guess in 0..<k where truth != guess && counts[truth][guess] > worst.count {
                worst = (counts[truth][guess], truth, guess)
            }
        }
        if worst.count > 0 {
            caption += "; the most frequent confusion is \(names[worst.truth]) → \(names[worst.guess]) (\(NumberText.grouped(worst.count)) time\(worst.count == 1 ? "" : "s"))"
        }
        return PlotOutput(
            figure: figure, caption: caption + ".",
            alternativeText: "A \(k)×\(k) confusion matrix with counts; \(correct) of \(samples.count) on the diagonal.")
    }

    /// `digits`: images with "true → predicted" captions, mistakes framed; with `mistakes: true`
    /// only the misclassified ones, the most confidently wrong first.
    func digitsPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let data = try requireData(session)
        guard data.isImages else { throw misfit("shows images, but \(data.title) is not image data") }
        let network = try requireFittingNetwork(session, data: data)
        let (samples, which) = try measuredSamples(data)
        let original = which == .test ? (data.originalTest ?? samples) : data.original
        let (predicted, confidence) = PlotSupport.predictions(of: network, on: samples.inputs, data: data)
        let wrong = samples.labels.indices.filter { samples.labels[$0] != predicted[$0] }
        var chosen: [Int]
        if mistakesOnly {
            chosen = wrong.sorted { confidence[$0] != confidence[$1] ? confidence[$0] > confidence[$1] : $0 < $1 }
            guard !chosen.isEmpty else {
                throw LessonError(
                    .failed("'mistakes: true' found no misclassified \(samplesName(which, data: data)) to show"),
                    at: position(of: "mistakes"))
            }
        } else {
            chosen = Array(samples.labels.indices)
        }
        chosen = Array(chosen.prefix(count))
        let side = Int(Double(original.featureCount).squareRoot().rounded())
        let names = PlotSupport.classNames(data)
        let images = chosen.map { index in
            (0..<side).map { row in (0..<side).map { original.inputs[index, row * side + $0] } }
        }
        let columnCount = columns ?? min(8, chosen.count)
        let cellSize = width.map { ($0 - 8) / Double(columnCount) } ?? 72
        let defaultTitle = mistakesOnly ? "Misclassified \(which.rawValue) images: true → predicted" : "\(Self.capitalized(which.rawValue)) images: true → predicted"
        let figure = Figure.imageGrid(
            images, columns: columnCount, captions: chosen.map { "\(names[samples.labels[$0]]) → \(names[predicted[$0]])" },
            mistakes: chosen.map { samples.labels[$0] != predicted[$0] }, cellSize: cellSize, title: title ?? defaultTitle)
        let shownWrong = chosen.filter { samples.labels[$0] != predicted[$0] }.count
        let rate = NumberText.percent(Double(wrong.count) / Double(max(samples.count, 1)))
        let caption = mistakesOnly
            ? "The \(chosen.count) most confidently wrong of the \(NumberText.grouped(wrong.count)) misclassified \(samplesName(which, data: data)) (\(rate) of \(NumberText.grouped(samples.count))), captioned true → predicted."
            : "The first \(chosen.count) \(samplesName(which, data: data)), captioned true → predicted; \(shownWrong) of them misclassified (framed), \(NumberText.grouped(wrong.count)) of all \(NumberText.grouped(samples.count)) (\(rate))."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "A grid of \(chosen.count) handwritten digits with their true and predicted classes.")
    }

    /// `weights`: the first layer's weights into each unit as an image, blue negative, red positive.
    func weightsPlot(_ session: Session) throws(LessonError) -> PlotOutput {
        let network = try requireNetwork(session)
        let layer = network.denseLayers[0]
        let side = Int(Double(layer.inputCount).squareRoot().rounded())
        guard session.data?.isImages ?? true, side * side == layer.inputCount, side >= 4 else {
            throw misfit("shows first-layer weights as images, but the network's \(layer.inputCount) inputs are not the pixels of square images")
        }
        let units = min(count, layer.outputCount)
        let columnCount = columns ?? min(8, units)
        let cellSize = width.map { ($0 - 8) / Double(columnCount) } ?? 72
        let figure = Figure.weightImages(
            layer.weights.rowArrays, imageWidth: side, units: units, columns: columnCount, cellSize: cellSize,
            title: title ?? "First-layer weights (blue negative, red positive)")
        let shown = (0..<units).flatMap { unit in (0..<layer.inputCount).map { layer.weights[$0, unit] } }
        let largest = shown.map(abs).max() ?? 0
        let caption = "The weights into \(units == layer.outputCount ? "all \(units)" : "the first \(units) of the \(layer.outputCount)") first-layer units of the \(PlotSupport.shape(of: network)) network \(PlotSupport.trainingPhrase(session)), each drawn as a \(side)×\(side) image on one scale from −\(session.format(largest)) (blue) to \(session.format(largest)) (red)."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "\(units) small images of first-layer weights in a blue–red map.")
    }
}
