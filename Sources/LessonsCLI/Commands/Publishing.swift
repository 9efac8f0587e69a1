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

    /// The output folder, checked, locked for this run and tidied of what interrupted runs
    /// left, ready for `publish`. Hold the returned lock until the run ends.
    ///
    /// A folder the book must not write into is a usage error (status 2) and nothing is
    /// written; a folder another run is writing is refused (status 1), naming that run.
    static func open(_ options: RunOptions, library: LessonLibrary) throws -> (BookWriter, OutputLock) {
        let output = URL(fileURLWithPath: options.output)
        if let reason = BookWriter.reasonAgainst(
            output: output, lessons: library.folder,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            ?? OutputManifest(output: output).reasonAgainstWriting()
        {
            Terminal.error("error: \(reason)")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            Terminal.error("error: cannot create the folder \(options.output): \(FileErrorWording.reason(error))")
            throw ExitCode.failure
        }
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(output, command: (["lessons"] + CommandLine.arguments.dropFirst()).joined(separator: " "))
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode.failure
        }
        let writer = BookWriter(output: output)
        writer.recoverFromInterruptedRuns()
        return (writer, lock)
    }

    /// Publishes `entries` with `writer` (from `open`), then the index of every chapter in the
    /// output folder. Each chapter stands alone: one that fails, or cannot be written, does not
    /// stop the others or the index, and makes the status 1. `refused` are the lesson files
    /// left out of the book, already reported: they make the status 1 too.
    static func publish(
        _ entries: [LessonLibrary.Entry], library: LessonLibrary, options: RunOptions, writer: BookWriter,
        refused: [LessonLibrary.RefusedFile] = []
    ) throws {
        let output = writer.output
        let cache = ChapterCache(
            output: output, program: ChapterCache.programFingerprint(version: LessonsCommand.configuration.version))
        let order = BookWriter.bookOrder(try library.entries())
        let chosen = order.map(\.entry).filter(entries.contains)
        // A chapter links only to chapters that are in this output folder, or are being written
        // into it now.
        let present = Set(chosen.map(\.name)).union(
            order.map(\.entry.name).filter {
                FileManager.default.fileExists(atPath: output.appendingPathComponent($0).appendingPathComponent(ChapterSummary.fileName).path)
            })
        let linked = order.filter { present.contains($0.entry.name) }
        let bookChapters = Set(order.map(\.entry.name))
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
                        entry, seed: seed, neighbours: BookWriter.neighbours(of: entry, in: linked, book: order),
                        bookChapters: bookChapters, reusing: cache,
                        force: force, progress: progress))
            } catch {
                publication = .failure(error)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            display.finish(entry.displayPath) {
                switch publication {
                case let .success(publication): Terminal.report(publication, name: entry.name, seconds: seconds, quiet: quiet)
                case let .failure(error): Terminal.error("✗ \(entry.name): \(error.description)")
                }
            }
            return Outcome(publication: publication, seconds: seconds)
        }
        let outcomes = Jobs.map(chosen, jobs: options.jobs, work)

        var (ran, kept, failures) = (0, 0, 0)
        var timings: [String: Double] = [:]
        for (entry, outcome) in zip(chosen, outcomes) {
            switch outcome.publication {
            case .failure: failures += 1
            case let .success(.ran(result)):
                ran += 1
                if !result.errors.isEmpty { failures += 1 }
            case .success(.kept):
                kept += 1
            }
            timings[entry.name] = outcome.seconds
        }
        let all = try library.entries()
        do throws(BookWriter.WriteError) {
            try writer.writeIndex(for: all)
            try writer.writeTimings(timings)
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode.failure
        }
        let index = output.appendingPathComponent("index.html").path
        var problems = [String]()
        if failures > 0 { problems.append("\(failures) of \(entries.count) chapter\(entries.count == 1 ? "" : "s") failed") }
        if !refused.isEmpty {
            problems.append("\(refused.count) lesson file\(refused.count == 1 ? " was" : "s were") left out (see above)")
        }
        if !problems.isEmpty {
            Terminal.error(problems.joined(separator: ", ") + "; the report is at \(index)")
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

    /// The library in the folder `--lessons` names.
    static func library(_ folder: LessonsFolderOption) -> LessonLibrary {
        LessonLibrary(folder: URL(fileURLWithPath: folder.lessons))
    }

    /// The named lessons, or a clean exit with the lookup's message.
    static func entries(_ library: LessonLibrary, named names: [String]) throws -> [LessonLibrary.Entry] {
        do {
            return try names.map { name throws(LessonLibrary.LookupError) in try library.entry(for: name) }
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }

    /// The lessons and refused files of `library`; a missing folder is printed and fails.
    static func contents(of library: LessonLibrary) throws -> LessonLibrary.Contents {
        do {
            return try library.contents()
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }

    /// Every lesson of the library, after reporting each `.md` file that cannot be one; a
    /// folder without a lesson is an error, before anything is written.
    static func everyLesson(_ library: LessonLibrary, writes: Bool) throws -> LessonLibrary.Contents {
        let contents = try self.contents(of: library)
        for file in contents.refused { Terminal.error(file.description) }
        if contents.entries.isEmpty {
            let folder = library.folder.relativePath
            let nothing = writes ? "; nothing was written" : ""
            Terminal.error(
                contents.refused.isEmpty
                    ? "error: no lessons in \(folder)/ (a lesson is a .md file other than README.md)\(nothing)"
                    : "error: no lesson in \(folder)/ can be used\(nothing)")
            throw ExitCode.failure
        }
        return contents
    }
}
