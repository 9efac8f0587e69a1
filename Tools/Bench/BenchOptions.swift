import Foundation

/// The command line of `lessons-bench`.
struct BenchOptions {
    /// Where the full MNIST files are (`--mnist`, else `$MNIST_DIR`, else `../shared/mnist`).
    var mnistDirectory: URL
    /// Where the peers' scripts are (`--peers`, else `../shared/bench`).
    var peerDirectory: URL
    /// MNIST epochs for both the engine and the peer (`--epochs`, default 3).
    var epochs = 3
    /// Repeats of the short cases; the best time counts (`--repeats`, default 3).
    var repeats = 3
    /// Threads for the engine's circles and MNIST runs (`--threads`, default 2); the matrix
    /// product is always timed on one and on two.
    var threads = 2
    /// Time the engine alone (`--skip-peers`).
    var skipPeers = false
    /// The cases to run (`--only matmul,circles,mnist,cnn`; all by default).
    var cases: Set<String> = ["matmul", "circles", "mnist", "cnn"]

    init(arguments: [String]) {
        let environment = ProcessInfo.processInfo.environment
        mnistDirectory = URL(fileURLWithPath: environment["MNIST_DIR"] ?? "../shared/mnist")
        peerDirectory = URL(fileURLWithPath: "../shared/bench")
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--mnist": mnistDirectory = URL(fileURLWithPath: Self.value(after: argument, in: &remaining))
            case "--peers": peerDirectory = URL(fileURLWithPath: Self.value(after: argument, in: &remaining))
            case "--epochs": epochs = Self.count(after: argument, in: &remaining)
            case "--repeats": repeats = Self.count(after: argument, in: &remaining)
            case "--threads": threads = Self.count(after: argument, in: &remaining)
            case "--skip-peers": skipPeers = true
            case "--only":
                cases = Set(Self.value(after: argument, in: &remaining).split(separator: ",").map(String.init))
                if let unknown = cases.first(where: { !["matmul", "circles", "mnist", "cnn"].contains($0) }) {
                    Self.fail("unknown case '\(unknown)' (cases: matmul, circles, mnist, cnn)")
                }
            case "-h", "--help":
                print("usage: lessons-bench [--mnist DIR] [--peers DIR] [--epochs N] [--repeats N] [--threads N] [--skip-peers] [--only matmul,circles,mnist,cnn]")
                exit(0)
            default:
                Self.fail("unknown option '\(argument)'")
            }
        }
    }

    private static func value(after option: String, in remaining: inout ArraySlice<String>) -> String {
        guard let value = remaining.popFirst() else { fail("\(option) needs a value") }
        return value
    }

    private static func count(after option: String, in remaining: inout ArraySlice<String>) -> Int {
        let text = value(after: option, in: &remaining)
        guard let number = Int(text), number >= 1 else { fail("\(option) needs a whole number ≥ 1, not '\(text)'") }
        return number
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("lessons-bench: error: \(message)\n".utf8))
        exit(2)
    }
}
