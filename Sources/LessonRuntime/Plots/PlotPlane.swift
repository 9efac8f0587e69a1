import Datasets
import Engine
import LessonFormat
import Plotting

/// The points of the data in a plane, which `data` and `decision-boundary` both draw: which
/// samples (`show`) in which plane (`space`).
struct PlanePoints: Sendable {
    /// Which samples to draw (`show`).
    var show: [PlotOptions.Samples]
    /// The plane to draw in (`space`).
    var space: PlotOptions.Space

    /// Reads `show` and `space`.
    init(_ fields: FieldReader) throws(LessonError) {
        show = try PlotOptions.show(fields)
        space = try PlotOptions.space(fields)
    }

    /// The plane `space` names, with the test samples if `show` asks for them.
    func plane(of data: SessionData, for plot: PlotCell) throws(LessonError) -> Plane {
        try plot.requireClasses(data)
        let test = show.contains(.test) ? try plot.testSamples(data, key: "show") : nil
        let plane = space == .features
            ? Plane(training: data.training, test: test?.mapped, map: nil)
            : Plane(training: data.original, test: test?.original, map: data.featureMap)
        guard plane.training.featureCount == 2 else {
            throw plot.misfit("draws points in the plane, but the data has \(plane.training.featureCount) features")
        }
        return plane
    }

    /// The points by class, training solid and test paler, with coordinates written beside
    /// them when there are only a few (the logic gates).
    func draw(on axes: Axes, plane: Plane, data: SessionData) {
        let names = PlotSupport.classNames(data)
        let training = plane.training
        let size = training.count <= 20 ? 11.0 : training.count <= 300 ? 7.0 : 4.5
        if show.contains(.training) {
            let labels = training.count <= 8
                ? PlotSupport.points(training.inputs).map { "(\(NumberText.format($0.0, significantDigits: 3)), \(NumberText.format($0.1, significantDigits: 3)))" }
                : nil
            axes.scatter(
                points: PlotSupport.points(training.inputs), classes: training.labels, classNames: names, labels: labels,
                size: size)
        }
        if let test = plane.test {
            let points = PlotSupport.points(test.inputs)
            for label in Set(test.labels).sorted() {
                let chosen = test.labels.indices.filter { test.labels[$0] == label }
                axes.scatter(
                    points: chosen.map { points[$0] }, color: Palette.color(label).withAlpha(0.4),
                    marker: MarkerShape.forClass(label), size: size, label: "\(names[label]) (test)")
            }
        }
        axes.xLabel = PlotSupport.axisLabel(training.featureNames[0])
        axes.yLabel = PlotSupport.axisLabel(training.featureNames[1])
        axes.equalAspect = true
        (axes.xLimits, axes.yLimits) = plane.limits
    }
}

/// The plane a figure draws in: the original inputs (the network sees them through `map`),
/// or with `space: features` the mapped features the network sees directly.
struct Plane {
    var training: Dataset
    var test: Dataset?
    var map: FeatureMap?

    /// The axis limits around every point drawn.
    var limits: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        PlotSupport.limits(around: [training.inputs] + (test.map { [$0.inputs] } ?? []))
    }
}
