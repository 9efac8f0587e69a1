import Foundation

/// A static-file HTTP server on 127.0.0.1, run by python3 for the duration of a test.
///
/// The server binds port 0, so the system picks a free port, and prints the port it got.
/// It also exits when its standard input closes, so it never outlives a crashed test run.
final class LocalHTTPServer {
    private static let script = """
        import functools, http.server, os, sys, threading
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
        print(server.server_address[1], flush=True)
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        server.serve_forever()
        """

    private let process = Process()
    private let input = Pipe()
    /// The base URL of the served directory, ending in `/`.
    let baseURL: URL

    /// Starts serving `directory`.
    init(serving directory: URL) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, directory.path]
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            line.append(chunk)
        }
        let port = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        baseURL = URL(string: "http://127.0.0.1:\(port)/")!
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}
