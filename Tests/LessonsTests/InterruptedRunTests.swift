import Foundation
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

@Suite struct InterruptedRunTests {
    /// Tidying one chapter's leftovers leaves alone another chapter's whose name starts the same.
    @Test func recoveryTouchesOnlyItsOwnChapter() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-recover-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        for folder in [".staging-intro-12", ".staging-intro-2-12", ".old-intro-2-34", ".staging-intro-x"] {
            try FileManager.default.createDirectory(at: output.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        BookWriter(output: output).recoverFromInterruptedRun(of: "intro")
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(left == [".old-intro-2-34", ".staging-intro-2-12", ".staging-intro-x"])
    }
}
