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

    /// Under the output folder's lock, every chapter moved aside is put back (or dropped when
    /// a newer one is in place), and every staging folder and temporary goes.
    @Test func recoveryUnderTheLockTidiesTheWholeFolder() throws {
        let manager = FileManager.default
        let output = manager.temporaryDirectory.appendingPathComponent("lessons-recover-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: output) }
        for folder in [".old-intro-12", ".old-kept-34", "kept", ".staging-other-56", ".cache"] {
            try manager.createDirectory(at: output.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in [".old-intro-12/results.json", "kept/results.json", "kept/.dat.nosyncX1", ".cache/.writing-kept.json-9", ".dat.nosyncY2", "notes.txt"] {
            try "x".write(to: output.appendingPathComponent(file), atomically: false, encoding: .utf8)
        }
        BookWriter(output: output).recoverFromInterruptedRuns()
        #expect(try manager.contentsOfDirectory(atPath: output.path).sorted() == [".cache", "intro", "kept", "notes.txt"])
        #expect(try manager.contentsOfDirectory(atPath: output.appendingPathComponent("kept").path) == ["results.json"])
        #expect(try manager.contentsOfDirectory(atPath: output.appendingPathComponent(".cache").path).isEmpty)
    }

    /// One run holds an output folder at a time; the second is told who holds it.
    @Test func theLockNamesItsHolder() throws {
        let manager = FileManager.default
        let output = manager.temporaryDirectory.appendingPathComponent("lessons-lock-\(UUID().uuidString)")
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: output) }
        let lock = try OutputLock.acquire(output, command: "lessons watch")
        #expect(throws: BookWriter.WriteError.self) { _ = try OutputLock.acquire(output, command: "lessons all") }
        do {
            _ = try OutputLock.acquire(output, command: "lessons all")
        } catch {
            #expect(error.description == "\(output.path)/ is being written by another lessons run "
                + "(pid \(ProcessInfo.processInfo.processIdentifier), `lessons watch`); wait for it or stop it")
        }
        lock.release()
        #expect(try Data(contentsOf: output.appendingPathComponent(OutputLock.fileName)).isEmpty)
        try OutputLock.acquire(output, command: "lessons all").release()
    }
}
