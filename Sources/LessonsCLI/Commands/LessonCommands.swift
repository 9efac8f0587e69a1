import ArgumentParser

extension LessonsCommand {
    /// `lessons all`: run every lesson in lessons/ and write the whole report.
    struct All: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every lesson and write output/index.html.")

        @OptionGroup var options: RunOptions

        func run() throws {
            try notYetAvailable("all", needs: "the lesson runner (issue 6)")
        }
    }

    /// `lessons run NAME…`: run the named lessons only.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the named lessons (file names in lessons/, with or without .md).")

        @Argument(help: "The lessons to run.")
        var names: [String]

        @OptionGroup var options: RunOptions

        func run() throws {
            try notYetAvailable("run", needs: "the lesson runner (issue 6)")
        }
    }

    /// `lessons list`: list the lessons with their titles.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the lessons in lessons/ with their titles.")

        func run() throws {
            try notYetAvailable("list", needs: "the lesson-file parser (issue 6)")
        }
    }

    /// `lessons check`: validate every lesson file without training.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every lesson file for errors without running it.")

        func run() throws {
            try notYetAvailable("check", needs: "the lesson-file parser (issue 6)")
        }
    }

    /// `lessons new NAME`: start a new lesson file from a template.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create lessons/NAME.md from a template.")

        @Argument(help: "The new lesson's file name.")
        var name: String

        func run() throws {
            try notYetAvailable("new", needs: "the lesson-file format (issue 6)")
        }
    }

    /// `lessons watch`: re-run a lesson whenever its file changes.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-run lessons whenever a file in lessons/ changes.")

        @OptionGroup var options: RunOptions

        func run() throws {
            try notYetAvailable("watch", needs: "the lesson runner (issue 6)")
        }
    }
}
