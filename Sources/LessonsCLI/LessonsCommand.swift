import ArgumentParser

/// The `lessons` command: runs Markdown lesson files and writes the illustrated report.
@main
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Run the neural-network lessons in lessons/ and write an illustrated report.",
        discussion: """
            A student runs `lessons all` and opens output/index.html. An instructor writes \
            one Markdown file in lessons/ and runs `lessons run NAME`.
            """,
        version: "0.1.0",
        subcommands: [
            All.self, Run.self, List.self, Check.self, New.self, Watch.self,
        ]
    )
}
