import Datasets
import Engine
import Foundation
import LessonFormat

/// A CSV file below the lesson's folder: `path`, the class column `label` (whole numbers
/// 0–999), and `test_count` rows held out for testing.
struct CSVData: DatasetKind {
    static let name = "csv"
    static let listOrder = 90
    static let keys = ["path", "label", "test_count"]

    /// The path's components below the lesson's folder.
    var path: [String]
    /// The class column.
    var label: String

    init(name: String, fields: FieldReader) throws(LessonError) {
        let path = try fields.text("path")
        self.path = try DataCell.relativePath(path, at: try fields.required("path").position)
        label = try fields.text("label")
    }

    func testCount(_ fields: FieldReader) throws(LessonError) -> Int? {
        fields.contains("test_count") ? try fields.integer("test_count", in: 1...100_000_000) : nil
    }

    var title: String { path.last ?? "the CSV file" }
    var classCount: Int? { nil }
    var featureCount: Int? { nil }

    func inputs(lessonFolder: URL, mnistLoader: MNISTLoader) -> [LessonInput] {
        [.file(Self.location(path, lessonFolder: lessonFolder))]
    }

    /// Where a CSV file named by `path` (components below the lesson's folder) is, for a
    /// lesson in `lessonFolder`: the run reads it there, and the chapter cache hashes it there.
    static func location(_ path: [String], lessonFolder: URL) -> URL {
        path.reduce(lessonFolder) { $0.appendingPathComponent($1) }
    }

    /// The file below the lesson's folder, with `test_count` rows held out for testing.
    func load(for cell: DataCell, in session: Session) throws(LessonError) -> LoadedData {
        let (valuePositions, position, shuffles, testCount) = (cell.valuePositions, cell.position, cell.shuffles, cell.testCount)
        let pathPosition = valuePositions["path"] ?? position
        let folder = session.lessonFolder
        let url = Self.location(path, lessonFolder: folder)
        let written = path.joined(separator: "/")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let lessonFolder = (session.path as NSString).deletingLastPathComponent
            let shown = lessonFolder.isEmpty ? written : lessonFolder + "/" + written
            throw LessonError(
                .invalidValue(key: "path", in: "data cell", message: "names '\(written)', but there is no file \(shown)"),
                at: pathPosition)
        }
        // `..` was refused where the path is written; a symbolic link must not lead out either.
        guard !TextFile.leadsOutside(url, of: folder) else {
            throw LessonError(
                .invalidValue(key: "path", in: "data cell", message: "names '\(written)', a link to a file outside the lesson's folder; copy the file beside the lesson"),
                at: pathPosition)
        }

        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw LessonError(
                .invalidValue(key: "path", in: "data cell", message: "names '\(written)', a folder, not a CSV file"), at: pathPosition)
        }

        var dataset: Dataset
        do {
            dataset = try Dataset.csv(contentsOf: url, labelColumn: label)
        } catch {
            let at = if case .missingLabelColumn = error { valuePositions["label"] ?? position } else { pathPosition }
            throw LessonError(.failed(error.description), at: at)
        }
        if shuffles {
            var generator = session.generator("data")
            dataset = dataset.shuffled(using: &generator)
        }
        guard let testCount else { return LoadedData(training: dataset) }
        let (training, test) = try cell.holdOut(count: testCount, of: dataset, key: "test_count", stream: "test-split", in: session)
        return LoadedData(training: training, test: test)
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { CSVData.registryRecord }
