import ArgumentParser

/// Options shared by the commands that run lessons and write a report.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: "The folder the report is written to.")
    var output: String = "output"

    @Option(name: .long, help: "Override every lesson's seed (same seed, same report, byte for byte).")
    var seed: UInt64?

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false
}

/// Where the lesson files are.
struct LessonsFolderOption: ParsableArguments {
    @Option(name: .long, help: "The folder holding the lesson files.")
    var lessons: String = "lessons"
}
