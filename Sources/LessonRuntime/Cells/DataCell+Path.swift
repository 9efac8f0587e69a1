import Datasets
import LessonFormat

extension DataCell {
    /// The components of a data file's path, which must stay inside the lesson's folder.
    ///
    /// Lessons are shared and run on students' machines, so a lesson may read only files
    /// kept beside it: an absolute path, a home-relative one, or `..` that climbs out of
    /// the lesson's folder is refused where it is written.
    static func relativePath(_ path: String, at position: SourcePosition) throws(LessonError) -> [String] {
        func refuse(_ message: String) -> LessonError {
            LessonError(.invalidValue(key: "path", in: "data cell", message: message), at: position)
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            throw refuse("must be relative to the lesson's folder, like 'data/points.csv', not the absolute path '\(path)'")
        }
        var components = [String]()
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." {
                guard !components.isEmpty else {
                    throw refuse("'\(path)' leaves the lesson's folder; keep data files beside the lesson or in a folder below it")
                }
                components.removeLast()
            } else {
                components.append(String(part))
            }
        }
        guard !components.isEmpty else { throw refuse("'\(path)' names a folder, not a file") }
        return components
    }
}
