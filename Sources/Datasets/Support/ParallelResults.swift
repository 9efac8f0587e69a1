import Foundation

/// Collects the results of `DispatchQueue.concurrentPerform` iterations, one slot each.
///
/// Each iteration writes only its own slot, under a lock; `takeValues()` returns them in
/// order (moving them out) and rethrows the first failure (by index, so the message does not depend on timing).
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

    /// Moves the results out (the slots are emptied, so the caller holds the only reference
    /// to each value and can change a large buffer in place).
    func takeValues() throws(MNISTError) -> [Value] {
        lock.lock()
        let taken = slots
        slots = []
        lock.unlock()
        return try taken.map { slot throws(MNISTError) in try slot!.get() }
    }
}
