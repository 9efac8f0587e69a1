import Foundation
import Plotting

extension Samples {
    /// The hand-designed XOR network: hidden units OR and NAND, output AND.
    static func xorNetwork() -> Figure {
        let figure = Figure(width: 560, height: 380)
        let axes = figure.addAxes()
        axes.title = "A 2-2-1 network that computes XOR"
        axes.networkDiagram(
            weights: [[[20, -20], [20, -20]], [[20], [20]]], biases: [[-10, 30], [-30]])
        return figure
    }

    static func mnistNetwork() -> Figure {
        var generator = SampleData.Generator(state: 11)
        let w1 = (0..<784).map { _ in (0..<16).map { _ in 0.1 * generator.normal() } }
        let w2 = (0..<16).map { _ in (0..<10).map { _ in 0.5 * generator.normal() } }
        let figure = Figure(width: 620, height: 460)
        let axes = figure.addAxes()
        axes.title = "784-16-10 network (edges of the shown nodes)"
        axes.networkDiagram(weights: [w1, w2])
        return figure
    }

    static func digits() -> Figure {
        let (images, labels) = SampleDigits.load(count: 16)
        // Pretend predictions: every fifth digit is misread as its neighbour.
        let predictions = labels.enumerated().map { $0.offset % 5 == 3 ? ($0.element + 1) % 10 : $0.element }
        return Figure.imageGrid(
            images, columns: 8, captions: zip(labels, predictions).map { "\($0) → \($1)" },
            mistakes: zip(labels, predictions).map { $0 != $1 }, title: "Test digits: true → predicted")
    }

    static func firstLayerWeights() -> Figure {
        // Smooth random blobs stand in for trained first-layer weights.
        var generator = SampleData.Generator(state: 5)
        let centres = (0..<16).map { _ in (generator.next() * 20 + 4, generator.next() * 20 + 4, generator.normal()) }
        let weights = (0..<784).map { pixel -> [Double] in
            let row = Double(pixel / 28)
            let column = Double(pixel % 28)
            return centres.enumerated().map { unit, centre in
                let d2 = (row - centre.0) * (row - centre.0) + (column - centre.1) * (column - centre.1)
                return centre.2 * exp(-d2 / 30) - 0.4 * centre.2 * exp(-d2 / 120) + 0.02 * sin(Double(unit + pixel))
            }
        }
        return Figure.weightImages(
            weights, units: 16, columns: 8, title: "First-layer weights (blue negative, red positive)")
    }

    static func confusionMatrix() -> Figure {
        var counts = (0..<10).map { _ in [Int](repeating: 0, count: 10) }
        var generator = SampleData.Generator(state: 9)
        for digit in 0..<10 {
            counts[digit][digit] = 880 + Int(generator.next() * 120)
            for _ in 0..<4 { counts[digit][Int(generator.next() * 10)] += Int(generator.next() * 25) }
        }
        let figure = Figure(width: 560, height: 500)
        let axes = figure.addAxes()
        axes.title = "Confusion matrix on the test set"
        axes.confusionMatrix(counts)
        return figure
    }
}
