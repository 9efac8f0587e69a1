import Foundation
import Plotting

extension Samples {
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
        let figure = Figure(width: 680, height: 460)
        let axes = figure.addAxes()
        axes.title = "Decision regions of the 2-3-1 network"
        axes.xLabel = "x₁"
        axes.yLabel = "x₂"
        axes.decisionRegions(x: -1.6...1.6, y: -1.6...1.6, probability: SampleData.ringProbability)
        axes.scatter(points: data.points, classes: data.classes, classNames: ["inner (0)", "outer (1)"], size: 6)
        return figure
    }

    /// Seed 002's three hidden classifiers: each hidden unit's line on the circles data.
    static func hiddenClassifiers() -> Figure {
        let data = SampleData.circles(count: 200, seed: 3)
        let figure = Figure(width: 520, height: 460)
        let axes = figure.addAxes()
        axes.title = "The hidden units' linear classifiers"
        axes.xLabel = "x₁"
        axes.yLabel = "x₂"
        axes.scatter(points: data.points, classes: data.classes, classNames: ["inner (0)", "outer (1)"], size: 6)
        axes.hiddenUnitLines(weights: SampleData.hiddenWeights, biases: SampleData.hiddenBiases)
        axes.xLimits = -1.6...1.6
        axes.yLimits = -1.6...1.6
        axes.equalAspect = true
        return figure
    }

    /// Seed 002's projection: the circles in the space of the three hidden activations.
    static func hiddenSpace() -> Figure {
        let data = SampleData.circles(count: 200, seed: 3)
        let hidden = data.points.map { p in
            (0..<3).map { unit in
                SampleData.sigmoid(
                    SampleData.hiddenWeights[0][unit] * p.0 + SampleData.hiddenWeights[1][unit] * p.1
                        + SampleData.hiddenBiases[unit])
            }
        }
        let figure = Figure(width: 560, height: 480)
        let axes = figure.addAxes()
        axes.title = "The data in hidden space: σ(x W⁽¹⁾ + b⁽¹⁾)"
        axes.projection3D(
            points: hidden, classes: data.classes, classNames: ["inner (0)", "outer (1)"],
            plane: (weights: [1, 1, 1], bias: -2.55), azimuth: -135)
        axes.legendPlacement = .upperRight
        return figure
    }
}
