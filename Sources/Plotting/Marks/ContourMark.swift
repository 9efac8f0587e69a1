/// Lines where a sampled function equals given levels (the 0.5 decision boundary, or the
/// level curves of f(x, y)), optionally labelled with their values.
public struct ContourMark: Mark {
    /// The sampled function.
    public var grid: ValueGrid
    /// The levels to trace.
    public var levels: [Double]
    /// The line style; its colour is used unless a colour map is given.
    public var style: StrokeStyle
    /// Colours the levels from low to high, if given.
    public var colormap: Colormap?
    /// Whether each level's value is written on one of its lines, where it covers no other mark.
    public var showsLevelLabels: Bool
    /// Whether the lines and labels keep their colours in every appearance: for contours drawn
    /// over a colour map that is the same in the dark (viridis), where white lines stay white.
    public var keepsColors: Bool
    /// The legend label.
    public var label: String?

    /// Creates a contour mark.
    public init(
        grid: ValueGrid, levels: [Double], style: StrokeStyle = Theme.contour, colormap: Colormap? = nil,
        showsLevelLabels: Bool = false, keepsColors: Bool = false, label: String? = nil
    ) {
        self.grid = grid
        self.levels = levels
        self.style = style
        self.colormap = colormap
        self.showsLevelLabels = showsLevelLabels
        self.keepsColors = keepsColors
        self.label = label
    }

    /// The data rectangle the mark covers, for the axis limits.
    public var bounds: DataBounds? { DataBounds(x: grid.x, y: grid.y, isTight: true) }

