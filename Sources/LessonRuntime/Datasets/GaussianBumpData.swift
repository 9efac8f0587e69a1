import Datasets
import Engine
import Foundation
import LessonFormat

/// A Gaussian bump in the plane (after TensorFlow Playground's Gaussian regression set):
/// inputs uniform in `[-3, 3]²` and `y = exp(−(x₁² + x₂²) / 2) + ε` with `ε ~ N(0, noise²)`
/// (`noise: 0.05`): 1 at the centre, falling to about 0 at the edges. No plane fits it; a
/// hidden layer can.
struct GaussianBumpData: RegressionSurface {
    static let name = "gaussian-bump"
    static let listOrder = 64
    static let box: [ClosedRange<Double>] = [-3...3, -3...3]
    static let defaultNoise = 0.05

    static func target(_ x: [Double]) -> Double { exp(-(x[0] * x[0] + x[1] * x[1]) / 2) }

    var count: Int
    var noise: Double

    var title: String { "a noisy Gaussian bump" }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { GaussianBumpData.registryRecord }
