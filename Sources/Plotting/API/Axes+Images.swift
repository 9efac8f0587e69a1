extension Axes {
    /// Shows a small image of values (top row first) with square pixels and no ticks.
    ///
    /// - Parameters:
    ///   - pixels: The values, e.g. a 28 × 28 digit with ink in `0...1`.
    ///   - colormap: The colour map (ink on paper by default; ``Colormap/redBlue`` for weights).
    ///   - range: The values at the two ends of the map.
    public func image(_ pixels: [[Double]], colormap: Colormap = .grayInverted, range: ClosedRange<Double> = 0...1) {
        add(ImageMark(pixels: pixels, colormap: colormap, range: range))
        hideAxes()
        yInverted = true
        equalAspect = true
    }

    /// Shows a confusion matrix: rows are true classes, columns predicted classes, each cell
    /// shaded by its count and labelled with it.
    ///
    /// - Parameters:
    ///   - counts: `k × k` counts, `counts[true][predicted]`.
    ///   - classNames: Names for the classes (default "0", "1", …).
    ///   - colormap: The shading (ColorBrewer Blues by default).
    public func confusionMatrix(_ counts: [[Int]], classNames: [String]? = nil, colormap: Colormap = .blues) {
        let k = counts.count
        precondition(
            k > 0 && counts.allSatisfy { $0.count == k }, "confusionMatrix: counts must be a square k × k array")
        let names = classNames ?? (0..<k).map(String.init)
        precondition(names.count == k, "confusionMatrix: \(names.count) class names for \(k) classes")
        let mark = ConfusionMatrixMark(counts: counts, colormap: colormap)
        add(mark)
        let ticks = (0..<k).map { Tick(Double($0) + 0.5, names[$0]) }
        xTicks = .fixed(ticks)
        yTicks = .fixed(ticks)
        xLimits = 0...Double(k)
        yLimits = 0...Double(k)
        yInverted = true
        showsGrid = false
        equalAspect = true
        if xLabel == nil { xLabel = "predicted class" }
        if yLabel == nil { yLabel = "true class" }
        showColorbar(colormap, range: mark.range, label: "count")
    }
}
