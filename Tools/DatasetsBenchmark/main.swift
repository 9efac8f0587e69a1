// Times loading MNIST: reading, decompressing, validating and verifying the four files,
// then converting all 70,000 images to `Matrix` rows of Doubles in [0, 1].
//
//     swift run -c release DatasetsBenchmark [MNIST_DIR]
//
// The directory defaults to $MNIST_DIR, else ../shared/mnist. Prints the best of five runs
// of each phase; this is a measurement for the closing note, not a test.
import Datasets
import Foundation

let environment = ProcessInfo.processInfo.environment
let path = CommandLine.arguments.dropFirst().first ?? environment["MNIST_DIR"] ?? "../shared/mnist"
let directory = MNISTDirectory(url: URL(fileURLWithPath: path))

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var bestRead = Double.infinity, bestConvert = Double.infinity, bestTotal = Double.infinity
do {
    for _ in 0..<5 {
        var parts: (training: MNISTSet, test: MNISTSet)?
        let read = try seconds { parts = try directory.read() }
        var checksum = 0.0
        let convert = seconds {
            checksum = parts!.training.inputs.values[1000] + parts!.test.inputs.values[1000]
        }
        precondition(checksum >= 0)
        bestRead = min(bestRead, read)
        bestConvert = min(bestConvert, convert)
        bestTotal = min(bestTotal, read + convert)
    }
    print(String(format: "read + decompress + validate + SHA-256 of 4 files: %.3f s", bestRead))
    print(String(format: "convert 70,000 images to Matrix (Double in [0, 1]): %.3f s", bestConvert))
    print(String(format: "total (best of 5):                                  %.3f s", bestTotal))
} catch {
    FileHandle.standardError.write(Data("DatasetsBenchmark: \(error)\n".utf8))
    exit(1)
}

