import Datasets
import Engine
import Foundation
import LessonFormat

/// MNIST: the first `train_count` of its 60,000 training images and the first `test_count`
/// of its 10,000 test images (all by default), 28×28 pixels in [0, 1], ten classes.
struct MNISTData: DatasetKind {
    static let name = "mnist"
    static let listOrder = 80
    static let keys = ["train_count", "test_count"]

    /// The first `trainCount` training images (all when `nil`).
    var trainCount: Int?

    init(name: String, fields: FieldReader) throws(LessonError) {
        trainCount = fields.contains("train_count") ? try fields.integer("train_count", in: 1...60_000) : nil
    }

    func testCount(_ fields: FieldReader) throws(LessonError) -> Int? {
        fields.contains("test_count") ? try fields.integer("test_count", in: 1...10_000) : nil
    }

    var title: String { "the MNIST digits" }
    var classCount: Int? { 10 }
    var featureCount: Int? { MNISTSet.pixelCount }

    func inputs(lessonFolder: URL, mnistLoader: MNISTLoader) -> [LessonInput] { [mnistLoader.inputWithoutDownload] }

    /// MNIST through the session's loader: `$MNIST_DIR`, `data/mnist/`, a download, or the
    /// bundled subset, which the report then names with the way to the full set.
    func load(for cell: DataCell, in session: Session) throws(LessonError) -> LoadedData {
        let (testCount, shuffles) = (cell.testCount, cell.shuffles)
        let mnist: MNIST
        do {
            mnist = try MNISTCache.shared.load(with: session.mnistLoader)
        } catch {
            throw LessonError(.failed("cannot load MNIST: \(error.description)"), at: cell.valuePositions["dataset"] ?? cell.position)
        }
        let trainKept = min(trainCount ?? mnist.training.count, mnist.training.count)
        let testKept = min(testCount ?? mnist.test.count, mnist.test.count)
        var indices = Array(0..<trainKept)
        if shuffles {
            var generator = session.generator("data")
            indices = generator.permutation(of: trainKept)
        }
        var loaded = LoadedData(
            training: mnist.training.dataset(name: "mnist", indices: indices),
            test: mnist.test.dataset(name: "mnist (test)", indices: Array(0..<testKept)),
            isImages: true)

        var note = mnist.description
        var shortfalls = [String]()
        if let trainCount, trainCount > trainKept {
            shortfalls.append("\(NumberText.grouped(trainCount)) training images but the set holds \(NumberText.grouped(trainKept))")
        }
        if let testCount, testCount > testKept {
            shortfalls.append("\(NumberText.grouped(testCount)) test images but the set holds \(NumberText.grouped(testKept))")
        }
        if !shortfalls.isEmpty {
            note += " The lesson asks for " + shortfalls.joined(separator: " and for ") + ", so all of them are used."
        } else if trainKept < mnist.training.count || testKept < mnist.test.count {
            note += " The chapter uses the first \(NumberText.grouped(trainKept)) training and \(NumberText.grouped(testKept)) test images."
        }
        loaded.sourceNote = note
        if !mnist.source.isFullSet {
            loaded.requiredNote = note
            // The terminal and the table of contents show the headline beside the accuracy.
            session.setHeadline(
                "only", "the bundled MNIST subset (\(NumberText.grouped(mnist.training.count)) of 60,000 training images)")
        }
        return loaded
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { MNISTData.registryRecord }
