import Datasets
import Foundation
import LessonFormat

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
