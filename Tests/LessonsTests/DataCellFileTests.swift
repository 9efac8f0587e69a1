import Datasets
import Engine
import Foundation
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// A scratch project: `lessons/` with a lesson path inside it, removed when the test ends.
struct ScratchProject {
    let root: URL
    var lessons: URL { root.appendingPathComponent("lessons") }
    var lessonPath: String { lessons.appendingPathComponent("x.md").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lessons/data"), withIntermediateDirectories: true)
    }

    func write(_ text: String, to path: String) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct CSVDataCellTests {
    let points = "x1,x2,label\n0.1,0.9,1\n0.8,0.2,0\n0.5,0.5,1\n0.3,0.7,0\n0.9,0.1,1\n"

    @Test func aCSVBesideTheLessonIsReadInFileOrder() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(points, to: "lessons/data/points.csv")
        let session = try runLesson(cell("data", "dataset: csv\npath: data/points.csv\nlabel: label"), path: project.lessonPath)
        let data = try #require(session.data)
        #expect(data.training.labels == [1, 0, 1, 0, 1])
        #expect(data.training.inputs.rows(at: [0]) == Matrix([[0.1, 0.9]]))
        #expect(data.title == "points.csv")
        #expect(data.classNames == ["0", "1"])
    }

    @Test func namesFromTheFileAreShownLiterally() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("petal_length,x2,label\n0.1,0.9,1\n0.8,0.2,0\n", to: "lessons/data/my_points.csv")
        let session = try runLesson(
            cell("data", "dataset: csv\npath: data/my_points.csv\nlabel: label\nclasses: [no_fire, fire]"),
            cell("model", "layers: [2, 1]\ninit: zeros"), cell("evaluate", "on: training\nshow: predictions"),
            path: project.lessonPath)
        let listing = try #require(tables(session).last)
        #expect(listing.headers == ["petal\\_length", "$x_{2}$", "target", "output $a$", "predicted", "correct"])
        #expect(listing.rows.map { $0[2] } == ["fire", "no\\_fire"])
        #expect(listing.caption?.hasPrefix("Every one of the 2 training samples of my\\_points.csv:") == true)
    }

    @Test func testCountHoldsOutRowsAndKeepsTheirOrder() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(points, to: "lessons/data/points.csv")
        let data = try #require(try runLesson(
            cell("data", "dataset: csv\npath: ./data/../data/points.csv\nlabel: label\ntest_count: 2"), path: project.lessonPath).data)
        let test = try #require(data.test)
        #expect(data.training.count == 3 && test.count == 2)
        let fileOrder = [0.1, 0.8, 0.5, 0.3, 0.9]
        let positions = { (set: Dataset) in set.inputs.column(0).values.map { fileOrder.firstIndex(of: $0)! } }
        #expect(Set(positions(data.training) + positions(test)) == Set(0..<5))
        #expect(positions(data.training) == positions(data.training).sorted())
        #expect(positions(test) == positions(test).sorted())
    }

    @Test func theCSVsOwnMessageStandsAtTheCell() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("x1,x2,label\n0.1,abc,1\n", to: "lessons/data/bad.csv")
        try project.write("x1,x2,label\n0.1,0.2\n", to: "lessons/data/ragged.csv")
        let path = project.lessonPath
        expectLessonError("\(path):7:7: error: bad.csv: row 2, column 2 (x2): \"abc\" is not a number") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/bad.csv\nlabel: label"), path: path)
        }
        expectLessonError("\(path):7:7: error: ragged.csv: row 2: 2 fields, but the header names 3 columns") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/ragged.csv\nlabel: label"), path: path)
        }
        expectLessonError("\(path):8:8: error: bad.csv: row 1: no label column named \"class\" (the columns are \"x1\", \"x2\", \"label\")") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/bad.csv\nlabel: class"), path: path)
        }
        expectLessonError("\(path):7:7: error: 'path' in data cell names 'data/none.csv', but there is no file \(project.lessons.path)/data/none.csv") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/none.csv\nlabel: label"), path: path)
        }
    }

    @Test func thePathMustStayInsideTheLessonsFolder() throws {
        expectLessonError("lessons/x.md:7:7: error: 'path' in data cell must be relative to the lesson's folder, like 'data/points.csv', not the absolute path '/etc/passwd'") {
            _ = try runLesson(cell("data", "dataset: csv\npath: /etc/passwd\nlabel: y"))
        }
        expectLessonError("lessons/x.md:7:7: error: 'path' in data cell 'data/../../secret.csv' leaves the lesson's folder; keep data files beside the lesson or in a folder below it") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/../../secret.csv\nlabel: y"))
        }
        expectLessonError("lessons/x.md:7:7: error: 'path' in data cell must be relative to the lesson's folder, like 'data/points.csv', not the absolute path '~/points.csv'") {
            _ = try runLesson(cell("data", "dataset: csv\npath: ~/points.csv\nlabel: y"))
        }
    }

    @Test func whatOnlyTheFileCanTellIsCheckedWhenItIsRead() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("a,b,c,label\n1,2,3,0\n4,5,6,1\n", to: "lessons/data/wide.csv")
        expectLessonError("\(project.lessonPath):9:11: error: 'features' in data cell needs two inputs for 'squares', but the samples of wide.csv have 3") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/wide.csv\nlabel: label\nfeatures: squares"), path: project.lessonPath)
        }
        expectLessonError("\(project.lessonPath):9:10: error: 'classes' in data cell names 3 classes for the 2 classes of wide.csv") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/wide.csv\nlabel: label\nclasses: [a, b, c]"), path: project.lessonPath)
        }
    }

    @Test func aSymbolicLinkOutOfTheFolderIsRefused() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(points, to: "outside.csv")
        try FileManager.default.createSymbolicLink(
            at: project.lessons.appendingPathComponent("data/link.csv"),
            withDestinationURL: project.root.appendingPathComponent("outside.csv"))
        expectLessonError("\(project.lessonPath):7:7: error: 'path' in data cell names 'data/link.csv', a link to a file outside the lesson's folder; copy the file beside the lesson") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/link.csv\nlabel: label"), path: project.lessonPath)
        }
    }

    @Test func heldOutRowsMustLeaveSomeToTrainOn() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(points, to: "lessons/data/points.csv")
        expectLessonError("\(project.lessonPath):9:13: error: 'test_count' in data cell holds out 5 of the 5 samples and leaves none to train on") {
            _ = try runLesson(cell("data", "dataset: csv\npath: data/points.csv\nlabel: label\ntest_count: 5"), path: project.lessonPath)
        }
    }
}

