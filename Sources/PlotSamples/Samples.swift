import Foundation
import Plotting

/// One sample figure of each plot kind the chapters use.
struct Sample: Sendable {
    let name: String
    let make: @Sendable () -> Figure
}

enum Samples {
    static let all: [Sample] = [
        Sample(name: "01-scatter-and-gate", make: andGate),
        Sample(name: "02-decision-regions", make: decisionRegions),
        Sample(name: "03-training-curves", make: trainingCurves),
    ]

    static func andGate() -> Figure {
        let figure = Figure(width: 480, height: 420)
        let axes = figure.addAxes()
        axes.title = "AND: the perceptron's boundary after training"
        axes.xLabel = "x₁"
        axes.yLabel = "x₂"
        axes.scatter(
            points: [(0, 0), (0, 1), (1, 0), (1, 1)], classes: [0, 0, 0, 1], classNames: ["output 0", "output 1"],
            labels: ["(0, 0)", "(0, 1)", "(1, 0)", "(1, 1)"], size: 11)
        axes.decisionLine(weights: [1, 1], bias: -1.5, label: "x₁ + x₂ − 1.5 = 0", showsDirection: true)
        axes.xLimits = -0.5...1.5
        axes.yLimits = -0.5...1.5
        axes.equalAspect = true
        return figure
    }

    static func decisionRegions() -> Figure {
        let data = SampleData.circles(count: 300, seed: 7)
        let figure = Figure(width: 560, height: 460)
        let axes = figure.addAxes()
        axes.title = "Decision regions of the 2-3-1 network"
        axes.xLabel = "x₁"
        axes.yLabel = "x₂"
        axes.decisionRegions(x: -1.6...1.6, y: -1.6...1.6, probability: SampleData.ringProbability)
        axes.scatter(points: data.points, classes: data.classes, classNames: ["inner (0)", "outer (1)"], size: 6)
        axes.legendPlacement = .upperRight
        return figure
    }

    static func trainingCurves() -> Figure {
        let epochs = 60
        let t = (1...epochs).map { Double($0) }
        let train = t.map { (e: Double) -> Double in 0.69 * exp(-e / 12) + 0.04 }
        let validation = t.map { (e: Double) -> Double in 0.69 * exp(-e / 13) + 0.07 + 0.0006 * e }
        let trainAccuracy = t.map { (e: Double) -> Double in 1 - 0.5 * exp(-e / 9) }
        let validationAccuracy = t.map { (e: Double) -> Double in 0.97 - 0.47 * exp(-e / 10) }
        let figure = Figure(width: 760, height: 320)
        let panels = figure.addAxesGrid(rows: 1, columns: 2)
        panels[0].title = "Loss"
        panels[0].xLabel = "epoch"
        panels[0].yLabel = "binary cross-entropy"
        panels[0].yScale = .log
        panels[0].line(y: train, label: "training")
        panels[0].line(y: validation, label: "validation", dash: .dashed)
        panels[1].title = "Accuracy"
        panels[1].xLabel = "epoch"
        panels[1].yLabel = "accuracy"
        panels[1].line(y: trainAccuracy, label: "training")
        panels[1].line(y: validationAccuracy, label: "validation", dash: .dashed)
        panels[1].legendPlacement = .lowerRight
        return figure
    }
}
