import ArgumentParser
import Book
import Dispatch
import Foundation
import LessonFormat
import LessonRuntime

/// Runs lessons, publishes their chapters and the index, and sets the exit status.
enum Publishing {
    /// What became of one chapter.
    private struct Outcome: Sendable {
        var publication: Result<BookWriter.Publication, BookWriter.WriteError>
        var seconds: Double
    }

    static func publish(_ entries: [LessonLibrary.Entry], library: LessonLibrary, options: RunOptions) throws {
        let output = URL(fileURLWithPath: options.output)
        if let reason = BookWriter.reasonAgainst(
            output: output, lessons: library.folder,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        {
            throw ValidationError(reason)
        }
        let writer = BookWriter(output: output)
        let cache = ChapterCache(
            output: output, program: ChapterCache.programFingerprint(version: LessonsCommand.configuration.version))
        let order = BookWriter.bookOrder(try library.entries())
        let chosen = order.map(\.entry).filter(entries.contains)
        let display = ProgressDisplay()
        let (seed, quiet, force) = (options.seed, options.quiet, options.force)

        // Chapters are independent: each one's folder depends on its lesson, its data and its
        // neighbours' titles only, so running several at once writes the same bytes.
        let work: @Sendable (LessonLibrary.Entry) -> Outcome = { entry in
            let start = DispatchTime.now().uptimeNanoseconds
            let progress: ((TrainingProgress) -> Void)? = quiet ? nil : { display.show($0) }
            let publication: Result<BookWriter.Publication, BookWriter.WriteError>
            do throws(BookWriter.WriteError) {
                publication = .success(
                    try writer.publish(
                        entry, seed: seed, neighbours: BookWriter.neighbours(of: entry, in: order), reusing: cache,
                        force: force, progress: progress))
            } catch {
                publication = .failure(error)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            display.finish(entry.displayPath) {
                if case let .success(publication) = publication {
                    Terminal.report(publication, name: entry.name, seconds: seconds, quiet: quiet)
                }
            }
            return Outcome(publication: publication, seconds: seconds)
        }
        let stops: @Sendable (Outcome) -> Bool = { outcome in
            if case .failure = outcome.publication { true } else { false }
        }
        let outcomes = Jobs.map(chosen, jobs: options.jobs, stops: stops, work)

        var (ran, kept, failures) = (0, 0, 0)
        var timings: [String: Double] = [:]
        for (entry, outcome) in zip(chosen, outcomes) {
            guard let outcome else { continue }
            switch outcome.publication {
            case let .failure(error): throw error
            case let .success(.ran(result)):
                ran += 1
                if !result.errors.isEmpty { failures += 1 }
            case .success(.kept):
                kept += 1
            }
            timings[entry.name] = outcome.seconds
        }
        try writer.writeIndex(for: try library.entries())
        try writer.writeTimings(timings)
        let index = output.appendingPathComponent("index.html").path
        if failures > 0 {
            Terminal.error("\(failures) of \(entries.count) chapter\(entries.count == 1 ? "" : "s") failed; the report is at \(index)")
            throw ExitCode.failure
        }
        Terminal.say("\(summary(ran: ran, kept: kept)); open \(index)", quiet: quiet)
    }

    /// "Wrote 2 chapters", "Wrote 1 chapter, kept 6 unchanged (…)", "Kept 7 unchanged chapters (…)".
    static func summary(ran: Int, kept: Int) -> String {
        let plural = { (count: Int) in count == 1 ? "" : "s" }
        let hint = " (--force runs them again)"
        if kept == 0 { return "Wrote \(ran) chapter\(plural(ran))" }
        if ran == 0 { return "Kept \(kept) unchanged chapter\(plural(kept))" + hint }
        return "Wrote \(ran) chapter\(plural(ran)), kept \(kept) unchanged" + hint
    }

    /// The library, or a clean exit with the lookup's message.
    static func library(_ folder: LessonsFolderOption) -> LessonLibrary {
        LessonLibrary(folder: URL(fileURLWithPath: folder.lessons))
    }

    static func entries(_ library: LessonLibrary, named names: [String]) throws -> [LessonLibrary.Entry] {
        do {
            return names.isEmpty ? try library.entries() : try names.map { name throws(LessonLibrary.LookupError) in try library.entry(for: name) }
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
