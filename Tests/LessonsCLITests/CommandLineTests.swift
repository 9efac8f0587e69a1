import Foundation
import Testing

/// Runs the built `lessons` executable, as a user would, and checks its output and exit status.
@Suite struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `lessons` executable beside the test bundle in the build folder.
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("lessons").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("lessons")
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    @Test func helpListsEverySubcommand() throws {
        let outcome = try run(["--help"])
        #expect(outcome.status == 0)
        for name in ["all", "run", "list", "check", "new", "watch"] {
            #expect(outcome.standardOutput.contains("\n  \(name) "), "missing subcommand \(name)")
        }
    }

    @Test func runHelpShowsTheSharedOptions() throws {
        let outcome = try run(["run", "--help"])
        #expect(outcome.status == 0)
        for option in ["--output", "--seed", "--quiet"] {
            #expect(outcome.standardOutput.contains(option))
        }
    }

    @Test(arguments: [["all"], ["list"], ["check"], ["new", "intro"], ["watch"], ["run", "perceptron"]])
    func commandsThatHaveNotLandedSaySoAndExitTwo(arguments: [String]) throws {
        let outcome = try run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("lessons \(arguments[0]): not available yet: "))
    }

    @Test func runWithoutANameIsAUsageError() throws {
        let outcome = try run(["run"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("Error: Missing expected argument '<names> ...'"))
    }
}
