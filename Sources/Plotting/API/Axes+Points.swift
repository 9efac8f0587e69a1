extension Axes {
    /// Draws points as markers; with `classes`, each class gets its own colour and shape and a
    /// legend entry (named by `classNames`, else "class 0", "class 1", …).
    ///
    /// - Parameters:
    ///   - points: The points in data coordinates.
    ///   - classes: The class of each point, if any.
    ///   - classNames: Legend names indexed by class.
    ///   - labels: Text written beside each point (e.g. "(0, 1)").
    ///   - color: The colour when there are no classes (default: the next cycle colour).
    ///   - marker: The shape when there are no classes.
    ///   - size: The marker diameter in points.
    ///   - label: The legend label when there are no classes.
    public func scatter(
        points: [(Double, Double)], classes: [Int]? = nil, classNames: [String]? = nil, labels: [String]? = nil,
        color: Color? = nil, marker: MarkerShape = .circle, size: Double = Theme.markerSize, label: String? = nil
    ) {
        add(
            ScatterMark(
                points: points.map { (x: $0.0, y: $0.1) }, classes: classes, classNames: classNames,
                pointLabels: labels,
                color: color ?? (classes == nil ? nextColor() : Palette.color(0)), marker: marker, size: size,
                label: label))
    }

    /// Draws points given as rows `[x, y, …]` (extra columns are ignored), as
    /// ``scatter(points:classes:classNames:labels:color:marker:size:label:)`` does.
    public func scatter(
        rows: [[Double]], classes: [Int]? = nil, classNames: [String]? = nil, labels: [String]? = nil,
        color: Color? = nil, marker: MarkerShape = .circle, size: Double = Theme.markerSize, label: String? = nil
    ) {
        for (index, row) in rows.enumerated() {
            precondition(row.count >= 2, "scatter: row \(index) has \(row.count) values, needs x and y")
        }
        scatter(
            points: rows.map { ($0[0], $0[1]) }, classes: classes, classNames: classNames, labels: labels, color: color,
            marker: marker, size: size, label: label)
    }

    /// Draws points given as separate x and y arrays.
    public func scatter(
        x: [Double], y: [Double], classes: [Int]? = nil, classNames: [String]? = nil, labels: [String]? = nil,
        color: Color? = nil, marker: MarkerShape = .circle, size: Double = Theme.markerSize, label: String? = nil
    ) {
        precondition(x.count == y.count, "scatter: \(x.count) x values for \(y.count) y values")
        scatter(
            points: Array(zip(x, y)), classes: classes, classNames: classNames, labels: labels, color: color,
            marker: marker, size: size, label: label)
    }

    /// Writes text at a data point.
    public func text(
        _ text: String, x: Double, y: Double, anchor: TextAnchor = TextAnchor(.left, .bottom),
        color: Color = Palette.ink
    ) {
        add(
            TextMark(
                text: text, x: x, y: y, anchor: anchor, style: TextStyle(size: Theme.annotation.size, color: color)))
    }
}
