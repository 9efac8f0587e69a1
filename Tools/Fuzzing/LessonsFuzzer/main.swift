// The libFuzzer entry point: coverage-guided fuzzing of one surface, chosen by the
// environment variable LESSONS_FUZZ_SURFACE (lesson, cell, numbers, tex; lesson by default).
// Only in the package when LESSONS_LIBFUZZER is set, and only links with -sanitize=fuzzer;
// Tools/Fuzzing/libfuzzer builds and runs it.
//
// SwiftPM gives an executable a `main` of its own, so libFuzzer's is not linked: this one
// hands the command line to libFuzzer's driver, which takes the usual libFuzzer flags.
import Foundation
import LessonsFuzzing

@_silgen_name("LLVMFuzzerRunDriver")
func runLibFuzzer(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

let surface: FuzzSurface = ProcessInfo.processInfo.environment["LESSONS_FUZZ_SURFACE"]
    .flatMap(FuzzSurface.init(rawValue:)) ?? .lesson

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case let .violation(message) = FuzzOracle.run(bytes, on: surface) {
        fatalError("contract violation on \(surface.rawValue): \(message)")
    }
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runLibFuzzer(&argc, &argv) { data, size in testOneInput(data, size) })
