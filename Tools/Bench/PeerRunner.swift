import Foundation

/// Runs the peer scripts of `../shared/bench` and reads the figures off their output.
struct PeerRunner {
    let benchDirectory: URL
    /// Why peers are skipped, or `nil` when they run.
    let unavailableReason: String?

    init(benchDirectory: URL, enabled: Bool) {
        self.benchDirectory = benchDirectory
        if !enabled {
            unavailableReason = "peers skipped (--skip-peers)"
        } else if !FileManager.default.fileExists(atPath: benchDirectory.appendingPathComponent("peer_numpy_mlp.py").path) {
            unavailableReason = "peers skipped: no peer_numpy_mlp.py in \(benchDirectory.path) (use --peers DIR)"
        } else if Self.run(["python3", "-c", "import numpy"]) == nil {
            unavailableReason = "peers skipped: python3 with numpy is not available"
        } else {
            unavailableReason = nil
        }
    }

    /// One line for the top of the report.
    var note: String {
        unavailableReason ?? "peer: numpy (\(benchDirectory.appendingPathComponent("peer_numpy_mlp.py").path)), run now"
    }

    /// The `seconds=` figure of the peer's closing line, or `nil` when peers are skipped or it failed.
    func seconds(_ script: String, _ arguments: [String]) -> Double? {
        guard let output = output(of: script, arguments) else { return nil }
        guard let closing = output.split(separator: "\n").last(where: { $0.hasPrefix("peer=") }) else { return nil }
        return Self.field("seconds", in: String(closing))
    }

    /// The best of `repeats` runs' `seconds=` figures, as the engine's side takes its best; `nil`
    /// when peers are skipped or every run failed.
    func bestSeconds(of repeats: Int, _ script: String, _ arguments: [String]) -> Double? {
        guard unavailableReason == nil else { return nil }
        return (0..<max(repeats, 1)).compactMap { _ in seconds(script, arguments) }.min()
    }

    /// The peer script's whole output, or `nil` when peers are skipped or it failed.
    func output(of script: String, _ arguments: [String]) -> String? {
        guard unavailableReason == nil else { return nil }
        let path = benchDirectory.appendingPathComponent(script).path
        let output = Self.run(["python3", path] + arguments)
        if output == nil { print("  (peer \(script) \(arguments.joined(separator: " ")) failed)") }
        return output
    }

    /// `value` of `name=value` in a line of `key=value` fields.
    static func field(_ name: String, in line: String) -> Double? {
        for part in line.split(separator: " ") where part.hasPrefix(name + "=") {
            return Double(part.dropFirst(name.count + 1))
        }
        return nil
    }

    /// Whether the peers are turned off (`--skip-peers`).
    var skipsAll: Bool { unavailableReason == "peers skipped (--skip-peers)" }

    /// Runs a command through `/usr/bin/env`; its standard output, or `nil` when it fails.
    static func run(_ command: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
