/// The four standard MNIST files and the SHA-256 of their decompressed content.
///
/// The sums are the project's own copy of `../shared/mnist/SHA256SUMS.decompressed`
/// (a user's machine has no `../shared`); a test checks that the two agree.
public enum MNISTFile: String, Sendable, CaseIterable {
    case trainingImages = "train-images-idx3-ubyte"
    case trainingLabels = "train-labels-idx1-ubyte"
    case testImages = "t10k-images-idx3-ubyte"
    case testLabels = "t10k-labels-idx1-ubyte"

    /// The name of the gzip file, for example `train-images-idx3-ubyte.gz`.
    public var compressedName: String { rawValue + ".gz" }

    /// The SHA-256 of the decompressed file, as published with the data.
    public var sha256: String {
        switch self {
        case .trainingImages: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
        case .trainingLabels: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
        case .testImages: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
        case .testLabels: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
        }
    }

    /// The published sums, keyed by decompressed file name.
    public static var publishedSums: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.sha256) })
    }
}
