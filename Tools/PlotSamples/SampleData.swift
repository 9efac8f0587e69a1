import Foundation

/// Small deterministic data sets for the samples (the real ones come from the Datasets module).
enum SampleData {
    /// A tiny linear congruential generator, so samples are the same on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        mutating func normal() -> Double {
            let u = max(next(), 1e-12)
            let v = next()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }

    /// Two concentric rings: class 0 inside (radius ≈ 0.5), class 1 outside (radius ≈ 1).
    static func circles(count: Int, seed: UInt64) -> (points: [(Double, Double)], classes: [Int]) {
        var generator = Generator(state: seed)
        var points: [(Double, Double)] = []
        var classes: [Int] = []
        for index in 0..<count {
            let label = index % 2
            let radius = (label == 0 ? 0.5 : 1.0) + 0.1 * generator.normal()
            let angle = 2 * Double.pi * generator.next()
            points.append((radius * cos(angle), radius * sin(angle)))
            classes.append(label)
        }
        return (points, classes)
    }

    /// A smooth stand-in for a trained network's output on the circles: P(class 1).
    static func ringProbability(_ x: Double, _ y: Double) -> Double {
        let r2 = x * x + y * y
        return 1 / (1 + exp(-12 * (r2 - 0.56)))
    }

    @Sendable static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    /// Three hidden units' weights (`2 × 3`, one column per unit) and biases, like the ones
    /// seed 002 learns on the circles: three lines around the inner ring.
    static let hiddenWeights: [[Double]] = [[3.6, -1.8, -1.8], [0, 3.12, -3.12]]
    static let hiddenBiases: [Double] = [2.7, 2.7, 2.7]
}