@Suite struct MNISTDataCellTests {
    @Test(.enabled(if: hasSharedMNIST)) func theFullSetCanBeCutToTheFirstImages() throws {
        let loader = MNISTLoader(environment: ["MNIST_DIR": sharedMNIST.path], allowsDownload: false, progressOutput: nil)
        let session = try runLesson(cell("data", "dataset: mnist\ntrain_count: 1000\ntest_count: 500\nvalidation: 0.1"), mnist: loader)
        let data = try #require(session.data)
        #expect(data.training.count == 900 && data.validation?.count == 100 && data.test?.count == 500)
        #expect(data.isImages && data.training.featureCount == 784)
        #expect(data.classNames == (0...9).map(String.init))
        #expect(session.blocks.isEmpty)
        #expect(data.sourceNote?.hasSuffix("The chapter uses the first 1,000 training and 500 test images.") == true)
    }

    @Test func theBundledSubsetIsNamedInTheReportWithTheWayToTheFullSet() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let loader = MNISTLoader(environment: [:], projectDirectory: project.root, allowsDownload: false, progressOutput: nil)
        let session = try runLesson(cell("data", "dataset: mnist\ntrain_count: 20000"), mnist: loader)
        let data = try #require(session.data)
        #expect(data.training.count == 5_000 && data.test?.count == 1_000)
        guard case let .note(note) = try #require(session.blocks.first) else {
            Issue.record("expected a note, got \(session.blocks)")
            return
        }
        #expect(session.blocks.count == 1)
        #expect(note.hasPrefix("This chapter ran on the bundled MNIST subset (5,000 training and 1,000 test images), not the full set"))
        #expect(note.contains("put the four files"))
        #expect(note.hasSuffix("The lesson asks for 20,000 training images but the set holds 5,000, so all of them are used."))
        // The terminal's line and the index card show the headline beside the accuracy: before,
        // the card read "learns the 60,000 MNIST digits" beside 92.8 % and said nothing else.
        #expect(session.headline == ["only the bundled MNIST subset (5,000 of 60,000 training images)"])
    }
}
