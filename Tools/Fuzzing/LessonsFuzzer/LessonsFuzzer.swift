// The libFuzzer entry point: coverage-guided fuzzing of one surface, chosen by the
// environment variable LESSONS_FUZZ_SURFACE (lesson, cell, numbers, tex; lesson by default).
// Only in the package when LESSONS_LIBFUZZER is set; Tools/Fuzzing/libfuzzer builds and runs it.
import Foundation
import LessonsFuzzing

let surface: FuzzSurface = ProcessInfo.processInfo.environment["LESSONS_FUZZ_SURFACE"]
    .flatMap(FuzzSurface.init(rawValue:)) ?? .lesson

@_cdecl("LLVMFuzzerTestOneInput")
public func lessonsFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case let .violation(message) = FuzzOracle.run(bytes, on: surface) {
        fatalError("contract violation on \(surface.rawValue): \(message)")
    }
    return 0
}
