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
    /// The last walk of gradient descent on a function (a `gradient-descent` table or
    /// `gradient-descent-path` plot), whose steps `{iteration: n}` names until a train cell runs.
    var walk: WalkPath?
    /// The last model cell run, whose settings a compare cell varies.
    public var model: ModelCell?
    /// The last train cell run, whose settings a compare cell varies.
    public var lastTrain: TrainCell?
    /// The model cell behind `model` as the lesson wrote it, which a compare cell rewrites and
    /// reads again for each run.
    var modelSource: Cell?
    /// The train cell behind `lastTrain` as the lesson wrote it (see `modelSource`).
    var trainSource: Cell?
    /// The last evaluate cell's measurements, for the plots below it (confusion matrix,
    /// misclassified samples); a data cell clears it.
    public var evaluation: Evaluation?
    /// How a `dataset: mnist` cell finds MNIST (`$MNIST_DIR`, `data/mnist/`, a download, the subset).
    public var mnistLoader: MNISTLoader
    /// The steps the next training run must record, gathered from the cells that show them.
    public var traceRequests = TraceSchedule.none
    /// Whether the next training run measures its layers' statistics, for a cell that shows them.
    public var measuresLayers = false
    /// Mistakes that fail the chapter but leave the session valid, so the cells below still
    /// run (a relation that does not hold).
    public private(set) var failures: [LessonError] = []
    /// What failed cells above did not make, with the cell that should have made it: a cell
    /// that needs it is skipped with a note saying so, rather than failing on its own.
    private(set) var lost: [Need: Cell] = [:]
    /// The numbers of the chapter's equations, and their labels.
    var equationNumbers = EquationNumbers.none
    /// The number of the exercise cell at each line, in order from 1.
    var exerciseNumbers: [Int: Int] = [:]
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
    /// The chapter's notebook as the cells run (`Notebook/`).
    let notebook: NotebookRecorder
    /// Every generator handed out, by its stream's full name (`weights#0`), in order: where a
    /// notebook finds the random numbers a cell drew.
    private(set) var streamsDrawn: [String] = []
    /// The last compare cell's runs, for the notebook.
    var comparison: [CompareRun] = []
    private var figureCount = 0
    private var streamCounts: [String: Int] = [:]

    /// Creates a session for `lesson`, whose figures go to `figureDirectory`.
    public init(header: LessonHeader, lesson: Lesson, figureDirectory: URL) {
        self.header = header
        path = lesson.path
        lessonFolder = lesson.folder
        mnistLoader = .forLesson(in: lesson.folder)
        self.figureDirectory = figureDirectory
        notebook = NotebookRecorder(seed: header.seed, lesson: lesson.path)
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
        streamsDrawn.append("\(stream)#\(count)")
        return SeededGenerator(seed: header.seed, stream: "\(stream)#\(count)")
    }

    /// A number rounded to the lesson's significant digits, as tables and captions show it.
    public func format(_ value: Double) -> String {
        NumberText.format(value, significantDigits: header.digits)
    }

    /// The widest a figure is drawn for the page's column (CSS pixels; the column is 782 at
    /// most): wider small multiples flow into fewer columns and grow in height instead.
    static let columnWidth = 780.0
    /// The width of a figure's drawing for a phone (a 390-pixel screen has a 347-pixel column).
    static let phoneWidth = 340.0

    /// Writes `figure` as the chapter's next PNGs and adds it to the report: drawn for the
    /// column (`fig-03-name.png`, the one Markdown shows) and for a phone
    /// (`fig-03-name-narrow.png`), each in the light and the dark appearance
    /// (`fig-03-name-dark.png`, `fig-03-name-narrow-dark.png`).
    ///
    /// - Parameters:
    ///   - name: a short name for the files (`decision-boundary` gives `fig-03-decision-boundary.png`).
    ///   - caption: the caption under the figure (Markdown with math).
    ///   - alternativeText: what the figure shows, for readers who cannot see it.
    ///   - position: the plot cell, for the error if a file cannot be written.
    ///   - frames: the moments of an animated figure (`PlotFrames`), drawn like `figure` and
    ///     at its size; each file is then an animated PNG whose first frame is `figure`.
    ///   - framesPosition: where `frames` stands, for an animation that is too large.
    public func addFigure(
        _ figure: Figure, frames: [Figure] = [], framesPosition: SourcePosition? = nil, name: String, caption: String,
        alternativeText: String, at position: SourcePosition
    ) throws(LessonError) {
        figureCount += 1
        let stem = String(format: "fig-%02d-%@", figureCount, name)
        let wide = figure.layout(fittingWidth: Self.columnWidth)
        let narrow = figure.trimmed(figure.layout(fittingWidth: Self.phoneWidth, shortestHeightFraction: 1))
        let delays = PlotFrames.delays(moments: frames.count)
        func write(_ file: String, _ appearance: Appearance, _ layout: FigureLayout) throws(LessonError) {
            let path = figureDirectory.appendingPathComponent(file).path
            guard !frames.isEmpty else {
                do {
                    try figure.writePNG(to: path, appearance: appearance, layout: layout)
                } catch {
                    throw LessonError(.failed("cannot write \(file): \(error)"), at: position)
                }
                return
            }
            let bytes: [UInt8]
            do {
                bytes = try Figure.animatedPNGData(
                    [figure] + frames, delays: delays, appearance: appearance, layout: layout,
                    byteLimit: PlotFrames.maximumBytes)
            } catch let .tooLarge(_, frame, frameCount) {
                throw PlotFrames.tooLarge(file, frame: frame, of: frameCount, at: framesPosition ?? position)
            } catch {
                throw LessonError(.failed("cannot draw \(file): \(error)"), at: position)
            }
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw LessonError(.failed("cannot write \(file)"), at: position)
            }
        }
        let file = stem + ".png"
        try write(file, .light, wide)
        try write(stem + "-dark.png", .dark, wide)
        var narrowVariant: ReportFigure.Variant?
        if narrow != wide {
            try write(stem + "-narrow.png", .light, narrow)
            try write(stem + "-narrow-dark.png", .dark, narrow)
            narrowVariant = ReportFigure.Variant(
                file: stem + "-narrow.png", darkFile: stem + "-narrow-dark.png", width: Int(narrow.width.rounded()),
                height: Int(narrow.height.rounded()))
        }
        if thumbnail == nil || name == header.thumbnail { thumbnail = file }
        append(
            .figure(
                ReportFigure(
                    file: file, caption: caption, alternativeText: alternativeText, width: Int(wide.width.rounded()),
                    height: Int(wide.height.rounded()), darkFile: stem + "-dark.png", narrow: narrowVariant)))
    }

    /// The data, or an error saying a data cell must come first.
    public func requireData(for cell: Cell) throws(LessonError) -> SessionData {
        guard let data else { throw missing(.data, for: cell.kind.rawValue + " cell", at: cell.position) }
        return data
    }

    /// The network, or an error saying a model cell must come first.
    public func requireNetwork(for cell: Cell) throws(LessonError) -> Network {
        guard let network else { throw missing(.network, for: cell.kind.rawValue + " cell", at: cell.position) }
        return network
    }

    /// The last training run, or an error saying a train cell must come first.
    public func requireTraining(for cell: Cell) throws(LessonError) -> TrainingRun {
        guard let training else { throw missing(.training, for: cell.kind.rawValue + " cell", at: cell.position) }
        return training
    }

    /// What a cell needs from the cells above it.
    enum Need: Sendable {
        case data, network, training

        /// The kind of cell that makes it.
        var maker: String {
            switch self {
            case .data: "a data cell"
            case .network: "a model cell"
            case .training: "a train cell"
            }
        }
    }

    /// The error for `what` (`the plot cell`, `the 'loss' plot`) that needs `need`: a skip
    /// when a cell that should have made it failed, a mistake when no cell above makes it.
    func missing(_ need: Need, for what: String, at position: SourcePosition) -> LessonError {
        if let failed = lost[need] {
            return LessonError(
                .skipped("Not run: this cell needs what the \(failed.kind.rawValue) cell at line \(failed.position.line) should have made, and that cell failed."),
                at: position)
        }
        return LessonError(.failed("the \(what) needs \(need.maker) above it"), at: position)
    }

    /// Forgets what `cell`, which failed, would have made or changed, so that the cells below
    /// it are skipped instead of working on stale or missing values; a data cell's failure
    /// loses the data, a model cell's the network, a train cell's the run and the trained network.
    ///
    /// - Parameter blame: the cell whose failure the cells below wait for: `cell` itself, or
    ///   for a cell that was skipped, the failed cell above it.
    func failed(_ cell: Cell, blame: Cell? = nil) {
        switch cell.kind {
        case .data:
            data = nil
            evaluation = nil
        case .model:
            network = nil
            model = nil
            training = nil
            plannedTraining = nil
        case .train:
            network = nil
            training = nil
            plannedTraining = nil
        default:
            break
        }
        for need in Self.made(by: cell.kind) { lost[need] = blame ?? cell }
    }

    /// What a cell of `kind` makes for the cells below: a data cell the data, a model cell
    /// and a train cell the network and what training has made of it.
    private static func made(by kind: CellKind) -> [Need] {
        switch kind {
        case .data: [.data]
        case .model, .train: [.network, .training]
        default: []
        }
    }

    /// Records that `cell` was skipped: what it would have made is lost too, to the same failed cell.
    func skipped(_ cell: Cell) {
        guard let blame = lost[.data] ?? lost[.network] ?? lost[.training] else { return }
        failed(cell, blame: blame)
    }

    /// Records that `cell` ran: what it makes is no longer lost.
    func succeeded(_ cell: Cell) {
        for need in Self.made(by: cell.kind) { lost[need] = nil }
    }
}
