import Foundation
import Testing

/// A lesson's data paths are relative to the lesson file, not to the folder `lessons` is run
/// from: before, a run from another folder read `lessons/points.csv` under that folder, and
/// trained on it without a word when one was there.
@Suite struct WorkingDirectoryTests {
    let helper = CommandLineTests()

    /// The AND gate's perceptron lesson, reading its points from `points.csv` beside it.
    static let lesson = RobustnessCommandLineTests.gate("Points from a file", order: 1)
        .replacingOccurrences(of: "dataset: and", with: "dataset: csv\npath: points.csv\nlabel: label")
        + "\n\n```{table}\nof: updates\nepochs: [1]\n```\n"

    @Test func dataPathsResolveFromTheLessonFileWhateverTheCurrentFolder() throws {
        let project = try helper.project(["points.md": Self.lesson])
        defer { try? FileManager.default.removeItem(at: project) }
        try "x1,x2,label\n0.25,0.75,1\n0.5,0.125,0\n".write(
            to: project.appendingPathComponent("lessons/points.csv"), atomically: true, encoding: .utf8)
        // A decoy: the same relative path under another folder, with other numbers.
        let decoy = project.appendingPathComponent("decoy")
        try FileManager.default.createDirectory(at: decoy.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try "x1,x2,label\n9,9,0\n8,8,1\n".write(
            to: decoy.appendingPathComponent("lessons/points.csv"), atomically: true, encoding: .utf8)

        let lessons = project.appendingPathComponent("lessons").path
        var pages = [String]()
        for (index, folder) in [project, decoy, project.appendingPathComponent("lessons")].enumerated() {
            let output = project.appendingPathComponent("output-\(index)").path
            let outcome = try helper.run(["run", "points", "--lessons", lessons, "--output", output], in: folder)
            #expect(outcome.status == 0, "\(folder.path): \(outcome.standardError)")
            pages.append(try String(contentsOfFile: output + "/points/README.md", encoding: .utf8))
        }
        #expect(pages[0].contains("0.25") && !pages[0].contains("| 9"), "\(pages[0])")
        #expect(pages[1] == pages[0])
        #expect(pages[2] == pages[0])

        // The chapter cache fingerprints the same file: a run from the decoy keeps the chapter.
        let output = project.appendingPathComponent("output-0").path
        let again = try helper.run(["run", "points", "--lessons", lessons, "--output", output], in: decoy)
        #expect(again.standardOutput.contains("(unchanged, kept)"), "\(again.standardOutput)")
    }
}
