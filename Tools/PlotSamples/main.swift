import Foundation
import Plotting

// PlotSamples OUTPUT_DIR          writes one PNG of every plot kind into OUTPUT_DIR, and an
//                                  index.html that shows them all on one page
// PlotSamples --benchmark [RUNS]  times the 300×300 decision-region heatmap (build with -c release)

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--benchmark" {
    let runs = arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10
    do {
        try Benchmark.run(runs: runs)
    } catch {
        FileHandle.standardError.write(Data("PlotSamples: \(error)\n".utf8))
        exit(1)
    }
} else if let directory = arguments.first, !directory.hasPrefix("-") {
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for sample in Samples.all {
            let path = (directory as NSString).appendingPathComponent(sample.name + ".png")
            try sample.make().writePNG(to: path)
            print(path)
        }
        let index = (directory as NSString).appendingPathComponent("index.html")
        try Samples.contactSheet().write(toFile: index, atomically: true, encoding: .utf8)
        print(index)
    } catch {
        FileHandle.standardError.write(Data("PlotSamples: \(error)\n".utf8))
        exit(1)
    }
} else {
    FileHandle.standardError.write(Data("usage: PlotSamples OUTPUT_DIR | PlotSamples --benchmark [RUNS]\n".utf8))
    exit(2)
}
