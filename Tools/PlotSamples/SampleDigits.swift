import Foundation

/// A few MNIST test digits for the samples, read with `gzip -dc` from `$MNIST_DIR` or
/// `../shared/mnist`; without them, simple synthetic strokes stand in.
enum SampleDigits {
    static func load(count: Int) -> (images: [[[Double]]], labels: [Int]) {
        let candidates = [ProcessInfo.processInfo.environment["MNIST_DIR"], "../shared/mnist", "/work/shared/mnist"]
            .compactMap { $0 }
        for directory in candidates {
            let images = directory + "/t10k-images-idx3-ubyte.gz"
            let labels = directory + "/t10k-labels-idx1-ubyte.gz"
            guard FileManager.default.fileExists(atPath: images),
                let imageBytes = gunzip(images), let labelBytes = gunzip(labels),
                imageBytes.count >= 16 + count * 784, labelBytes.count >= 8 + count
            else { continue }
            let digits = (0..<count).map { n in
                (0..<28).map { row in
                    (0..<28).map { column in Double(imageBytes[16 + n * 784 + row * 28 + column]) / 255 }
                }
            }
            return (digits, (0..<count).map { Int(labelBytes[8 + $0]) })
        }
        return synthetic(count: count)
    }

    private static func gunzip(_ path: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](data) : nil
    }

    /// Rings and bars that look vaguely like 0s and 1s.
    private static func synthetic(count: Int) -> (images: [[[Double]]], labels: [Int]) {
        let images = (0..<count).map { n in
            (0..<28).map { row in
                (0..<28).map { column -> Double in
                    let x = Double(column) - 13.5
                    let y = Double(row) - 13.5
                    let d = n % 2 == 0 ? abs((x * x / 49 + y * y / 100).squareRoot() - 1) * 6 : abs(x + 0.2 * y)
                    return max(0, 1 - d / 2)
                }
            }
        }
        return (images, (0..<count).map { $0 % 2 })
    }
}
