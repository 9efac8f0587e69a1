import Foundation
import LessonFormat
import LessonRuntime

extension LessonLibrary.Entry {
    /// What `lessons watch` compares to decide whether the chapter must run again: the
    /// modification time and size of the lesson file and of every file it reads (a CSV file,
    /// the MNIST files), by path. A lesson that does not parse is stamped by its own file only.
    public func stamp() -> [String: String] {
        var files = [url]
        if let text = try? text(), let lesson = try? LessonParser.parse(text, path: displayPath, file: url) {
            for input in LessonRunner().inputs(of: lesson) {
                switch input {
                case let .file(file): files.append(file)
                case let .mnist(parts), let .bundledMNISTSubset(parts): files += parts
                case .unresolved: break
                }
            }
        }
        var stamp = [String: String]()
        for file in files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970
            let size = attributes?[.size] as? Int
            stamp[file.path] = "\(modified.map { "\($0)" } ?? "missing") \(size.map(String.init) ?? "")"
        }
        return stamp
    }
}
