import Engine
import LessonFormat
import Plotting

/// `confusion`: counts of true class (rows) against predicted class (columns).
struct ConfusionPlot: PlotKind {
    static let name = "confusion"
    static let listOrder = 130
    static let keys = ["on"]
    static let summary = "The confusion matrix of the network's predictions."

    /// Which samples to measure on (`on`), or `nil` for the test set when there is one.
    var on: PlotOptions.Samples?

    init(_ fields: FieldReader) throws(LessonError) {
        on = try PlotOptions.on(fields)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireData(session)
        let network = try plot.requireFittingNetwork(session, data: data)
        let (samples, which) = try plot.measuredSamples(data, on: on)
        let k = data.training.classCount
        let predicted = PlotSupport.predictions(of: network, on: samples.inputs, data: data).classes
        var counts = Array(repeating: Array(repeating: 0, count: k), count: k)
        for (truth, guess) in zip(samples.labels, predicted) where guess < k { counts[truth][guess] += 1 }
        let names = PlotSupport.classNames(data)
        let figure = plot.makeFigure(width: k <= 3 ? 420 : 560, height: k <= 3 ? 360 : 500)
        let axes = figure.addAxes()
        axes.title = plot.title ?? "Confusion matrix on the \(which.rawValue) set"
        axes.confusionMatrix(counts, classNames: names)
        let correct = (0..<k).reduce(0) { $0 + counts[$1][$1] }
        var caption = "Confusion matrix of the \(PlotSupport.shape(of: network)) network on the \(NumberText.grouped(samples.count)) \(PlotSupport.samplesName(which, data: data)): rows are true classes, columns predicted; \(NumberText.grouped(correct)) correct (\(NumberText.percent(samples.count == 0 ? 0 : Double(correct) / Double(samples.count))))"
        var worst: (count: Int, truth: Int, guess: Int) = (0, 0, 0)
        for truth in 0..<k {
            for guess in 0..<k where truth != guess && counts[truth][guess] > worst.count {
                worst = (counts[truth][guess], truth, guess)
            }
        }
        if worst.count > 0 {
            caption += "; the most frequent confusion is \(names[worst.truth]) → \(names[worst.guess]) (\(NumberText.grouped(worst.count)) time\(worst.count == 1 ? "" : "s"))"
        }
        return PlotOutput(
            figure: figure, caption: caption + ".",
            alternativeText: "A \(k)×\(k) confusion matrix with counts; \(correct) of \(samples.count) on the diagonal.")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { ConfusionPlot.registryRecord }
