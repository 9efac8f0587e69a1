import Datasets
import Engine
import LessonFormat

/// TensorFlow Playground's regression plane: inputs uniform in `[-6, 6]²` and a linear target
/// `y = (x₁ + x₂) / 10 + ε` with `ε ~ N(0, noise²)` (`noise: 0.05`), so `y` runs from about
/// −1.2 to 1.2. A single linear neuron can fit it exactly, up to the noise.
struct PlaneData: RegressionSurface {
    static let name = "plane"
    static let listOrder = 62
    static let box: [ClosedRange<Double>] = [-6...6, -6...6]
    static let defaultNoise = 0.05

    static func target(_ x: [Double]) -> Double { (x[0] + x[1]) / 10 }

    var count: Int
    var noise: Double

    var title: String { "a noisy tilted plane" }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { PlaneData.registryRecord }
