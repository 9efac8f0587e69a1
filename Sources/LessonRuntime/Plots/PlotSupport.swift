import Datasets
import Engine
import Foundation
import LessonFormat
import Plotting

/// What several plot kinds share: class predictions, captions' numbers and phrases.
enum PlotSupport {
    /// The output value at which a one-output network switches class: 0.5 for probabilities and
    /// the hard-limit's 0/1, 0 for a tanh or linear output trained on −1/+1 targets.
    static func threshold(of network: Network, data: SessionData) -> Double {
        Accuracy.threshold(for: network.outputLayer.activation, targets: data.training.targets)
    }

    /// The class the network predicts for each row of `inputs`, with its confidence.
    static func predictions(
        of network: Network, on inputs: Matrix, data: SessionData
    ) -> (classes: [Int], confidence: [Double]) {
        let output = network.predict(inputs)
        if output.columns == 1 {
            let threshold = threshold(of: network, data: data)
            let classes = output.values.map { $0 >= threshold ? 1 : 0 }
            let confidence = output.values.map { abs($0 - threshold) }
            return (classes, confidence)
        }
        let classes = output.argmaxOfEachRow()
        let confidence = classes.enumerated().map { row, column in output[row, column] }
        return (classes, confidence)
    }

    /// The fraction of `samples` the network classifies correctly.
    static func accuracy(of network: Network, on samples: Dataset, data: SessionData) -> Double {
        guard samples.count > 0 else { return 0 }
        let predicted = predictions(of: network, on: samples.inputs, data: data).classes
        return Double(zip(predicted, samples.labels).filter { $0 == $1 }.count) / Double(samples.count)
    }

    /// The probability-like value drawn in decision regions: the output rescaled so that the
    /// network's threshold sits at 0.5, clamped to 0…1.
    static func regionValue(_ output: Double, threshold: Double) -> Double {
        let value = threshold == 0 ? (output + 1) / 2 : output
        return min(max(value, 0), 1)
    }

    /// The output's name in the lessons' notation: `a²` for the output of a network of two
    /// layers (`aᴸ` for L layers).
    static func outputName(of network: Network) -> String {
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return "a" + String(String(network.denseLayers.count).map { superscripts[Int(String($0))!] })
    }

    /// `2-3-1`; a layer kind between dense layers by its name, `2-32-dropout-32-1`; joined by
    /// `separator` (an en dash, `2–32–batch-norm–1`, keeps a kind's own hyphen apart).
    static func shape(of network: Network, separator: String = "-") -> String {
        let layers = network.layers.map { layer in
            layer is DenseLayer ? String(layer.outputCount) : (type(of: layer) as? any Registrable.Type)?.name ?? String(layer.outputCount)
        }
        return ([String(network.sizes[0])] + layers).joined(separator: separator)
    }

    /// `after 5,000 epochs`, `after 1 epoch`, or `before training`.
    static func trainingPhrase(_ session: Session) -> String {
        guard let training = session.training else { return "before training" }
        return "after \(epochs(training.epochsRun))"
    }

    /// `1 epoch`, `5,000 epochs`.
    static func epochs(_ count: Int) -> String {
        "\(NumberText.grouped(count)) epoch\(count == 1 ? "" : "s")"
    }

    /// `[0.2, −0.1]`, rounded as the lesson's numbers are.
    static func vector(_ values: [Double], session: Session) -> String {
        "[" + values.map(session.format).joined(separator: ", ") + "]"
    }

    /// The class names, or `class 0`, `class 1`, … when the data has none.
    static func classNames(_ data: SessionData) -> [String] {
        data.classNames.count == data.training.classCount
            ? data.classNames : (0..<data.training.classCount).map { "class \($0)" }
    }

    /// The first two columns of each row, as points.
    static func points(_ inputs: Matrix) -> [(Double, Double)] {
        (0..<inputs.rows).map { (inputs[$0, 0], inputs[$0, 1]) }
    }

    /// The data's box with a margin, as axis limits.
    /// A few points (the logic gates) get a wide margin, so their labels and the lines between
    /// them have room.
    static func limits(around inputs: [Matrix]) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let all = Matrix.verticalConcatenation(inputs)
        let box = BoundingBox(around: all, padding: all.rows <= 8 ? 0.5 : 0.08)
        return (box.minX...box.maxX, box.minY...box.maxY)
    }

    /// `x₁`, `x₂`, from the data's feature names (`x1` → `x₁`).
    static func axisLabel(_ name: String) -> String {
        let subscripts: [Character: Character] = [
            "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        ]
        guard name.count >= 2, name.first!.isLetter, name.dropFirst().first!.isASCII, name.dropFirst().first!.isNumber
        else { return name }
        return String(name.first!) + String(name.dropFirst().map { subscripts[$0] ?? $0 })
    }

    /// `0.2 x₁ + 0.1 x₂ − 0.2 = 0`.
    static func lineEquation(weights: [Double], bias: Double, names featureNames: [String], session: Session) -> String {
        let names = featureNames.map(axisLabel)
        var text = "\(session.format(weights[0])) \(names[0])"
        text += weights[1] < 0 ? " − \(session.format(-weights[1])) \(names[1])" : " + \(session.format(weights[1])) \(names[1])"
        text += bias < 0 ? " − \(session.format(-bias))" : " + \(session.format(bias))"
        return text + " = 0"
    }

    /// `on: test` → `test images`, with the word images use for the samples.
    static func samplesName(_ which: PlotOptions.Samples, data: SessionData) -> String {
        "\(which.rawValue) \(data.isImages ? "images" : "samples")"
    }

    /// `two concentric circles` → `Two concentric circles`.
    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// A layer's weights as rows (`inputCount × outputCount`).
    static func rows(_ matrix: Matrix) -> [[Double]] {
        matrix.rowArrays
    }
}
