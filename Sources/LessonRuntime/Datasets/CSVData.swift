import Datasets
import Engine
import Foundation
import LessonFormat

/// A CSV file below the lesson's folder: `path`, and either the class column `label` (whole
/// numbers 0–999) for classification or the `target` column(s) holding real values to
/// predict for regression (by header name or by position from 1, one or a list); `test_count`
/// rows held out for testing.
struct CSVData: DatasetKind {
    static let name = "csv"
    static let listOrder = 90
    static let keys = ["path", "label", "target", "test_count"]

    /// What the file's rows are trained to predict.
    enum Prediction: Equatable {
        /// The class in this column.
        case label(String)
        /// The real values in these columns.
        case targets([CSVColumn])
    }

    /// The path's components below the lesson's folder.
    var path: [String]
    /// The class column, or the target columns.
    var prediction: Prediction

    init(name: String, fields: FieldReader) throws(LessonError) {
        let path = try fields.text("path")
        self.path = try DataCell.relativePath(path, at: try fields.required("path").position)
        switch (fields.value("label"), fields.value("target")) {
        case (_?, let target?):
            throw LessonError(
                .invalidValue(key: "target", in: "data cell", message: "names real values to predict, and 'label' a class column: give one of them"),
                at: target.position)
        case (_?, nil):
            prediction = .label(try fields.text("label"))
        case (nil, let target?):
            prediction = .targets(try Self.targetColumns(target))
        case (nil, nil):
            throw LessonError(
                .invalidValue(key: "path", in: "data cell", message: "needs 'label' (the class column) or 'target' (the column of real values to predict) beside it"),
                at: try fields.required("path").position)
        }
    }

    /// `target: y`, `target: 3` or `target: [y1, y2]`: one or more distinct columns.
    private static func targetColumns(_ value: LessonValue) throws(LessonError) -> [CSVColumn] {
        let items = value.items ?? [value]
        var columns = [CSVColumn]()
        for item in items {
            guard let text = item.text, !text.isEmpty else {
                throw LessonError(
                    .wrongType(key: "target", in: "data cell", expected: "a column's name or number, or a list of them like [y1, y2]", found: item.kindDescription),
                    at: item.position)
            }
            guard !columns.contains(CSVColumn(text)) else {
                throw LessonError(.invalidValue(key: "target", in: "data cell", message: "names the column '\(text)' twice"), at: item.position)
            }
            columns.append(CSVColumn(text))
        }
        guard !columns.isEmpty else {
            throw LessonError(
                .wrongType(key: "target", in: "data cell", expected: "a column's name or number, or a list of them like [y1, y2]", found: "an empty list"),
                at: value.position)
        }
        return columns
    }

    func testCount(_ fields: FieldReader) throws(LessonError) -> Int? {
        fields.contains("test_count") ? try fields.integer("test_count", in: 1...100_000_000) : nil
    }

    var title: String { path.last ?? "the CSV file" }
    var classCount: Int? {
        if case .targets = prediction { 0 } else { nil }
    }
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
            switch prediction {
            case let .label(label): dataset = try Dataset.csv(contentsOf: url, labelColumn: label)
            case let .targets(columns): dataset = try Dataset.csv(contentsOf: url, targetColumns: columns)
            }
        } catch {
            let at: SourcePosition = switch error {
            case .missingLabelColumn: valuePositions["label"] ?? position
            case .missingTargetColumn, .duplicateTargetColumn, .noInputColumns: valuePositions["target"] ?? position
            default: pathPosition
            }
            throw LessonError(.failed(error.description + Self.advice(for: error)), at: at)
        }
        if shuffles {
            var generator = session.generator("data")
            dataset = dataset.shuffled(using: &generator)
        }
        guard let testCount else { return LoadedData(training: dataset) }
        let test = try cell.holdOut(count: testCount, of: &dataset, key: "test_count", stream: "test-split", in: session)
        return LoadedData(training: dataset, test: test)
    }
}

extension CSVData {
    /// What to do about a label that is a real number: it is a regression target.
    static func advice(for error: CSVError) -> String {
        guard case let .notAClassIndex(_, _, _, name, value) = error, let number = Double(value), number.isFinite else { return "" }
        return "; to predict real values, name the column with 'target: \(name)' instead of 'label'"
    }
}

@used @section("lessons_datasets")
private let registration: RegistryRecord = { CSVData.registryRecord }
