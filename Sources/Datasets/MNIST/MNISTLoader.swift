import Foundation

/// Finds MNIST and loads it: from `$MNIST_DIR`, from `data/mnist/`, by downloading, or from
/// the bundled subset.
///
/// The order:
/// 1. `$MNIST_DIR`, when set (relative to `projectDirectory` if not absolute): the four
///    files must be there and verify (an error otherwise, since the user asked for that
///    directory).
/// 2. `data/mnist/` under `projectDirectory`, when all four files are there.
/// 3. The missing files are downloaded into `data/mnist/` (see `MNISTDownloader`).
/// 4. When the download fails, the bundled subset, with the reason in its `source`.
///
/// Files that are present but damaged are an error, never silently replaced by the subset.
public struct MNISTLoader: Sendable {
    /// The public mirrors of the original files, tried in order.
    public static let defaultMirrors = [
        URL(string: "https://ossci-datasets.s3.amazonaws.com/mnist/")!,
        URL(string: "https://storage.googleapis.com/cvdf-datasets/mnist/")!,
    ]

    /// The environment to read `MNIST_DIR` from.
    public var environment: [String: String]
    /// The directory that holds `data/mnist/` (the project, or the current directory).
    public var projectDirectory: URL
    /// The mirrors to download from.
    public var mirrors: [URL]
    /// Whether missing files may be downloaded.
    public var allowsDownload: Bool
    /// Where the download progress bar goes (standard error by default; `nil` for none).
    public var progressOutput: ProgressBar.Output?

    /// Creates a loader; the defaults read the process environment and the current directory.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        projectDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        mirrors: [URL] = MNISTLoader.defaultMirrors,
        allowsDownload: Bool = true,
        progressOutput: ProgressBar.Output? = ProgressBar.standardError
    ) {
        self.environment = environment
        self.projectDirectory = projectDirectory
        self.mirrors = mirrors
        self.allowsDownload = allowsDownload
        self.progressOutput = progressOutput
    }

    /// The project's own download directory, `data/mnist/`.
    public var dataDirectory: URL {
        projectDirectory.appendingPathComponent("data/mnist")
    }

    /// Loads MNIST from the first source that has it.
    ///
    /// - Throws: `MNISTError` when `$MNIST_DIR` or `data/mnist/` holds missing or damaged
    ///   files, or when even the bundled subset cannot be read.
    public func load() throws(MNISTError) -> MNIST {
        if let path = environment["MNIST_DIR"], !path.isEmpty {
            let location = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : projectDirectory.appendingPathComponent(path))
                .standardizedFileURL
            let directory = MNISTDirectory(url: location)
            let parts = try directory.read()
            return MNIST(training: parts.training, test: parts.test, source: .environmentDirectory(directory.url.path))
        }
        let local = MNISTDirectory(url: dataDirectory)
        let missing = local.missingFiles
        if missing.isEmpty {
            let parts = try local.read()
            return MNIST(training: parts.training, test: parts.test, source: .projectDirectory(local.url.path))
        }
        guard allowsDownload else {
            return try Self.bundledSubset(reason: "the full set is not in \(local.url.path) and downloading is turned off")
        }
        let mirror: URL
        do {
            let downloader = MNISTDownloader(mirrors: mirrors, progressOutput: progressOutput)
            mirror = try downloader.download(missing, into: local.url)
        } catch {
            return try Self.bundledSubset(reason: "the download failed (\(error.description))")
        }
        let parts = try local.read()
        return MNIST(
            training: parts.training, test: parts.test,
            source: .downloaded(directory: local.url.path, mirror: mirror.absoluteString))
    }

    /// The subset bundled with the package: 5,000 training and 1,000 test images.
    ///
    /// - Parameter reason: why the full set is not used, for the report.
    /// - Returns: the subset, with `source` `.bundledSubset(reason:)`.
    /// - Throws: `MNISTError` if the package's resources are missing or damaged.
    public static func bundledSubset(reason: String) throws(MNISTError) -> MNIST {
        guard let url = bundledSubsetDirectory,
            let sums = try? String(contentsOf: url.appendingPathComponent("SHA256SUMS.decompressed"), encoding: .utf8)
        else { throw .subsetMissing }
        let parts = try MNISTDirectory(url: url, checksums: parseSums(sums)).read()
        return MNIST(training: parts.training, test: parts.test, source: .bundledSubset(reason: reason))
    }

    /// The folder of the bundled subset among the package's resources, when it is there.
    public static var bundledSubsetDirectory: URL? {
        Bundle.module.url(forResource: "mnist-subset", withExtension: nil)
    }

    /// The sums of a `sha256sum`-style file: `<hex>  <name>` per line.
    static func parseSums(_ text: String) -> [String: String] {
        var sums = [String: String]()
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count == 2 { sums[String(fields[1])] = String(fields[0]) }
        }
        return sums
    }
}
