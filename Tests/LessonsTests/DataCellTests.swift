import Datasets
import Engine
import Foundation
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// Runs `cells` as a lesson (front matter of four lines, so the first cell's fence is line 5
/// and its first key line 6) against a fresh session, and returns the session.
func runLesson(
    _ cells: String..., seed: UInt64 = 7, path: String = "lessons/x.md", mnist: MNISTLoader? = nil
) throws -> Session {
    let lesson = try LessonParser.parse("---\ntitle: t\nseed: \(seed)\n---\n" + cells.joined(), path: path)
    let session = Session(header: try LessonHeader(lesson), lesson: lesson, figureDirectory: FileManager.default.temporaryDirectory)
    session.mnistLoader = mnist ?? MNISTLoader(environment: [:], allowsDownload: false, progressOutput: nil)
    for cell in lesson.cells { try cell.kind.read(cell).run(cell, in: session) }
    return session
}

/// The MNIST files the project's CI and tests read: `$MNIST_DIR`, else `../shared/mnist`.
let sharedMNIST: URL = {
    if let directory = ProcessInfo.processInfo.environment["MNIST_DIR"], !directory.isEmpty {
        return URL(fileURLWithPath: directory)
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/mnist")
}()
let hasSharedMNIST = FileManager.default.fileExists(atPath: sharedMNIST.appendingPathComponent("t10k-labels-idx1-ubyte.gz").path)

@Suite struct DataCellTests {
    // MARK: - Logic gates

    @Test func aGateIsItsTruthTableInOrderAndAddsNothingToTheReport() throws {
        let session = try runLesson(cell("data", "dataset: xor"))
        let data = try #require(session.data)
        #expect(data.training.inputs == Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]))
        #expect(data.training.targets == Matrix(column: [0, 1, 1, 0]))
        #expect(data.classNames == ["0", "1"])
        #expect(data.title == "the XOR gate")
        #expect(data.test == nil && data.validation == nil)
        #expect(session.blocks.isEmpty)
    }

    @Test func bipolarGatesNameTheirClassesAsTheirTargets() throws {
        let data = try #require(try runLesson(cell("data", "dataset: and\nencoding: bipolar")).data)
        #expect(data.training.inputs == Matrix([[-1, -1], [-1, 1], [1, -1], [1, 1]]))
        #expect(data.training.targets == Matrix(column: [-1, -1, -1, 1]))
        #expect(data.classNames == ["−1", "+1"])
    }

    // MARK: - Synthetic sets

    @Test func theTestSetIsDrawnIndependentlyAndLeavesTheTrainingSetAlone() throws {
        let withTest = try #require(try runLesson(cell("data", "dataset: circles\ncount: 200\ntest_count: 100")).data)
        let without = try #require(try runLesson(cell("data", "dataset: circles\ncount: 200")).data)
        let test = try #require(withTest.test)
        #expect(withTest.training == without.training)
        #expect(withTest.training.count == 200 && test.count == 100)
        #expect(test.classCounts == [50, 50])
        let trainingPoints = Set(withTest.training.inputs.values)
        #expect(test.inputs.values.allSatisfy { !trainingPoints.contains($0) })
        #expect(withTest.classNames == ["outer", "inner"])
    }

    @Test func theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() throws {
        let lesson = cell("data", "dataset: spirals\ncount: 100\nnoise: 0.1")
        let first = try #require(try runLesson(lesson, seed: 3).data)
        let again = try #require(try runLesson(lesson, seed: 3).data)
        let other = try #require(try runLesson(lesson, seed: 4).data)
        #expect(first.training == again.training)
        #expect(first.training.inputs != other.training.inputs)
    }

    @Test func everySyntheticSetSharesItsCountOverItsClasses() throws {
        let blobs = try #require(try runLesson(cell("data", "dataset: blobs\ncount: 90\ncenters: [[0, 0], [3, 3], [0, 3]]")).data)
        #expect(blobs.training.classCounts == [30, 30, 30])
        #expect(blobs.classNames == ["blob 1", "blob 2", "blob 3"])
        #expect(blobs.title == "three Gaussian blobs")
        let quadrants = try #require(try runLesson(cell("data", "dataset: quadrants\ncount: 40\nnoise: 0")).data)
        #expect(quadrants.training.classCounts == [20, 20])
        #expect(Set(quadrants.training.inputs.values) == [-1, 1])
        let spirals = try #require(try runLesson(cell("data", "dataset: spirals\ncount: 10\nshuffle: false")).data)
        #expect(spirals.training.labels == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    }

    @Test func theSquaresFeatureMapKeepsTheOriginalPointsForPlots() throws {
        let data = try #require(try runLesson(cell("data", "dataset: circles\ncount: 20\ntest_count: 10\nfeatures: squares")).data)
        #expect(data.training.inputs == data.original.inputs.map { $0 * $0 })
        #expect(try #require(data.test).inputs == (try #require(data.originalTest)).inputs.map { $0 * $0 })
        #expect(data.training.featureNames == ["x1²", "x2²"])
        #expect(data.featureMap?.name == "φ(x) = [x₁², x₂²]")
    }

    @Test func validationHoldsOutAFractionOfTheTrainingSamples() throws {
        let full = try #require(try runLesson(cell("data", "dataset: circles\ncount: 200")).data)
        let split = try #require(try runLesson(cell("data", "dataset: circles\ncount: 200\nvalidation: 0.2")).data)
        let validation = try #require(split.validation)
        #expect(split.training.count == 160 && validation.count == 40)
        let rows = { (set: Dataset) in (0..<set.count).map { set.inputs.rows(at: [$0]).values } }
        #expect(Set(rows(split.training) + rows(validation)) == Set(rows(full.training)))
        #expect(split.original == split.training)
    }

    @Test func showAddsOneLineSayingWhatWasLoaded() throws {
        let session = try runLesson(cell("data", "dataset: circles\ncount: 200\ntest_count: 100\nvalidation: 0.25\nfeatures: squares\nshow: true"))
        #expect(session.blocks == [.note(
            "Data: two concentric circles, 150 training samples (72 outer, 78 inner), 50 for validation and 100 for testing, 2 inputs each. The network sees $\\varphi(\\mathbf{x}) = [x_1^2,\\ x_2^2]$ instead of the points themselves.")])
    }

    @Test func classesNameTheClasses() throws {
        let data = try #require(try runLesson(cell("data", "dataset: or\nclasses: [false, true]")).data)
        #expect(data.classNames == ["false", "true"])
    }

    /// The list of names starts with the gates and keeps the course's order (others come in
    /// where their files put them).
    @Test func datasetsAreListedInTheCoursesOrder() {
        let course = ["and", "or", "xor", "nand", "nor", "circles", "blobs", "spirals", "quadrants", "mnist", "csv"]
        #expect(DataCell.datasetNames.filter(course.contains) == course)
        #expect(Array(DataCell.datasetNames.prefix(5)) == ["and", "or", "xor", "nand", "nor"])
    }

    // MARK: - Mistakes

    @Test func anUnknownDatasetGetsASuggestion() {
        let registered = DataCell.datasetNames.map { "'\($0)'" }.joined(separator: ", ")
        expectLessonError("lessons/x.md:6:10: error: 'dataset' in data cell must be one of \(registered), not 'circels' (did you mean 'circles'?)") {
            _ = try runLesson(cell("data", "dataset: circels"))
        }
    }

    @Test func rangesAreChecked() {
        expectLessonError("lessons/x.md:7:8: error: 'noise' in data cell must be between 0 and 1000, not -0.1") {
            _ = try runLesson(cell("data", "dataset: circles\nnoise: -0.1"))
        }
        expectLessonError("lessons/x.md:7:9: error: 'factor' in data cell is the inner circle's radius, which must be below the outer's, 1; not 1") {
            _ = try runLesson(cell("data", "dataset: circles\nfactor: 1"))
        }
        expectLessonError("lessons/x.md:7:8: error: 'count' in data cell must be between 1 and 1000000, not 2000000") {
            _ = try runLesson(cell("data", "dataset: blobs\ncount: 2000000"))
        }
        expectLessonError("lessons/x.md:7:13: error: 'validation' in data cell must be between 0 and 0.9, not 0.95") {
            _ = try runLesson(cell("data", "dataset: xor\nvalidation: 0.95"))
        }
        expectLessonError("lessons/x.md:7:8: error: 'count' in data cell must share out evenly over the 4 quadrants, not 202 (try 200 or 204)") {
            _ = try runLesson(cell("data", "dataset: quadrants\ncount: 202"))
        }
        expectLessonError("lessons/x.md:7:8: error: 'count' in data cell must be at least 2, a point on each circle, not 1") {
            _ = try runLesson(cell("data", "dataset: circles\ncount: 1"))
        }
    }

    @Test func keysOfAnotherDatasetAreNamed() {
        expectLessonError("lessons/x.md:7:9: error: 'factor' in data cell does not apply to 'spirals', which reads 'count', 'noise', 'turns', 'test_count'") {
            _ = try runLesson(cell("data", "dataset: spirals\nfactor: 0.5"))
        }
        expectLessonError("lessons/x.md:7:13: error: 'test_count' in data cell does not apply to a logic gate, whose four rows are all there is; evaluate with 'on: training'") {
            _ = try runLesson(cell("data", "dataset: and\ntest_count: 4"))
        }
        expectLessonError("lessons/x.md:6:1: error: unknown key 'cout' in data cell (did you mean 'count'?)") {
            _ = try runLesson(cell("data", "cout: 3\ndataset: circles"))
        }
    }

    @Test func mismatchedClassNamesAndFeatureMapsArePositioned() {
        expectLessonError("lessons/x.md:7:10: error: 'classes' in data cell names 3 classes for the 2 classes of two concentric circles") {
            _ = try runLesson(cell("data", "dataset: circles\nclasses: [a, b, c]"))
        }
        expectLessonError("lessons/x.md:7:11: error: 'features' in data cell needs two inputs for 'squares', but the samples of the MNIST digits have 784") {
            _ = try runLesson(cell("data", "dataset: mnist\nfeatures: squares"))
        }
        expectLessonError("lessons/x.md:7:13: error: 'validation' in data cell holds out no sample of the 4; ask for a larger fraction or more samples") {
            _ = try runLesson(cell("data", "dataset: and\nvalidation: 0.1"))
        }
    }
}
