import Foundation
import Testing

/// Two `lessons` runs on one output folder, started together again and again, as a `watch` in
/// one terminal and an `all` in another would (issue 19, item 7).
@Suite struct ConcurrentRunsTests {
    let helper = CommandLineTests()

    /// The rounds of the stress test: each starts two runs at once, about a second in all.
    static let rounds = 12

    /// Two versions of the same lessons, `a/lessons` and `b/lessons`, whose chapters show
    /// "Version A" or "Version B".
    func project() throws -> URL {
        let folder = try helper.project([:])
        for version in ["A", "B"] {
            let lessons = folder.appendingPathComponent("\(version.lowercased())/lessons")
            try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
            for (order, name) in ["01-x", "02-y"].enumerated() {
                try OutputFolderCommandTests.lesson("Version \(version) of \(name)", order: order + 1)
                    .write(to: lessons.appendingPathComponent("\(name).md"), atomically: false, encoding: .utf8)
            }
        }
        return folder
    }

    func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        return (process, error)
    }

    /// The line of a chapter's cache key that names its lesson's text, or `nil`.
    func lessonLine(_ output: URL, _ name: String) -> String? {
        guard let text = try? String(contentsOf: output.appendingPathComponent(".cache/\(name).json"), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.contains("\"lesson lessons/") }.map(String.init)
    }

    /// Every run either writes the book or is refused because the other holds the folder;
    /// after every round, each chapter's pages are those of the version its cache key names,
    /// and no staging folder or temporary is left.
    @Test func twoBuildsOnOneOutputNeverLeavePagesAndKeyDisagreeing() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each version's key, from a run of its own.
        var keys = [String: [String: String]]()
        for version in ["a", "b"] {
            let alone = try helper.run(["all", "--lessons", "\(version)/lessons", "--output", "alone-\(version)", "--quiet"], in: folder)
            #expect(alone.status == 0, "\(alone.standardError)")
            for name in ["01-x", "02-y"] { keys[version, default: [:]][name] = lessonLine(folder.appendingPathComponent("alone-\(version)"), name) }
        }
        #expect(keys["a"]?["01-x"] != nil && keys["a"]?["01-x"] != keys["b"]?["01-x"])

        let output = folder.appendingPathComponent("shared")
        for round in 0..<Self.rounds {
            let runs = try ["a", "b"].map { version in
                try start(["all", "--lessons", "\(version)/lessons", "--output", "shared", "--quiet"], in: folder)
            }
            for (process, error) in runs {
                let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                CommandLineTests.expectPlainWords(.init(status: process.terminationStatus, standardOutput: "", standardError: message), ["all"])
                let refused = message.hasPrefix("error: shared/ is being written by another lessons run (pid ")
                    && message.hasSuffix("`); wait for it or stop it\n")
                #expect(process.terminationStatus == 0 && message.isEmpty || process.terminationStatus == 1 && refused,
                    "round \(round): status \(process.terminationStatus): \(message)")
            }
            for name in ["01-x", "02-y"] {
                let page = (try? String(contentsOf: output.appendingPathComponent("\(name)/index.html"), encoding: .utf8)) ?? ""
                let key = lessonLine(output, name)
                let version = page.contains(". Version A of \(name)</h1>") ? "a" : page.contains(". Version B of \(name)</h1>") ? "b" : nil
                #expect(version != nil, "round \(round): \(name) has no pages")
                #expect(key != nil && key == version.flatMap { keys[$0]?[name] },
                    "round \(round): \(name)'s pages are version \(version ?? "none") but its key is \(key ?? "none")")
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: output.path)
            #expect(!left.contains { $0.hasPrefix(".staging-") || $0.hasPrefix(".old-") || $0.hasPrefix(".writing-") || $0.hasPrefix(".dat.nosync") },
                "round \(round): \(left)")
        }
    }
}
