import ArgumentParser
import Book
import BookServer
import Dispatch
import Foundation

extension LessonsCommand {
    /// `lessons serve`: the book on 127.0.0.1, rebuilt as its lessons and data are saved.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the book, serve it on 127.0.0.1 and rebuild a chapter when its lesson or its data is saved; the open page reloads (Ctrl-C stops).",
            discussion: """
                The book is built as `lessons all` builds it, then served from the output folder. \
                A saved lesson is checked first: one with mistakes keeps its last good pages, and its \
                errors are printed and shown on the open page. The files written stay as `lessons all` \
                writes them: the reload script is added only to the pages the server sends. `serve` \
                holds the output folder as `watch` does, until it stops.
                """)

        @OptionGroup var folder: LessonsFolderOption
        @OptionGroup var options: RunOptions

        @Option(help: "The port on 127.0.0.1 (0: a free one, printed when the server starts).")
        var port: UInt16 = 0

        func run() throws {
            let library = Publishing.library(folder)
            let first = try Publishing.everyLesson(library, writes: true)
            let (writer, lock) = try Publishing.open(options, library: library)
            defer { lock.release() }
            // The port is taken before the book is built: one in use fails at once. A page asked
            // for during the first build is reloaded when it ends.
            let status = BookStatus()
            let server: PreviewServer
            let bound: UInt16
            do {
                server = try PreviewServer(root: writer.output, port: port, status: status)
                bound = try Self.waiting { try await server.start() }
            } catch {
                Terminal.error("error: cannot serve on 127.0.0.1:\(port): \(error)")
                throw ExitCode.failure
            }
            var changes = LessonChanges(reported: first.refused)
            var rebuild = PreviewRebuild(library: library, writer: writer)
            status.rebuilt(problems: rebuild.run(try changes.look(at: library), options: options))
            print("Serving \(options.output)/ at http://127.0.0.1:\(bound)/ and watching \(folder.lessons)/; Ctrl-C stops.")
            fflush(nil)

            // After the first build, only what changed runs: `--force` is for that build alone.
            var later = options
            later.force = false
            var folderGone = false
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                // A lessons folder moved away for a moment (a branch switched, say) is waited for.
                guard FileManager.default.fileExists(atPath: library.folder.path) else {
                    if !folderGone { Terminal.error("error: \(folder.lessons)/ is gone; still serving, and waiting for it to come back") }
                    folderGone = true
                    continue
                }
                folderGone = false
                let look = try changes.look(at: library)
                guard !look.isEmpty else { continue }
                status.rebuilt(problems: rebuild.run(look, options: later))
                fflush(nil)
            }
        }

        /// Runs `work` on the concurrency pool and waits for it on this thread (a command runs
        /// synchronously).
        private static func waiting<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
            let outcome = Outcome<Value>()
            let done = DispatchSemaphore(value: 0)
            Task {
                do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
                done.signal()
            }
            done.wait()
            return try outcome.result!.get()
        }

        /// The result handed from the task to the waiting thread (the semaphore orders them).
        private final class Outcome<Value: Sendable>: @unchecked Sendable {
            var result: Result<Value, any Error>?
        }
    }
}
