// A seeded mutation loop over the lesson parser, cell validation, the `numbers` language and
// the LaTeX converter (see Tools/Fuzzing/README.md):
//
//     swift run -c release LessonsFuzz --inputs 100000 --seed 1
//
// Each input runs on this thread; a watchdog thread stops the run when one input takes longer
// than --hang seconds, and a signal handler saves the input that crashed. Inputs slower than
// --slow seconds, contract violations, crashes and hangs are written to --out.
import Foundation
import LessonsFuzzing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Options

struct Options {
    var inputs = 100_000
    var start = 0
    var seed: UInt64 = 1
    var surfaces = FuzzSurface.allCases
    var lessons = "lessons"
    var formulas = "Tests/MathMLTests/Fixtures/seed-formulas.txt"
    var corpus = "Tests/FuzzingTests/Corpus"
    var out = ".build/fuzz-findings"
    var slow = 1.0
    var hang = 10.0
    var replay: [String] = []
    var quiet = false
    var exportSeeds: String?
    var exportDictionary: String?
}

func usage() -> Never {
    print("""
        usage: LessonsFuzz [--inputs N] [--start N] [--seed S] [--surface lesson,cell,numbers,tex]
                           [--lessons DIR] [--formulas FILE] [--corpus DIR] [--out DIR]
                           [--slow SECONDS] [--hang SECONDS] [--quiet] [--keep] [--replay FILE…]
               LessonsFuzz --export-seeds DIR [--export-dictionary FILE]
        Runs inputs start..<start+inputs of campaign S (input N is reproducible alone:
        --start N --inputs 1 --keep writes it to --out). --replay runs files instead, each on
        the surfaces its name starts with (or all). --export-seeds writes the seed corpus as
        DIR/SURFACE/N files and --export-dictionary the mutation tokens, for libFuzzer.
        """)
    exit(2)
}

func parsed<T: LosslessStringConvertible>(_ text: String) -> T {
    guard let value = T(text) else { usage() }
    return value
}

func surface(_ text: Substring) -> FuzzSurface {
    guard let surface = FuzzSurface(rawValue: String(text)) else { usage() }
    return surface
}

var options = Options()
var keepEvery = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    func value() -> String {
        guard let value = arguments.popFirst() else { usage() }
        return value
    }
    switch argument {
    case "--inputs": options.inputs = parsed(value())
    case "--start": options.start = parsed(value())
    case "--seed": options.seed = parsed(value())
    case "--surface":
        options.surfaces = value().split(separator: ",").map(surface)
    case "--lessons": options.lessons = value()
    case "--formulas": options.formulas = value()
    case "--corpus": options.corpus = value()
    case "--out": options.out = value()
    case "--slow": options.slow = parsed(value())
    case "--hang": options.hang = parsed(value())
    case "--quiet": options.quiet = true
    case "--keep": keepEvery = true
    case "--export-seeds": options.exportSeeds = value()
    case "--export-dictionary": options.exportDictionary = value()
    case "--replay":
        options.replay.append(value())
        while let next = arguments.first, !next.hasPrefix("--") { options.replay.append(arguments.removeFirst()) }
    default: usage()
    }
}

// MARK: - Crash capture

/// What the signal handler writes: the running input's bytes and a line naming it, kept in
/// buffers allocated once so the handler only calls `open`, `write` and `close`.
nonisolated(unsafe) let crashBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
nonisolated(unsafe) var crashByteCount = 0
nonisolated(unsafe) let crashLabel = UnsafeMutablePointer<CChar>.allocate(capacity: 512)
nonisolated(unsafe) let crashPath = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
nonisolated(unsafe) let crashSignal = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)

func setCString(_ text: String, _ buffer: UnsafeMutablePointer<CChar>, capacity: Int) {
    let bytes = Array(text.utf8.prefix(capacity - 1))
    for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
    buffer[bytes.count] = 0
}

func installCrashHandler() {
    // Deep recursion overflows the stack; the handler needs a stack of its own.
    let size = 1 << 16
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    stack.ss_size = size
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
    for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { signal in
            crashed(signal)
        }
        #else
        action.__sigaction_u.__sa_handler = { signal in crashed(signal) }
        #endif
        action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
        sigaction(signal, &action, nil)
    }
}

