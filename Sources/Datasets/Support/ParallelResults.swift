import Foundation

/// Collects the results of `DispatchQueue.concurrentPerform` iterations, one slot each.
///
/// Each iteration writes only its own slot, under a lock; `values()` returns them in
/// order and rethrows the first failure (by index, so the message does not depend on timing).
final class ParallelResults<Value>: @unchecked Sendable {
    private var slots: [Result<Value, MNISTError>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Value, MNISTError>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws(MNISTError) -> [Value] {
        try slots.map { slot throws(MNISTError) in try slot!.get() }
    }
}
