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
        let data = try plot.requireClassData(session)
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
        if let clause = Self.mostFrequentConfusion(counts, names: names) { caption += "; " + clause }
        return PlotOutput(
            figure: figure, caption: caption + ".",
            alternativeText: "A \(k)×\(k) confusion matrix with counts; \(correct) of \(samples.count) on the diagonal.")
    }

    /// Tied pairs named at most in the caption; more are counted and the first of them named.
    static let namedTies = 6

    /// The caption's words on the largest count off the diagonal, naming every pair that has
    /// it (true → predicted, in the order of the rows), or `nil` when nothing was confused:
    /// "the most frequent confusion is 6 → 4 (9 times)", "the most frequent confusions are
    /// 4 → 9, 6 → 4 and 7 → 2, 9 times each".
    static func mostFrequentConfusion(_ counts: [[Int]], names: [String]) -> String? {
        var largest = 0
        var pairs = [String]()
        for (truth, row) in counts.enumerated() {
            for (guess, count) in row.enumerated() where truth != guess && count > 0 && count >= largest {
                if count > largest { (largest, pairs) = (count, []) }
                pairs.append("\(names[truth]) → \(names[guess])")
            }
        }
        guard largest > 0 else { return nil }
        let times = "\(NumberText.grouped(largest)) time\(largest == 1 ? "" : "s")"
        func list(_ items: [String]) -> String {
            items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
        if pairs.count == 1 { return "the most frequent confusion is \(pairs[0]) (\(times))" }
        if pairs.count <= namedTies { return "the most frequent confusions are \(list(pairs)), \(times) each" }
        return "\(pairs.count) confusions are tied as the most frequent, \(times) each, among them "
            + list(Array(pairs.prefix(namedTies - 1)))
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { ConfusionPlot.registryRecord }
