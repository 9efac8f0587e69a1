/// The MNIST digits: a training part, a test part, and where they came from.
///
/// ```swift
/// let mnist = try MNISTLoader().load()
/// print(mnist.description)   // says which set was used, for the chapter's report
/// let batch = mnist.training.inputs(0..<64)            // 64 × 784, pixels in [0, 1]
/// let targets = Dataset.oneHot(Array(mnist.training.labels[0..<64]), classCount: 10)
/// ```
public struct MNIST: Sendable, CustomStringConvertible {
    /// The training images (60,000 in the full set).
    public let training: MNISTSet
    /// The test images (10,000 in the full set).
    public let test: MNISTSet
    /// Where the files were read from.
    public let source: MNISTSource

    /// Combines two parts read from `source`.
    public init(training: MNISTSet, test: MNISTSet, source: MNISTSource) {
        self.training = training
        self.test = test
        self.source = source
    }

    /// One or two sentences for the report: which set the chapter ran on, and for the
    /// subset, why and how to get the full set.
    ///
    /// It names no absolute path, so the same chapter reads the same on every machine.
    public var description: String {
        let counts = "\(Self.grouped(training.count)) training and \(Self.grouped(test.count)) test images"
        switch source {
        case .environmentDirectory:
            return "Full MNIST set (\(counts)) read from $MNIST_DIR; checksums verified."
        case .projectDirectory:
            return "Full MNIST set (\(counts)) read from data/mnist/; checksums verified."
        case .downloaded(_, let mirror):
            return "Full MNIST set (\(counts)) downloaded from \(mirror) into data/mnist/; checksums verified."
        case .bundledSubset(let reason):
            return """
                This chapter ran on the bundled MNIST subset (\(counts)), not the full set, \
                because \(reason). To use the full set, put the four files \
                (train-images-idx3-ubyte.gz and its siblings) in data/mnist/ or point MNIST_DIR \
                at them, or run "lessons all --force" once with internet access to download them.
                """
        }
    }

    private static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}

/// Where a `MNIST` value was read from.
public enum MNISTSource: Sendable, Hashable {
    /// The full set, from the directory `$MNIST_DIR` names.
    case environmentDirectory(String)
    /// The full set, from the project's `data/mnist/`.
    case projectDirectory(String)
    /// The full set, just downloaded from `mirror` into `directory`.
    case downloaded(directory: String, mirror: String)
    /// The small subset bundled with the package, and why the full set was not used.
    case bundledSubset(reason: String)

    /// Whether this is the full set of 70,000 images (and not the bundled subset).
    public var isFullSet: Bool {
        if case .bundledSubset = self { return false }
        return true
    }
}
