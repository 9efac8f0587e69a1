import Datasets
import Foundation

extension DataCell {
    /// MNIST through the session's loader: `$MNIST_DIR`, `data/mnist/`, a download, or the
    /// bundled subset, which the report then names with the way to the full set.
    func loadMNIST(trainCount: Int?, in session: Session) throws(LessonError) -> LoadedData {
        let mnist: MNIST
        do {
            mnist = try MNISTCache.shared.load(with: session.mnistLoader)
        } catch {
            throw LessonError(.failed("cannot load MNIST: \(error.description)"), at: valuePositions["dataset"] ?? position)
        }
        let trainKept = min(trainCount ?? mnist.training.count, mnist.training.count)
        let testKept = min(testCount ?? mnist.test.count, mnist.test.count)
        var indices = Array(0..<trainKept)
        if shuffles {
            var generator = session.generator("data")
            indices = generator.permutation(of: trainKept)
        }
        var loaded = LoadedData(
            training: mnist.training.dataset(name: "mnist", indices: indices),
            test: mnist.test.dataset(name: "mnist (test)", indices: Array(0..<testKept)),
            isImages: true)

        var note = mnist.description
        var shortfalls = [String]()
        if let trainCount, trainCount > trainKept {
            shortfalls.append("\(NumberText.grouped(trainCount)) training images but the set holds \(NumberText.grouped(trainKept))")
        }
        if let testCount, testCount > testKept {
            shortfalls.append("\(NumberText.grouped(testCount)) test images but the set holds \(NumberText.grouped(testKept))")
        }
        if !shortfalls.isEmpty {
            note += " The lesson asks for " + shortfalls.joined(separator: " and for ") + ", so all of them are used."
        } else if trainKept < mnist.training.count || testKept < mnist.test.count {
            note += " The chapter uses the first \(NumberText.grouped(trainKept)) training and \(NumberText.grouped(testKept)) test images."
        }
        loaded.sourceNote = note
        if !mnist.source.isFullSet { loaded.requiredNote = note }
        return loaded
    }

    /// A CSV file below the lesson's folder, with `testCount` rows held out for testing.
    func loadCSV(path: [String], label: String, in session: Session) throws(LessonError) -> LoadedData {
        let pathPosition = valuePositions["path"] ?? position
        let folder = URL(fileURLWithPath: session.path).deletingLastPathComponent()
        let url = Self.csvLocation(path, lessonPath: session.path)
        let written = path.joined(separator: "/")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let lessonFolder = (session.path as NSString).deletingLastPathComponent
            let shown = lessonFolder.isEmpty ? written : lessonFolder + "/" + written
            throw LessonError(
                .invalidValue(key: "path", in: "data cell", message: "names '\(written)', but there is no file \(shown)"),
                at: pathPosition)
        }
        // `..` was refused where the path is written; a symbolic link must not lead out either.
        let realFolder = folder.resolvingSymlinksInPath().path
        guard url.resolvingSymlinksInPath().path.hasPrefix(realFolder + "/") else {
            throw LessonError(
                .invalidValue(key: "path", in: "data cell", message: "names '\(written)', a link to a file outside the lesson's folder; copy the file beside the lesson"),
                at: pathPosition)
        }

        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw LessonError(
                .invalidValue(key: "path", in: "data cell", message: "names '\(written)', a folder, not a CSV file"), at: pathPosition)
        }

        var dataset: Dataset
        do {
            dataset = try Dataset.csv(contentsOf: url, labelColumn: label)
        } catch {
            let at = if case .missingLabelColumn = error { valuePositions["label"] ?? position } else { pathPosition }
            throw LessonError(.failed(error.description), at: at)
        }
        if shuffles {
            var generator = session.generator("data")
            dataset = dataset.shuffled(using: &generator)
        }
        guard let testCount else { return LoadedData(training: dataset) }
        let (training, test) = try holdOut(count: testCount, of: dataset, key: "test_count", stream: "test-split", in: session)
        return LoadedData(training: training, test: test)
    }
}

extension DataCell {
    /// Where a CSV file named by `path` (components below the lesson's folder) is, for the
    /// lesson at `lessonPath`: the run reads it there, and the chapter cache hashes it there.
    static func csvLocation(_ path: [String], lessonPath: String) -> URL {
        path.reduce(URL(fileURLWithPath: lessonPath).deletingLastPathComponent()) { $0.appendingPathComponent($1) }
    }
}

/// The full MNIST sets loaded so far in this process, so a lesson that is run again
/// (`lessons watch`) or a second MNIST data cell does not read and verify 55 MB again.
///
/// The bundled subset is not kept: it is cheap to read, and keeping it would hide files
/// that appear in `data/mnist/` later.
final class MNISTCache: @unchecked Sendable {
    /// The process's cache.
    static let shared = MNISTCache()

    private let lock = NSLock()
    private var loaded: [String: MNIST] = [:]

    /// The set `loader` finds, from the cache when the same sources were read before.
    func load(with loader: MNISTLoader) throws(MNISTError) -> MNIST {
        let key = "\(loader.environment["MNIST_DIR"] ?? "")\u{0}\(loader.projectDirectory.standardizedFileURL.path)"
        lock.lock()
        defer { lock.unlock() }
        if let mnist = loaded[key] { return mnist }
        let mnist = try loader.load()
        if mnist.source.isFullSet { loaded[key] = mnist }
        return mnist
    }
}
