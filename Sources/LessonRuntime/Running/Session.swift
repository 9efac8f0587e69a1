import Datasets
import Engine
import Foundation
import LessonFormat
import Plotting
import Report

/// The state one lesson's cells share as they run top to bottom, like a notebook's kernel:
/// the data, the network, the last training run, and the chapter's report so far.
final class Session {
    /// The lesson's front matter.
    public let header: LessonHeader
    /// The lesson file's path, as messages show it.
    public let path: String
    /// The folder the lesson file really is in, which its data paths are relative to.
    public let lessonFolder: URL
    /// The folder the chapter's figures are written to while it runs.
    public let figureDirectory: URL
    /// The data the cells below work on, once a data cell has run.
    public var data: SessionData?
    /// The network, once a model cell has run (and as training leaves it).
    public var network: Network?
    /// The last training run.
    public var training: TrainingRun?
    /// What the last train cell would record, in place of its run when `lessons check` reads
    /// the lesson without training (`TrainingPlan`).
    var plannedTraining: TrainingPlan?
    /// The last model cell run, whose settings a compare cell varies.
    public var model: ModelCell?
    /// The last train cell run, whose settings a compare cell varies.
    public var lastTrain: TrainCell?
    /// The last evaluate cell's measurements, for the plots below it (confusion matrix,
    /// misclassified samples); a data cell clears it.
    public var evaluation: Evaluation?
    /// How a `dataset: mnist` cell finds MNIST (`$MNIST_DIR`, `data/mnist/`, a download, the subset).
    public var mnistLoader: MNISTLoader
    /// The steps the next training run must record, gathered from the cells that show them.
    public var traceRequests = TraceSchedule.none
    /// Mistakes that fail the chapter but leave the session valid, so the cells below still
    /// run (a relation that does not hold).
    public private(set) var failures: [LessonError] = []
    /// The chapter's blocks so far.
    public private(set) var blocks: [ReportBlock] = []
    /// Told after every epoch of training, for a progress display; `nil` for none.
    public var progress: ((TrainingProgress) -> Void)?
    /// The chapter's machine-readable numbers (the relation and figure counts are filled in
    /// from the blocks when the chapter ends).
    public var metrics = ChapterMetrics()
    /// Headline numbers for the table of contents (`test accuracy 97.8 %`).
    public private(set) var headline: [String] = []
    /// The first figure's file, the chapter's thumbnail.
    public private(set) var thumbnail: String?
    private var figureCount = 0
    private var streamCounts: [String: Int] = [:]

    /// Creates a session for `lesson`, whose figures go to `figureDirectory`.
    public init(header: LessonHeader, lesson: Lesson, figureDirectory: URL) {
        self.header = header
        path = lesson.path
        lessonFolder = lesson.folder
        mnistLoader = .forLesson(in: lesson.folder)
        self.figureDirectory = figureDirectory
    }

    /// Records a mistake that fails the chapter without stopping it.
    public func recordFailure(_ error: LessonError) {
        failures.append(error)
    }

    /// Adds a block to the chapter.
    public func append(_ block: ReportBlock) {
        blocks.append(block)
    }

    /// Adds a headline number for the table of contents, replacing one with the same label.
    public func setHeadline(_ label: String, _ value: String) {
        headline.removeAll { $0.hasPrefix(label + " ") }
        headline.append("\(label) \(value)")
    }

    /// Removes the headline number with `label`, once a later cell makes it stale.
    public func removeHeadline(_ label: String) {
        headline.removeAll { $0.hasPrefix(label + " ") }
    }

    /// A generator for the named stream: the n-th request for a stream gets the n-th generator
    /// derived from the lesson's seed, so adding a cell never shifts the numbers of another kind.
    public func generator(_ stream: String) -> SeededGenerator {
        let count = streamCounts[stream, default: 0]
        streamCounts[stream] = count + 1
        return SeededGenerator(seed: header.seed, stream: "\(stream)#\(count)")
    }

    /// A number rounded to the lesson's significant digits, as tables and captions show it.
    public func format(_ value: Double) -> String {
        NumberText.format(value, significantDigits: header.digits)
    }

    /// Writes `figure` as the chapter's next PNG and adds it to the report.
    ///
    /// - Parameters:
    ///   - name: a short name for the file (`decision-boundary` gives `fig-03-decision-boundary.png`).
    ///   - caption: the caption under the figure (Markdown with math).
    ///   - alternativeText: what the figure shows, for readers who cannot see it.
    ///   - position: the plot cell, for the error if the file cannot be written.
    public func addFigure(
        _ figure: Figure, name: String, caption: String, alternativeText: String, at position: SourcePosition
    ) throws(LessonError) {
        figureCount += 1
        let file = String(format: "fig-%02d-%@.png", figureCount, name)
        do {
            try figure.writePNG(to: figureDirectory.appendingPathComponent(file).path)
        } catch {
            throw LessonError(.failed("cannot write \(file): \(error)"), at: position)
        }
        if thumbnail == nil || name == header.thumbnail { thumbnail = file }
        append(.figure(ReportFigure(file: file, caption: caption, alternativeText: alternativeText, width: Int(figure.width))))
    }

    /// The data, or an error saying a data cell must come first.
    public func requireData(for cell: Cell) throws(LessonError) -> SessionData {
        guard let data else {
            throw LessonError(.failed("the \(cell.kind.rawValue) cell needs a data cell above it"), at: cell.position)
        }
        return data
    }

    /// The network, or an error saying a model cell must come first.
    public func requireNetwork(for cell: Cell) throws(LessonError) -> Network {
        guard let network else {
            throw LessonError(.failed("the \(cell.kind.rawValue) cell needs a model cell above it"), at: cell.position)
        }
        return network
    }

    /// The last training run, or an error saying a train cell must come first.
    public func requireTraining(for cell: Cell) throws(LessonError) -> TrainingRun {
        guard let training else {
            throw LessonError(.failed("the \(cell.kind.rawValue) cell needs a train cell above it"), at: cell.position)
        }
        return training
    }
}
