import ArgumentParser
import Book
import Foundation
import LessonFormat
import LessonRuntime

extension LessonsCommand {
    /// `lessons all`: run every lesson in lessons/ and write the whole report.
    struct All: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every lesson and write output/index.html.")

        @OptionGroup var folder: LessonsFolderOption
        @OptionGroup var options: RunOptions

        func run() throws {
            let library = Publishing.library(folder)
            let contents = try Publishing.everyLesson(library, writes: true)
            let (writer, lock) = try Publishing.open(options, library: library)
            defer { lock.release() }
            try Publishing.publish(contents.entries, library: library, options: options, writer: writer, refused: contents.refused)
        }
    }

    /// `lessons run NAME…`: run the named lessons only.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the named lessons (file names in lessons/, with or without .md).")

        @Argument(help: "The lessons to run.")
        var names: [String]

        @OptionGroup var folder: LessonsFolderOption
        @OptionGroup var options: RunOptions

        func run() throws {
            let library = Publishing.library(folder)
            let entries = try Publishing.entries(library, named: names)
            let (writer, lock) = try Publishing.open(options, library: library)
            defer { lock.release() }
            try Publishing.publish(entries, library: library, options: options, writer: writer)
        }
    }

    /// `lessons list`: list the lessons with their titles.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the lessons in lessons/ with their titles.")

        @OptionGroup var folder: LessonsFolderOption

        func run() throws {
            let contents = try Publishing.everyLesson(Publishing.library(folder), writes: false)
            var failed = !contents.refused.isEmpty
            for entry in contents.entries {
                do {
                    let lesson = try LessonParser.parse(try entry.text(), path: entry.displayPath, file: entry.url)
                    let header = try LessonHeader(lesson)
                    print("\(entry.name)\t\(header.title)\t(\(lesson.cells.count) cells)")
                } catch {
                    Terminal.error(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode.failure }
        }
    }

    /// `lessons check`: validate every lesson file without training.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check lesson files for mistakes without running them (all, or the named ones).")

        @Argument(help: "The lessons to check (all when none is named).")
        var names: [String] = []

        @OptionGroup var folder: LessonsFolderOption

        func run() throws {
            let library = Publishing.library(folder)
            var entries: [LessonLibrary.Entry], errorCount = 0, fileCount: Int
            if names.isEmpty {
                let contents = try Publishing.everyLesson(library, writes: false)
                (entries, errorCount, fileCount) = (contents.entries, contents.refused.count, contents.entries.count + contents.refused.count)
            } else {
                entries = try Publishing.entries(library, named: names)
                fileCount = entries.count
            }
            let bookChapters = Set(((try? library.entries()) ?? entries).map(\.name))
            for entry in entries {
                let errors: [LessonError]
                do {
                    let lesson = try LessonParser.parse(try entry.text(), path: entry.displayPath, file: entry.url)
                    errors = LessonRunner(bookChapters: bookChapters).check(lesson)
                } catch {
                    errors = [error]
                }
                for error in errors { Terminal.error(error.description) }
                errorCount += errors.count
            }
            if errorCount > 0 {
                Terminal.error("\(errorCount) error\(errorCount == 1 ? "" : "s") in \(fileCount) lesson\(fileCount == 1 ? "" : "s")")
                throw ExitCode.failure
            }
            print("\(entries.count) lesson\(entries.count == 1 ? "" : "s") checked: no errors")
        }
    }

    /// `lessons new NAME`: start a new lesson file from a template that runs.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create lessons/NAME.md from a template that runs.")

        @Argument(help: "The new lesson's file name, without .md.")
        var name: String

        @OptionGroup var folder: LessonsFolderOption

        func run() throws {
            let bare = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
            guard LessonLibrary.isValidName(bare) else {
                Terminal.error("error: \(LessonLibrary.LookupError.invalidName(name).description)")
                throw ExitCode.failure
            }
            guard !LessonLibrary.isReserved(bare) else {
                Terminal.error("error: \(LessonLibrary.LookupError.reservedName(bare).description)")
                throw ExitCode.failure
            }
            let url = URL(fileURLWithPath: folder.lessons).appendingPathComponent(bare + ".md")
            guard !FileManager.default.fileExists(atPath: url.path) else {
                Terminal.error("error: \(folder.lessons)/\(bare).md already exists")
                throw ExitCode.failure
            }
            do {
                try FileManager.default.createDirectory(atPath: folder.lessons, withIntermediateDirectories: true)
                try LessonTemplate.text(title: bare).write(to: url, atomically: false, encoding: .utf8)
            } catch {
                Terminal.error("error: cannot write \(folder.lessons)/\(bare).md: \(FileErrorWording.reason(error))")
                throw ExitCode.failure
            }
            // The command to run it names the lessons folder it was created in, unless it is the default.
            let lessonsOption = folder.lessons == LessonsFolderOption.defaultFolder ? "" : " --lessons \(Terminal.shellQuoted(folder.lessons))"
            print("Created \(folder.lessons)/\(bare).md; run it with: swift run lessons run \(bare)\(lessonsOption)")
        }
    }

    /// `lessons watch`: re-run a lesson whenever its file, or a file it reads, changes.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-run each lesson in lessons/ when its file or its data changes (Ctrl-C stops).")

        @OptionGroup var folder: LessonsFolderOption
        @OptionGroup var options: RunOptions

        func run() throws {
            let library = Publishing.library(folder)
            // The output folder is this watch's until it stops: another run is told who holds it.
            let (writer, lock) = try Publishing.open(options, library: library)
            defer { lock.release() }
            var changes = LessonChanges()
            print("Watching \(folder.lessons)/ for changes; Ctrl-C stops.")
            while true {
                let changed = try changes.look(at: library).changed
                if !changed.isEmpty {
                    do {
                        try Publishing.publish(changed, library: library, options: options, writer: writer)
                    } catch is ExitCode {
                        // The errors are printed; keep watching so the next save can fix them.
                    }
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    /// `lessons answers [NAME…]`: the answer key of the exercises, for a teacher.
    struct Answers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write output/answers.md and answers.html: each exercise's question and computed answer (all lessons, or the named ones).",
            discussion: """
                Each chapter's run writes its exercises and their answers to exercises.json in its \
                folder; this command brings the chosen chapters up to date as `run` does (a chapter \
                whose lesson, data, seed and program have not changed is kept, not trained again) \
                and collects those files.
                """)

        @Argument(help: "The lessons whose exercises the key lists (all when none is named).")
        var names: [String] = []

        @OptionGroup var folder: LessonsFolderOption
        @OptionGroup var options: RunOptions

        func run() throws {
            let library = Publishing.library(folder)
            let entries = names.isEmpty ? try Publishing.everyLesson(library, writes: true).entries : try Publishing.entries(library, named: names)
            let (writer, lock) = try Publishing.open(options, library: library)
            defer { lock.release() }
            // A chapter that fails still has its page and its exercises that could be answered;
            // the key is written, and the status says the run failed.
            var failure: (any Error)?
            do {
                try Publishing.publish(entries, library: library, options: options, writer: writer)
            } catch {
                failure = error
            }
            let book = try Publishing.contents(of: library).entries
            let summary: BookWriter.AnswerKeySummary
            do throws(BookWriter.WriteError) {
                summary = try writer.writeAnswerKey(for: entries, book: book)
            } catch {
                Terminal.error("error: \(error.description)")
                throw ExitCode.failure
            }
            for name in summary.unpublished { Terminal.error("error: the chapter \(name) has not been published, so its exercises are not in the key") }
            let key = URL(fileURLWithPath: options.output).appendingPathComponent("answers.html").path
            let plural = { (count: Int) in count == 1 ? "" : "s" }
            Terminal.say(
                "Answer key: \(summary.exercises) exercise\(plural(summary.exercises)) in \(summary.chapters) chapter\(plural(summary.chapters)); open \(key)",
                quiet: options.quiet)
            if let failure { throw failure }
            if !summary.unpublished.isEmpty { throw ExitCode.failure }
        }
    }
}
