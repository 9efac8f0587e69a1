import Datasets
import Engine
import LessonFormat
import Plotting

/// `data`: the training (and test) points by class, before any feature map (or after it,
/// with `space: features`).
struct DataPlot: PlotKind {
    static let name = "data"
    static let listOrder = 10
    static let keys = ["show", "space"]
    static let summary = "The training (and test) points by class, in the original plane."

    /// Which points, in which plane.
    var points: PlanePoints

    init(_ fields: FieldReader) throws(LessonError) {
        points = try PlanePoints(fields)
    }

    func draw(_ plot: PlotCell, in session: Session) throws(LessonError) -> PlotOutput {
        let data = try plot.requireData(session)
        let plane = try points.plane(of: data, for: plot)
        let figure = plot.makeFigure(width: 480, height: 420)
        let axes = figure.addAxes()
        axes.title = plot.title ?? PlotSupport.capitalized(data.title)
        points.draw(on: axes, plane: plane, data: data)
        var parts = [String]()
        if points.show.contains(.training) { parts.append("\(NumberText.grouped(plane.training.count)) training points") }
        if let test = plane.test { parts.append("\(NumberText.grouped(test.count)) test points (paler)") }
        let counts = zip(PlotSupport.classNames(data), plane.training.classCounts).map { name, count in
            "\(name.allSatisfy(\.isNumber) ? "class \(name)" : name): \(NumberText.grouped(count))"
        }
        let mapped = points.space == .features ? data.featureMap.map { " after the feature map \($0.name)" } ?? "" : ""
        let caption = "The data of \(data.title)\(mapped): \(parts.joined(separator: " and ")), coloured by class (training \(counts.joined(separator: ", ")))."
        return PlotOutput(figure: figure, caption: caption, alternativeText: "Scatter plot of \(data.title) by class.")
    }
}

@used @section("lessons_plot_kinds")
private let registration: RegistryRecord = { DataPlot.registryRecord }
