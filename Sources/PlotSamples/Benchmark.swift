import Foundation
import Plotting

/// Times the benchmark: a 300×300-cell decision-region heatmap with its 0.5 contour
/// and 1,000 points, rendered and encoded as PNG.
enum Benchmark {
    static func run(runs: Int) throws {
        let data = SampleData.circles(count: 1000, seed: 42)
        var times: [Double] = []
        var size = 0
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let figure = Figure(width: 640, height: 480)
            let axes = figure.addAxes()
            axes.title = "Decision regions (300 × 300 cells, 1,000 points)"
            axes.decisionRegions(x: -1.6...1.6, y: -1.6...1.6, resolution: 300, probability: SampleData.ringProbability)
            axes.scatter(points: data.points, classes: data.classes)
            size = try figure.pngData().count
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let sorted = times.sorted()
        print(String(format: "benchmark: %d runs, median %.1f ms, min %.1f ms, max %.1f ms, PNG %d bytes",
                     runs, sorted[sorted.count / 2], sorted.first!, sorted.last!, size))
    }
}
