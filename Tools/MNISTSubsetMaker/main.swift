// Makes the small MNIST subset bundled with the Datasets module, the offline fallback.
//
//     swift run MNISTSubsetMaker [SOURCE_DIR] [DESTINATION_DIR]
//
// SOURCE_DIR defaults to $MNIST_DIR, else ../shared/mnist; DESTINATION_DIR to
// Sources/Datasets/Resources/mnist-subset. The full set is read and verified first, then
// the first 5,000 training and 1,000 test images are written in the same IDX gzip format,
// with a SHA256SUMS file of their decompressed content. Gzip output carries no time stamp,
// so running the tool again gives the same bytes.
import Datasets
import Foundation

let trainingCount = 5_000
let testCount = 1_000

let arguments = CommandLine.arguments.dropFirst()
let environment = ProcessInfo.processInfo.environment
let source = arguments.first ?? environment["MNIST_DIR"] ?? "../shared/mnist"
let destination = URL(fileURLWithPath: arguments.dropFirst().first ?? "Sources/Datasets/Resources/mnist-subset")

do {
    let full = try MNISTDirectory(url: URL(fileURLWithPath: source)).read()
    let parts: [(MNISTFile, [UInt8])] = [
        (.trainingImages, full.training.prefix(trainingCount).idxImages),
        (.trainingLabels, full.training.prefix(trainingCount).idxLabels),
        (.testImages, full.test.prefix(testCount).idxImages),
        (.testLabels, full.test.prefix(testCount).idxLabels),
    ]
    try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
    var sums = ""
    var total = 0
    for (file, content) in parts {
        let compressed = Gzip.compress(content, level: 9)
        try Data(compressed).write(to: destination.appendingPathComponent(file.compressedName))
        sums += "\(SHA256.hexDigest(of: content))  \(file.rawValue)\n"
        total += compressed.count
        print("\(file.compressedName): \(compressed.count) bytes")
    }
    try sums.write(to: destination.appendingPathComponent("SHA256SUMS.decompressed"), atomically: true, encoding: .utf8)
    print("subset: \(trainingCount) training + \(testCount) test images, \(total) bytes in \(destination.path)")
} catch {
    FileHandle.standardError.write(Data("MNISTSubsetMaker: \(error)\n".utf8))
    exit(1)
}
