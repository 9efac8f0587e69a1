import Foundation
import RawHTTPClient
import Testing

/// `lessons serve` as an instructor uses it: the book over HTTP, rebuilt as lessons and data
/// are saved, a malformed save survived.
@Suite struct ServeCommandTests {
    let helper = CommandLineTests()

    static func tiny(_ title: String, extra: String = "") -> String {
        "---\ntitle: \(title)\n---\nSome text.\n\(extra)"
    }

    static let data = """
        ---
        title: Points
        seed: 1
        ---
        ```{data}
        dataset: csv
        path: points.csv
        label: label
        ```

        ```{model}
        layers: [1, 1]
        activation: sigmoid
        ```

        ```{table}
        of: truth-table
        ```

        """

    /// A running `lessons serve`, its output collected as it comes.
    ///
    /// Each pipe is drained by a blocking read loop on a thread of its own, not by a
    /// `readabilityHandler`: on Linux, tearing that handler's dispatch source down races the
    /// descriptor's close and has crashed the test process in libdispatch's event loop
    /// (swift-corelibs-libdispatch issue 949).
    final class Server: @unchecked Sendable {
        let process = Process()
        private let output = Pipe(), error = Pipe()
        private let collected = Collected()
        private let drained = DispatchGroup()
        var standardOutput: String { collected.text(\.out) }
        var standardError: String { collected.text(\.err) }

        /// What the process printed so far, behind a lock (the pipes' handlers run on their own threads).
        final class Collected: @unchecked Sendable {
            let lock = NSLock()
            var out = Data(), err = Data()
            func append(_ chunk: Data, to stream: ReferenceWritableKeyPath<Collected, Data>) { lock.withLock { self[keyPath: stream].append(chunk) } }
            func text(_ stream: KeyPath<Collected, Data>) -> String { lock.withLock { String(decoding: self[keyPath: stream], as: UTF8.self) } }
        }

        init(_ arguments: [String], in folder: URL) throws {
            process.executableURL = CommandLineTests.executable
            process.arguments = ["serve"] + arguments
            process.currentDirectoryURL = folder
            process.standardOutput = output
            process.standardError = error
            try process.run()
            for (pipe, stream) in [(output, \Collected.out), (error, \Collected.err)] {
                let (handle, collected, drained) = (pipe.fileHandleForReading, collected, drained)
                drained.enter()
                Thread.detachNewThread {
                    // Until end of file, when the server has exited.
                    while case let chunk = handle.availableData, !chunk.isEmpty { collected.append(chunk, to: stream) }
                    drained.leave()
                }
            }
        }

