import Datasets
import Foundation
import LessonFormat

/// A file a lesson reads while it runs, besides the lesson file itself.
///
/// The chapter cache fingerprints these to decide whether a chapter can be kept from an
/// earlier run; listing them needs only the parsed cells, nothing is loaded or trained.
public enum LessonInput: Sendable, Equatable {
    /// A data file read whole (a CSV file): its content decides the chapter.
    case file(URL)
    /// The four MNIST files the loader would read, in the standard order. The loader checks
    /// their decompressed SHA-256 against the published sums on every load, so a run that
    /// succeeded read exactly the published content; their size and modification time
    /// tell whether they have been replaced since.
    case mnist([URL])
    /// MNIST is neither in `$MNIST_DIR` nor in `data/mnist/`: a run tries to download it and
    /// otherwise reads the bundled subset, whose files these are (and whose SHA-256 sums the
    /// loader checks). A chapter built on the subset is kept until the full set appears on
    /// disk or `--force` tries the download again.
    case bundledMNISTSubset([URL])
    /// An input with nothing on disk to fingerprint: `$MNIST_DIR` names a folder without the
    /// four files (the run fails), or the bundled subset is missing. Such a chapter always runs.
    case unresolved(String)
}

extension LessonRunner {
    /// The files `lesson` reads when it runs, each once, in the order of its data cells,
    /// without loading any of them. Cells with mistakes are skipped: a lesson with mistakes
    /// fails anyway.
    ///
    /// - Parameter mnistLoader: how MNIST is found; `nil` for the lesson's own (see
    ///   `MNISTLoader.forLesson(in:)`), which the runner's session uses.
    public func inputs(of lesson: Lesson, mnistLoader: MNISTLoader? = nil) -> [LessonInput] {
        let mnistLoader = mnistLoader ?? .forLesson(in: lesson.folder)
        var inputs = [LessonInput]()
        // Only the data cells name files; reading them alone keeps this quick.
        for case let data? in lesson.cells.lazy.filter({ $0.kind == .data }).map({ try? DataCell($0) }) {
            for input in data.source.inputs(lessonFolder: lesson.folder, mnistLoader: mnistLoader) where !inputs.contains(input) {
                inputs.append(input)
            }
        }
        return inputs
    }
}

extension MNISTLoader {
    /// How a lesson in `lessonFolder` finds MNIST: its project is the folder above (the one
    /// holding `lessons/`), so `data/mnist/` and a relative `$MNIST_DIR` are found from there,
    /// whatever the current folder.
    public static func forLesson(in lessonFolder: URL) -> MNISTLoader {
        MNISTLoader(projectDirectory: lessonFolder.deletingLastPathComponent())
    }

    /// The files `load()` reads when they are all on disk, in the order it looks for them:
    /// `$MNIST_DIR` (relative to the project when not absolute), then `data/mnist/`.
    ///
    /// This repeats `load()`'s choice of directory, which Datasets does not expose; a test
    /// checks that both pick the same directory.
    var inputWithoutDownload: LessonInput {
        let directory: URL
        if let path = environment["MNIST_DIR"], !path.isEmpty {
            directory = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : projectDirectory.appendingPathComponent(path))
                .standardizedFileURL
        } else {
            let found = MNISTDirectory(url: dataDirectory)
            let files = MNISTFile.allCases.compactMap(found.location(of:))
            if files.count == MNISTFile.allCases.count { return .mnist(files) }
            guard let subset = MNISTLoader.bundledSubsetDirectory else {
                return .unresolved("MNIST is not complete in \(dataDirectory.path) and the bundled subset is missing")
            }
            return .bundledMNISTSubset(
                (MNISTFile.allCases.map(\.compressedName) + ["SHA256SUMS.decompressed"]).map(subset.appendingPathComponent))
        }
        let found = MNISTDirectory(url: directory)
        let files = MNISTFile.allCases.compactMap(found.location(of:))
        guard files.count == MNISTFile.allCases.count else {
            return .unresolved("MNIST is not complete in \(directory.path)")
        }
        return .mnist(files)
    }
}
