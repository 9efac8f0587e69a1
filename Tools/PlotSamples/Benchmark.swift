import Foundation
import Plotting

/// Times the benchmark: a 300×300-cell decision-region heatmap with its 0.5 contour
/// and 1,000 points, rendered and encoded as PNG, and reports where the time goes.
enum Benchmark {
    static func run(runs: Int) throws {
        let data = SampleData.circles(count: 1000, seed: 42)
        var total: [Double] = []
        var phases: [[Double]] = [[], [], []]
        var size = 0
        var cpu: [Double] = []
        for _ in 0..<max(1, runs) {
            let cpuStart = cpuTime()
            let start = now()
            let figure = Figure(width: 640, height: 480)
            let axes = figure.addAxes()
            axes.title = "Decision regions (300 × 300 cells, 1,000 points)"
            let grid = ValueGrid(x: -1.6...1.6, y: -1.6...1.6, columns: 300, function: SampleData.ringProbability)
            axes.heatmap(grid, colormap: .decisionRegions, range: 0...1, colorbar: "P(class 1)")
            axes.contour(level: 0.5)
            axes.scatter(points: data.points, classes: data.classes)
            let sampled = now()
            let renderer = try figure.render()
            let drawn = now()
            size = try renderer.pngData().count
            let encoded = now()
            total.append(encoded - start)
            cpu.append(cpuTime() - cpuStart)
            phases[0].append(sampled - start)
            phases[1].append(drawn - sampled)
            phases[2].append(encoded - drawn)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        print(
            String(
                format:
                    "benchmark: %d runs, wall median %.1f ms (min %.1f) = sample grid %.1f + draw %.1f + PNG %.1f ms; "
                    + "CPU median %.1f ms (min %.1f); PNG %d bytes",
                total.count, median(total), total.min()!, median(phases[0]), median(phases[1]), median(phases[2]),
                median(cpu), cpu.min()!, size))
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

    /// User plus system CPU time of this process in ms: less disturbed than wall time when
    /// other processes share the cores.
    private static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }
}
