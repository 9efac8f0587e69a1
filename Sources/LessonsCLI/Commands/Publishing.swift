import ArgumentParser
import Dispatch
import Foundation
import Lessons

/// Runs lessons, publishes their chapters and the index, and sets the exit status.
enum Publishing {
    static func publish(_ entries: [LessonLibrary.Entry], library: LessonLibrary, options: RunOptions) throws {
        let writer = BookWriter(output: URL(fileURLWithPath: options.output))
        let order = BookWriter.bookOrder(try library.entries())
        var failures = 0
        var timings: [String: Double] = [:]
        for entry in order.map(\.entry) where entries.contains(entry) {
            let start = DispatchTime.now().uptimeNanoseconds
            let display = ProgressDisplay()
            let result = try writer.publish(
                entry, seed: options.seed, neighbours: BookWriter.neighbours(of: entry, in: order),
                progress: options.quiet ? nil : display.show)
            display.finish()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            timings[entry.name] = seconds
            Terminal.report(result, name: entry.name, seconds: seconds, quiet: options.quiet)
            if !result.errors.isEmpty { failures += 1 }
        }
        try writer.writeIndex(for: try library.entries())
        try writer.writeTimings(timings)
        let index = URL(fileURLWithPath: options.output).appendingPathComponent("index.html").path
        if failures > 0 {
            Terminal.error("\(failures) of \(entries.count) chapter\(entries.count == 1 ? "" : "s") failed; the report is at \(index)")
            throw ExitCode.failure
        }
        Terminal.say("Wrote \(entries.count) chapter\(entries.count == 1 ? "" : "s"); open \(index)", quiet: options.quiet)
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