func crashed(_ signal: Int32) {
    let file = open(crashPath, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
    if file >= 0 {
        _ = write(file, crashBytes, crashByteCount)
        close(file)
    }
    let label = crashLabel
    _ = write(2, label, strlen(label))
    // The signal's number, for telling a trap (4, 5) from a stack overflow (11).
    for (index, byte) in "signal ".utf8.enumerated() { crashSignal[index] = byte }
    crashSignal[7] = UInt8(48 + (signal / 10) % 10)
    crashSignal[8] = UInt8(48 + signal % 10)
    crashSignal[9] = 0x0A
    _ = write(2, crashSignal, 10)
    raise(signal)
}

// MARK: - Watchdog

final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var running: (label: String, started: UInt64)?
    let limit: Double

    init(limit: Double) { self.limit = limit }

    func begin(_ label: String) {
        lock.withLock { running = (label, DispatchTime.now().uptimeNanoseconds) }
    }

    func end() {
        lock.withLock { running = nil }
    }

    func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.1)
                guard let (label, started) = lock.withLock({ running }) else { continue }
                let now = DispatchTime.now().uptimeNanoseconds
                if Double(now &- started) / 1e9 > limit, now > started {
                    // The input is still in the crash buffers: save it where a crash would go.
                    let path = String(cString: crashPath).replacingOccurrences(of: "crash-", with: "hang-")
                    let data = Data(bytes: crashBytes, count: crashByteCount)
                    try? data.write(to: URL(fileURLWithPath: path))
                    FileHandle.standardError.write(Data("HANG: \(label) ran for more than \(limit) s; saved \(path)\n".utf8))
                    exit(3)
                }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

// MARK: - The run

struct Tally {
    var inputs = 0, accepted = 0, refused = 0, violations = 0, slow = 0
    var slowest = 0.0
    var slowestLabel = ""
    var bytes = 0
}

let outDirectory = URL(fileURLWithPath: options.out)
try? FileManager.default.createDirectory(at: outDirectory, withIntermediateDirectories: true)
installCrashHandler()
let watchdog = Watchdog(limit: options.hang)
watchdog.start()

var tallies: [FuzzSurface: Tally] = [:]
var findings: [String] = []

@MainActor func save(_ bytes: [UInt8], as name: String) -> String {
    let url = outDirectory.appendingPathComponent(name)
    try? Data(bytes).write(to: url)
    return url.path
}

/// Runs one input on one surface, timed, watched and with its crash buffers set.
@MainActor func runOne(_ bytes: [UInt8], on surface: FuzzSurface, label: String, fileStem: String) {
    crashByteCount = min(bytes.count, 1 << 20)
    bytes.withUnsafeBufferPointer { buffer in
        if let base = buffer.baseAddress { crashBytes.update(from: base, count: crashByteCount) }
    }
    setCString("CRASH: \(label); saved \(outDirectory.path)/crash-\(fileStem)\n", crashLabel, capacity: 512)
    setCString("\(outDirectory.path)/crash-\(fileStem)", crashPath, capacity: 4096)

    watchdog.begin(label)
    let started = DispatchTime.now().uptimeNanoseconds
    let outcome = FuzzOracle.run(bytes, on: surface)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    watchdog.end()

    var tally = tallies[surface] ?? Tally()
    tally.inputs += 1
    tally.bytes += bytes.count
    switch outcome {
    case .accepted: tally.accepted += 1
    case .refused: tally.refused += 1
    case let .violation(message):
        tally.violations += 1
        let path = save(bytes, as: "violation-\(fileStem)")
        findings.append("VIOLATION: \(label): \(message.prefix(400)) (saved \(path))")
        FileHandle.standardError.write(Data((findings.last! + "\n").utf8))
    }
    if seconds > tally.slowest {
        tally.slowest = seconds
        tally.slowestLabel = label
    }
    if seconds > options.slow {
        tally.slow += 1
        let path = save(bytes, as: "slow-\(fileStem)")
        findings.append(String(format: "SLOW: %@ took %.3f s (saved %@)", label, seconds, path))
        FileHandle.standardError.write(Data((findings.last! + "\n").utf8))
    }
    if keepEvery { _ = save(bytes, as: "input-\(fileStem)") }
    if !options.replay.isEmpty, !options.quiet {
        let shown: String = switch outcome {
        case .accepted: "accepted"
        case let .refused(message): "refused: " + message
        case let .violation(message): "VIOLATION: " + message
        }
        print(String(format: "%@ (%.4f s): %@", label, seconds, String(shown.prefix(300))))
    }
    tallies[surface] = tally
}