        /// The port it printed, once it serves.
        func port(within seconds: Double = 120) throws -> UInt16 {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, process.isRunning {
                if let match = standardOutput.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\//), let port = UInt16(match.1) { return port }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw RawHTTP.Failure(description: "no port printed: \(standardOutput) \(standardError)")
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGINT) }
            process.waitUntilExit()
            _ = drained.wait(timeout: .now() + 10)
        }
    }

    struct Status: Decodable {
        var version: String
        var problems: [String]
    }

    func status(_ port: UInt16) async throws -> Status {
        try JSONDecoder().decode(Status.self, from: try await RawHTTP.send("GET", "/.lessons-serve/status", port: port).body)
    }

    /// The status once the rebuild after `save` is done: its version is another, as the
    /// script in an open page sees it (a chapter is swapped in before the index is written).
    func rebuilt(_ port: UInt16, after save: () throws -> Void) async throws -> Status {
        let before = try await status(port).version
        try save()
        // Long polls one after the other, as the script does: a whole test run on two cores
        // can slow a rebuild past one poll's wait.
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let answer = try await RawHTTP.send("GET", "/.lessons-serve/status?since=" + before, port: port)
            let after = try JSONDecoder().decode(Status.self, from: answer.body)
            if after.version != before { return after }
        }
        throw RawHTTP.Failure(description: "no rebuild within 90 s")
    }

    /// Fails when the served page is not rebuilt after a save of its lesson or of its data
    /// file, when a malformed save stops the server or replaces the last good page, or when
    /// the reload script is missing from a served page or present in a written file.
    @Test func savedLessonsAndDataAreServedRebuilt() async throws {
        let folder = try helper.project([
            "01-tiny.md": Self.tiny("First title"), "02-points.md": Self.data, "points.csv": "x1,label\n17,0\n23,1\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try Server(["--port", "0"], in: folder)
        defer { server.stop() }
        let port = try server.port()
        let lesson = folder.appendingPathComponent("lessons/01-tiny.md")

        // The book was built first; pages come with the script, files stay without it.
        let first = try await RawHTTP.page("/01-tiny/index.html", port: port)
        #expect(first.contains("<h1>1. First title</h1>"))
        #expect(first.contains("<script data-lessons-serve>"))
        for file in ["index.html", "01-tiny/index.html", "02-points/index.html"] {
            let written = try String(contentsOf: folder.appendingPathComponent("output/\(file)"), encoding: .utf8)
            #expect(!written.contains("<script"), "output/\(file)")
        }
        #expect(try await RawHTTP.page("/", port: port).contains("First title"))
        #expect(try await RawHTTP.send("GET", "/../Package.swift", port: port).status == 400)
        #expect(try await RawHTTP.send("POST", "/01-tiny/index.html", port: port).status == 405)
        #expect(try await RawHTTP.send("GET", "/03-none/index.html", port: port).status == 404)

        // A saved lesson: its page is rebuilt, and so are the index and the neighbour that name it.
        _ = try await rebuilt(port) { try Self.tiny("Second title").write(to: lesson, atomically: true, encoding: .utf8) }
        #expect(try await RawHTTP.page("/01-tiny/index.html", port: port).contains("<h1>1. Second title</h1>"))
        #expect(try await RawHTTP.page("/index.html", port: port).contains("Second title"))
        // The next chapter's link to it is rewritten too.
        #expect(try await RawHTTP.page("/02-points/index.html", port: port).contains("← 1. Second title</a>"))

        // A saved data file: the chapter that reads it is rebuilt.
        #expect(try await !RawHTTP.page("/02-points/index.html", port: port).contains("</span>41</td>"))
        _ = try await rebuilt(port) {
            try "x1,label\n17,0\n23,1\n41,1\n".write(to: folder.appendingPathComponent("lessons/points.csv"), atomically: true, encoding: .utf8)
        }
        #expect(try await RawHTTP.page("/02-points/index.html", port: port).contains("</span>41</td>"))

        // A malformed save: the error is printed with its position and shown to the page,
        // the last good page stays, the server goes on.
        let broken = Self.tiny("Third title", extra: "\n```{model}\nlayers: [2, 1]\nactivaton: relu\n```\n")
        let problems = try await rebuilt(port) { try broken.write(to: lesson, atomically: true, encoding: .utf8) }.problems
        #expect(server.standardError.contains("lessons/01-tiny.md:8:1: error: unknown key 'activaton' in model cell"))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("lessons/01-tiny.md:8:1: error: unknown key 'activaton' in model cell") == true)
        #expect(server.process.isRunning)
        let kept = try await RawHTTP.page("/01-tiny/index.html", port: port)
        #expect(kept.contains("<h1>1. Second title</h1>"))

        // The next save is picked up.
        let fixed = try await rebuilt(port) { try Self.tiny("Fourth title").write(to: lesson, atomically: true, encoding: .utf8) }
        #expect(fixed.problems.isEmpty)
        #expect(try await RawHTTP.page("/01-tiny/index.html", port: port).contains("<h1>1. Fourth title</h1>"))
        #expect(!(try String(contentsOf: folder.appendingPathComponent("output/01-tiny/index.html"), encoding: .utf8)).contains("<script"))

        // A second server on the same port says why it cannot serve, before it builds anything.
        let second = try helper.run(["serve", "--port", String(port), "--output", "second", "--quiet"], in: folder)
        #expect(second.status == 1)
        #expect(second.standardError == "error: cannot serve on 127.0.0.1:\(port): Address already in use\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("second/index.html").path))
    }

    /// Fails when `serve --help` does not say how to choose the port.
    @Test func helpNamesThePort() throws {
        let help = try helper.run(["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("--port <port>"))
        #expect(help.standardOutput.contains("--lessons"))
        #expect(help.standardOutput.contains("--output"))
    }
}
