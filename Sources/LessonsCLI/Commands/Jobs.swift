import Dispatch
import Foundation

/// Runs independent pieces of work, a few at a time.
enum Jobs {
    /// Runs `work` on each of `items`, at most `jobs` at once, starting them in the items'
    /// order, and returns the values in the items' order. With one job, everything runs on
    /// the calling thread.
    static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], jobs: Int, _ work: @escaping @Sendable (Item) -> Value
    ) -> [Value] {
        guard jobs > 1, items.count > 1 else { return items.map(work) }
        let queue = WorkQueue<Value>(count: items.count)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, items.count) {
            group.enter()
            let thread = Thread {
                while let index = queue.next() {
                    queue.set(index, work(items[index]))
                }
                group.leave()
            }
            // As much stack as the main thread has: parsing and rendering recurse.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return queue.values.map { $0! }
    }
}

/// The items handed out and the values handed back, behind a lock.
private final class WorkQueue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var results: [Value?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    /// The next item to work on, or `nil` when all are taken.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < results.count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = value
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