@MainActor func loadCorpus() throws -> SeedCorpus {
    try SeedCorpus(
        lessonsDirectory: URL(fileURLWithPath: options.lessons),
        formulaFile: FileManager.default.fileExists(atPath: options.formulas) ? URL(fileURLWithPath: options.formulas) : nil,
        corpusDirectory: FileManager.default.fileExists(atPath: options.corpus) ? URL(fileURLWithPath: options.corpus) : nil)
}

if options.exportSeeds != nil || options.exportDictionary != nil {
    if let directory = options.exportSeeds {
        let corpus = try loadCorpus()
        for surface in FuzzSurface.allCases {
            let folder = URL(fileURLWithPath: directory).appendingPathComponent(surface.rawValue)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, seed) in corpus.seeds(for: surface).enumerated() {
                try Data(seed).write(to: folder.appendingPathComponent(String(format: "seed-%04d", index)))
            }
        }
    }
    if let file = options.exportDictionary {
        // libFuzzer's format: one "token" a line, bytes outside printable ASCII as \xNN.
        let lines = Mutator.tokens.map { token in
            "\"" + token.utf8.map { byte in
                (0x20..<0x7F).contains(byte) && byte != 0x22 && byte != 0x5C
                    ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
            }.joined() + "\""
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    }
    exit(0)
}

let clockStart = Date()
if !options.replay.isEmpty {
    for path in options.replay {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("cannot read \(path)")
            exit(2)
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let named = FuzzSurface.allCases.filter { name.hasPrefix($0.rawValue + "-") }
        for surface in named.isEmpty ? options.surfaces : named {
            runOne(Array(data), on: surface, label: "\(name) on \(surface.rawValue)", fileStem: "\(surface.rawValue)-\(name)")
        }
    }
} else {
    let corpus = try loadCorpus()
    let campaign = FuzzCampaign(seed: options.seed, surfaces: options.surfaces, corpus: corpus)
    if !options.quiet {
        let counts = FuzzSurface.allCases.map { "\(corpus.seeds(for: $0).count) \($0.rawValue)" }.joined(separator: ", ")
        print("LessonsFuzz: seed \(options.seed), inputs \(options.start)..<\(options.start + options.inputs); seeds: \(counts)")
    }
    let end = options.start + options.inputs
    for index in options.start..<end {
        let (surface, bytes) = campaign.input(index)
        runOne(
            bytes, on: surface, label: "input \(index) of seed \(options.seed) (\(surface.rawValue), \(bytes.count) bytes)",
            fileStem: "\(surface.rawValue)-seed\(options.seed)-\(index)")
        let done = index - options.start + 1
        if !options.quiet, done % 10_000 == 0 {
            let elapsed = Date().timeIntervalSince(clockStart)
            print(String(format: "  %d inputs, %.0f s, %d findings", done, elapsed, findings.count))
            fflush(nil)
        }
    }
}

// MARK: - Summary

let elapsed = Date().timeIntervalSince(clockStart)
print("surface   inputs  accepted   refused  violations  slow>\(options.slow)s  slowest (s)  mean bytes")
var total = Tally()
for surface in FuzzSurface.allCases {
    guard let tally = tallies[surface] else { continue }
    total.inputs += tally.inputs
    total.violations += tally.violations
    total.slow += tally.slow
    if tally.slowest > total.slowest { total.slowest = tally.slowest; total.slowestLabel = tally.slowestLabel }
    print(
        surface.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            + String(format: "%8d  %8d  %8d  %10d  %9d  %11.4f  %10d", tally.inputs, tally.accepted, tally.refused,
                     tally.violations, tally.slow, tally.slowest, tally.bytes / max(tally.inputs, 1)))
}
print(String(format: "total: %d inputs in %.1f s, %d violations, %d slow; slowest %.4f s: %@",
             total.inputs, elapsed, total.violations, total.slow, total.slowest, total.slowestLabel))
for finding in findings.prefix(50) { print(finding) }
exit(findings.isEmpty ? 0 : 1)
