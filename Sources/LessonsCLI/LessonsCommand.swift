import ArgumentParser
import Foundation

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
            All.self, Run.self, List.self, Check.self, New.self, Watch.self, Serve.self, Answers.self,
        ]
    )

    /// Runs the command with the documented exit codes: 0 all good, 1 a lesson failed, 2 a
    /// usage error (argument-parser's own default for usage errors is 64).
    static func main() {
        // Ctrl-C stops at once with the shell's status 130. A chapter being written is left in
        // its hidden staging folder (the next run removes it), so the previous good chapter
        // stays where it was. An inherited "ignore" or blocked SIGINT is undone here.
        signal(SIGINT) { _ in _exit(130) }
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
