import Foundation
import LessonFormat
import LessonRuntime

/// What `lessons watch` compares to decide whether a chapter must run again: the
/// modification time and size of the lesson file and of every file it reads (a CSV file, the
/// MNIST files), by path.
public struct WatchStamp: Equatable, Sendable {
    /// Each file's modification time and size, by path.
    public let files: [String: String]
    /// The files the lesson reads, as listed when its own file last changed.
    let inputs: [URL]

    /// Only the files are compared; the inputs follow from the lesson file.
    public static func == (left: WatchStamp, right: WatchStamp) -> Bool { left.files == right.files }
}

extension LessonLibrary.Entry {
    /// The chapter's stamp now. The lesson is parsed for the files it reads only when its own
    /// file differs from `previous` (a watch polls every lesson twice a second); a lesson that
    /// does not parse is stamped by its own file alone.
    public func stamp(after previous: WatchStamp? = nil) -> WatchStamp {
        let lesson = Self.fileStamp(url)
        let inputs = previous.flatMap { $0.files[url.path] == lesson ? $0.inputs : nil } ?? inputFiles()
        var files = [url.path: lesson]
        for input in inputs { files[input.path] = Self.fileStamp(input) }
        return WatchStamp(files: files, inputs: inputs)
    }

    /// The files the lesson reads when it runs, without loading any.
    private func inputFiles() -> [URL] {
        guard let text = try? text(), let lesson = try? LessonParser.parse(text, path: displayPath, file: url) else { return [] }
        return LessonRunner().inputs(of: lesson).flatMap { input -> [URL] in
            switch input {
            case let .file(file): [file]
            case let .mnist(parts), let .bundledMNISTSubset(parts): parts
            case .unresolved: []
            }
        }
    }

    /// A file's modification time and size, or `missing`.
    private static func fileStamp(_ file: URL) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970
        let size = attributes?[.size] as? Int
        return "\(modified.map { "\($0)" } ?? "missing") \(size.map(String.init) ?? "")"
    }
}
