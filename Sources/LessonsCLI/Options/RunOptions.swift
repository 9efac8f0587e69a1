import ArgumentParser

/// Options shared by the commands that run lessons and write a report.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: "The folder the report is written to.")
    var output: String = "output"

    // `.unconditional`: the word after `--seed` and `--jobs` is their value even when it starts
    // with '-', so `--seed -1` is told what a seed is, not "Missing value" (argument-parser
    // would take `-1` for a flag).
    @Option(
        name: .long, parsing: .unconditional,
        help: "Override every lesson's seed (same seed, same report, byte for byte).",
        transform: { text in
            guard let seed = UInt64(text) else {
                throw ValidationError("a seed is a whole number from 0 to \(UInt64.max)")
            }
            return seed
        })
    var seed: UInt64?

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Run every chapter, even those whose lesson, data and program are unchanged since their last clean run.")
    var force = false

    @Option(
        name: .long, parsing: .unconditional,
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
    /// The folder `--lessons` names when it is not given.
    static let defaultFolder = "lessons"

    @Option(name: .long, help: "The folder holding the lesson files.")
    var lessons: String = defaultFolder
}
