import Foundation

/// SHA-256 computed on a serial background queue from pieces handed over in order.
///
/// The decompressor hands over copies of its output pieces (a copy costs far less than
/// hashing them), so hashing overlaps with inflating and never reads a buffer that is
/// still being written.
final class BackgroundHasher: @unchecked Sendable {
    private let queue = DispatchQueue(label: "Datasets.BackgroundHasher")
    // Touched only on `queue`.
    private var hasher = SHA256()

    /// Queues `piece` to be hashed after the pieces before it.
    func add(_ piece: [UInt8]) {
        queue.async { self.hasher.update(piece) }
    }

    /// Waits for the queued pieces and returns the digest in hexadecimal.
    func finish() -> String {
        queue.sync { hasher.finalizeHex() }
    }
}
