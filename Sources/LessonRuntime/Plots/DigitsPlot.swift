import Engine
import LessonFormat
import Plotting

/// `digits`: images with "true → predicted" captions, mistakes framed; with `mistakes: true`
/// only the misclassified ones, the most confidently wrong first.
struct DigitsPlot: PlotKind {
    static let name = "digits"
    static let listOrder = 140
    static let keys = ["on", "count", "mistakes", "columns"]
    static let takesHeight = false
    static let summary = "A grid of images with their true and predicted classes."

    /// Which samples to show (`on`), or `nil` for the test set when there is one.
    var on: PlotOptions.Samples?
    /// Images per row, if given.
    var columns: Int?
    /// How many images to show.
    var count: Int
    /// Whether only misclassified images are shown (`mistakes`).
    var mistakesOnly: Bool

    init(_ fields: FieldReader) throws(LessonError) {
        on = try PlotOptions.on(fields)
        columns = try PlotOptions.columns(fields)
        count = try PlotOptions.count(fields, maximum: 200)
        mistakesOnly = try fields.boolean("mistakes", default: false)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireClassData(session)
        guard data.isImages else { throw plot.misfit("shows images, but \(data.title) is not image data") }
        let network = try plot.requireFittingNetwork(session, data: data)
        let (samples, which) = try plot.measuredSamples(data, on: on)
        let original = which == .test ? (data.originalTest ?? samples) : data.original
        let (predicted, confidence) = PlotSupport.predictions(of: network, on: samples.inputs, data: data)
        let wrong = samples.labels.indices.filter { samples.labels[$0] != predicted[$0] }
        let samplesName = PlotSupport.samplesName(which, data: data)
        var chosen: [Int]
        if mistakesOnly {
            chosen = wrong.sorted { confidence[$0] != confidence[$1] ? confidence[$0] > confidence[$1] : $0 < $1 }
            guard !chosen.isEmpty else {
                throw LessonError(
                    .failed("'mistakes: true' found no misclassified \(samplesName) to show"),
                    at: plot.position(of: "mistakes"))
            }
        } else {
            chosen = Array(samples.labels.indices)
        }
        chosen = Array(chosen.prefix(count))
        let side = Int(Double(original.featureCount).squareRoot().rounded())
        let names = PlotSupport.classNames(data)
        let images = chosen.map { index in
            (0..<side).map { row in (0..<side).map { original.inputs[index, row * side + $0] } }
        }
        let columnCount = columns ?? min(8, chosen.count)
        let cellSize = plot.width.map { ($0 - 8) / Double(columnCount) } ?? 72
        let defaultTitle = mistakesOnly ? "Misclassified \(which.rawValue) images: true → predicted" : "\(PlotSupport.capitalized(which.rawValue)) images: true → predicted"
        let figure = Figure.imageGrid(
            images, columns: columnCount, captions: chosen.map { "\(names[samples.labels[$0]]) → \(names[predicted[$0]])" },
            mistakes: chosen.map { samples.labels[$0] != predicted[$0] }, cellSize: cellSize, title: plot.title ?? defaultTitle)
        let shownWrong = chosen.filter { samples.labels[$0] != predicted[$0] }.count
        let rate = NumberText.percent(Double(wrong.count) / Double(max(samples.count, 1)))
        let caption = mistakesOnly
            ? "The \(chosen.count) most confidently wrong of the \(NumberText.grouped(wrong.count)) misclassified \(samplesName) (\(rate) of \(NumberText.grouped(samples.count))), captioned true → predicted."
            : "The first \(chosen.count) \(samplesName), captioned true → predicted; \(shownWrong) of them misclassified (framed), \(NumberText.grouped(wrong.count)) of all \(NumberText.grouped(samples.count)) (\(rate))."
        return PlotOutput(
            figure: figure, caption: caption,
            alternativeText: "A grid of \(chosen.count) handwritten digits with their true and predicted classes.")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { DigitsPlot.registryRecord }
