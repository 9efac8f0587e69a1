import Foundation

/// What the server tells the open pages: the book's version, which changes after each
/// rebuild, and the problems that kept chapters from being rebuilt.
///
/// The version is this server's start time and a count of rebuilds, so a page sent by an
/// earlier server is never taken for an up-to-date one.
public final class BookStatus: @unchecked Sendable {
    /// How long a `?since=` request waits for a change before answering.
    public static let longPollSeconds = 10.0

    /// The version and problems at one moment.
    public struct Snapshot: Codable, Equatable, Sendable {
        /// Changes after each rebuild.
        public var version: String
        /// One line per problem, as the terminal showed it (`lessons/x.md:3:1: error: …`).
        public var problems: [String]
    }

    // `lock` guards `count` and `problems` (an NSLock: `Mutex` needs macOS 15).
    private let lock = NSLock()
    private var count = 0
    private var problems: [String] = []
    private let started: String

    /// A status at its first version, without problems.
    public init() {
        started = String(Int(Date().timeIntervalSince1970 * 1000), radix: 36)
    }

    /// The version and problems now.
    public var snapshot: Snapshot {
        lock.withLock { Snapshot(version: "\(started)-\(count)", problems: problems) }
    }

    /// Records a rebuild: a new version, with the problems it left (none when all went well).
    public func rebuilt(problems: [String]) {
        lock.withLock {
            count += 1
            self.problems = problems
        }
    }

    /// The snapshot once its version is not `version`, or after `seconds`, whichever is first.
    func snapshot(after version: String, waitingAtMost seconds: Double = longPollSeconds) async -> Snapshot {
        let deadline = Date().addingTimeInterval(seconds)
        while snapshot.version == version, Date() < deadline {
            // A tenth of a second: a change shows within it, and an idle page costs ten
            // wake-ups a second of a task that does nothing else.
            do { try await Task.sleep(nanoseconds: 100_000_000) } catch { break }
        }
        return snapshot
    }
}
