import ArgumentParser

/// Options shared by the commands that run lessons and write a report.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: "The folder the report is written to.")
    var output: String = "output"

    @Option(name: .long, help: "Override every lesson's seed (same seed, same report, byte for byte).")
    var seed: UInt64?

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Run every chapter, even those whose lesson, data and program are unchanged since their last clean run.")
    var force = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How many chapters run at the same time (the engine already uses two threads for large matrix products).",
            valueName: "n"))
    var jobs: Int = 1

    func validate() throws {
        guard (1...64).contains(jobs) else {
            throw ValidationError("--jobs must be a whole number from 1 to 64, not \(jobs)")
        }
    }
}

/// Where the lesson files are.
struct LessonsFolderOption: ParsableArguments {
    @Option(name: .long, help: "The folder holding the lesson files.")
    var lessons: String = "lessons"
}