    /// The legend rows this mark adds.
    public var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(label: $0, color: style.color, line: style)] } ?? []
    }

    /// A contour named in the legend (a decision boundary) is data a legend should not hide:
    /// its lines, every 6 points; unnamed level curves cover the plane and occupy nothing.
    public func occupiedPoints(in frame: PlotFrame) -> [Point] {
        guard label != nil else { return [] }
        var points: [Point] = []
        for level in levels {
            for line in MarchingSquares.polylines(grid, level: level) {
                var previous: Point?
                for p in line.map({ frame.point(x: $0.x, y: $0.y) }) {
                    if let previous, previous.distance(to: p) < 6 { continue }
                    points.append(p)
                    previous = p
                }
            }
        }
        return points
    }

    /// The colour of a level: from the colour map over the levels' range, else the style's.
    func color(ofLevel index: Int) -> Color {
        guard let colormap, let low = levels.min(), let high = levels.max(), high > low else { return style.color }
        return colormap.color(for: levels[index], in: low...high)
    }

    /// Draws the mark inside the plot area (labels placed with nothing else to avoid).
    public func draw(in frame: PlotFrame, renderer: any Renderer) {
        draw(in: frame, renderer: renderer, avoiding: [])
    }

    /// Draws the lines, then each level's label on its line at the spot farthest right and
    /// down (away from the corners) whose box keeps ``labelClearance`` from `obstacles` (the
    /// points other marks occupy: a gradient-descent path, data) and from the labels placed
    /// before it; if no spot is that clear, at the clearest.
    func draw(in frame: PlotFrame, renderer: any Renderer, avoiding obstacles: [Point]) {
        if keepsColors, renderer.appearance != .light {
            renderer.withAppearance(.light) { draw(in: frame, renderer: renderer, avoiding: obstacles) }
            return
        }
        var labels: [(text: String, at: Point)] = []
        var taken: [Rect] = []
        for (index, level) in levels.enumerated() {
            var lineStyle = style
            lineStyle.color = color(ofLevel: index)
            let lines = MarchingSquares.polylines(grid, level: level).map { line in
                line.map { frame.point(x: $0.x, y: $0.y) }
            }
            var path = Path()
            for line in lines { path.addPolyline(line) }
            renderer.stroke(path, style: lineStyle)
            guard showsLevelLabels else { continue }
            let text = TickLocator.compact(level)
            let extents = renderer.measure(text, style: Theme.annotation)
            let inner = frame.rect.inset(by: 12)
            let candidates = lines.flatMap { $0 }.filter { inner.contains($0) }
            if let spot = Self.labelSpot(
                candidates: candidates, size: Size(width: extents.width + 6, height: extents.capHeight + 6),
                obstacles: obstacles, taken: taken)
            {
                labels.append((text, spot))
                taken.append(Self.box(at: spot, width: extents.width, capHeight: extents.capHeight))
            }
        }
        for label in labels {
            let extents = renderer.measure(label.text, style: Theme.annotation)
            var box = Path()
            box.addRoundedRect(Self.box(at: label.at, width: extents.width, capHeight: extents.capHeight), radius: 2)
            renderer.fill(box, color: Color.white.withAlpha(0.85))
            renderer.drawText(label.text, at: label.at, style: Theme.annotation, anchor: .center)
        }
    }

    /// The clearance a label box keeps from the points of other marks, if its line allows:
    /// among the spots this clear, the one farthest right and down wins.
    static let labelClearance = 16.0

    /// A label's box, centred at `at`, with a 3-point margin around the text.
    static func box(at point: Point, width: Double, capHeight: Double) -> Rect {
        Rect(x: point.x - width / 2 - 3, y: point.y - capHeight / 2 - 3, width: width + 6, height: capHeight + 6)
    }

    /// Of `candidates` (points on a level's line), the one farthest right and down whose box of
    /// `size` keeps ``labelClearance`` from every obstacle and every box taken; without one, the
    /// candidate whose box keeps the most.
    static func labelSpot(candidates: [Point], size: Size, obstacles: [Point], taken: [Rect]) -> Point? {
        // This runs for every candidate against every obstacle, for every frame of an animated
        // path, so it is written for a debug build: plain comparisons (the variadic
        // `max(_:_:_:)` builds an array per call), squared distances (the square root of the
        // least square is the least distance, exactly), and the candidates tried from the most
        // preferred down, each given up at its first obstacle that is too close. The spot is
        // the one the plain search over every candidate finds.
        func gap(_ low: Double, _ high: Double) -> Double { low > 0 ? low : high > 0 ? high : 0 }
        // The obstacles (boxes of no size) and then the boxes taken, as the corners each label
        // box keeps its distance from.
        let boxes = obstacles.map { Rect(x: $0.x, y: $0.y, width: 0, height: 0) } + taken
        /// The least squared distance from the box at `p` to an obstacle or a taken box, or a
        /// smaller one than `stop` as soon as one is found.
        func squaredClearance(_ p: Point, stoppingBelow stop: Double = -1) -> Double {
            let minX = p.x - size.width / 2, maxX = minX + size.width
            let minY = p.y - size.height / 2, maxY = minY + size.height
            var nearest = Double.infinity
            for other in boxes {
                let dx = gap(minX - other.maxX, other.minX - maxX)
                let dy = gap(minY - other.maxY, other.minY - maxY)
                let square = dx * dx + dy * dy
                if square < nearest {
                    nearest = square
                    if square < stop { return square }
                }
            }
            return nearest
        }
        func preference(_ p: Point) -> Double { p.x + 0.5 * p.y }
        // The clear spot farthest right and down (the first of equals): the first clear one in
        // order of preference. A square below `stop` has a root below the clearance.
        let stop = labelClearance * labelClearance * (1 - 1e-9)
        let order = candidates.indices.sorted {
            let (a, b) = (preference(candidates[$0]), preference(candidates[$1]))
            return a != b ? a > b : $0 < $1
        }
        for index in order where squaredClearance(candidates[index], stoppingBelow: stop).squareRoot() >= labelClearance {
            return candidates[index]
        }
        // None is clear: the clearest (the first of equals).
        var bestClear: Point?
        var bestClearance = -Double.infinity
        for candidate in candidates {
            let c = squaredClearance(candidate).squareRoot()
            if c > bestClearance {
                bestClearance = c
                bestClear = candidate
            }
        }
        return bestClear
    }
}

/// A mark that places something (labels) where the other marks of its axes are not: the axes
/// hand it the points they occupy.
protocol ObstacleAwareMark: Mark {
    /// Whether the mark needs the obstacles at all (computing them costs a pass over the marks).
    var needsObstacles: Bool { get }
    /// Draws the mark, keeping what it places clear of `obstacles`.
    func draw(in frame: PlotFrame, renderer: any Renderer, avoiding obstacles: [Point])
}

extension ContourMark: ObstacleAwareMark {
    var needsObstacles: Bool { showsLevelLabels }
}
