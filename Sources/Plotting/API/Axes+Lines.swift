/// The dash patterns for lines.
public enum LineDash: Sendable {
    /// A solid line.
    case solid
    /// Long dashes (validation curves, hidden units' lines).
    case dashed
    /// Dots.
    case dotted
    /// Dash and dot.
    case dashDot

    func pattern(width: Double) -> [Double] {
        switch self {
        case .solid: []
        case .dashed: [3.7 * width, 1.6 * width]
        case .dotted: [width, 1.65 * width]
        case .dashDot: [6.4 * width, 1.6 * width, width, 1.6 * width]
        }
    }
}

extension Axes {
    /// Draws a line through `(x[i], y[i])`; without `x`, the points are `(1, y[0])`,
    /// `(2, y[1])`, … (epochs).
    ///
    /// - Parameters:
    ///   - x: The x values, or `nil` for 1, 2, 3, …
    ///   - y: The y values; NaN breaks the line.
    ///   - label: The legend label.
    ///   - color: The colour (default: the next cycle colour).
    ///   - width: The width in points.
    ///   - dash: The dash pattern.
    ///   - marker: A marker at every point, if any.
    public func line(
        x: [Double]? = nil, y: [Double], label: String? = nil, color: Color? = nil, width: Double = Theme.lineWidth,
        dash: LineDash = .solid, marker: MarkerShape? = nil
    ) {
        let xs = x ?? (0..<y.count).map { Double($0 + 1) }
        if x == nil { xTicksAreIntegers = true }
        let style = StrokeStyle(
            color: color ?? nextColor(), width: width, dash: dash.pattern(width: width),
            cap: dash == .solid ? .round : .butt,
            join: .round)
        add(LineMark(x: xs, y: y, style: style, marker: marker, label: label))
    }

    /// Draws several named series per epoch (1, 2, 3, …) in the colour cycle, each with a
    /// legend entry: losses of several runs, training and validation accuracy.
    public func curves(_ series: [(name: String, values: [Double])], dash: LineDash = .solid) {
        for (name, values) in series { line(y: values, label: name, dash: dash) }
    }

    /// Draws `function` sampled at `samples` evenly spaced points of `domain`.
    public func function(
        _ function: (Double) -> Double, over domain: ClosedRange<Double>, samples: Int = 401, label: String? = nil,
        color: Color? = nil, width: Double = Theme.lineWidth, dash: LineDash = .solid
    ) {
        precondition(samples >= 2, "function: needs at least 2 samples, got \(samples)")
        let step = (domain.upperBound - domain.lowerBound) / Double(samples - 1)
        let xs = (0..<samples).map { domain.lowerBound + Double($0) * step }
        line(x: xs, y: xs.map(function), label: label, color: color, width: width, dash: dash)
    }

    /// Draws the decision line `w₁x + w₂y + b = 0` of a linear classifier across the axes.
    ///
    /// - Parameters:
    ///   - weights: `[w₁, w₂]`.
    ///   - bias: `b`.
    ///   - label: The legend label (e.g. "h₁").
    ///   - color: The colour (default: dark grey).
    ///   - dash: The dash pattern.
    ///   - showsDirection: Whether an arrow along `w` marks the side classified as 1.
    public func decisionLine(
        weights: [Double], bias: Double, label: String? = nil, color: Color? = nil, dash: LineDash = .solid,
        showsDirection: Bool = false
    ) {
        precondition(weights.count == 2, "decisionLine: needs 2 weights, got \(weights.count)")
        let style = StrokeStyle(
            color: color ?? Palette.ink, width: Theme.lineWidth, dash: dash.pattern(width: Theme.lineWidth))
        add(
            DecisionLineMark(
                weights: (weights[0], weights[1]), bias: bias, style: style, label: label,
                showsDirection: showsDirection))
    }

    /// Draws each hidden unit's decision line, labelled h₁, h₂, … in the colour cycle.
    ///
    /// - Parameters:
    ///   - weights: `2 × n` weights, as the engine stores them (one column per hidden unit).
    ///   - biases: `n` biases.
    ///   - dash: The dash pattern.
    public func hiddenUnitLines(weights: [[Double]], biases: [Double], dash: LineDash = .dashed) {
        precondition(weights.count == 2, "hiddenUnitLines: weights must have 2 rows (inputs), got \(weights.count)")
        for unit in biases.indices {
            decisionLine(
                weights: [weights[0][unit], weights[1][unit]], bias: biases[unit],
                label: "h" + subscriptDigits(unit + 1),
                color: Palette.color(unit + 2), dash: dash)
        }
    }
}

/// `12` → `₁₂`.
func subscriptDigits(_ number: Int) -> String {
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(String(number).map { $0.isNumber ? digits[Int(String($0))!] : $0 })
}

extension Axes {
    /// Draws the iterates of an optimisation (gradient descent on f(x, y)) as a path of
    /// arrows from a large start dot to an end star.
    ///
    /// - Parameters:
    ///   - points: The iterates, first to last.
    ///   - label: The legend label of the steps.
    ///   - startLabel: The legend label of the start dot, if it gets a row.
    ///   - endLabel: The legend label of the end star, if it gets a row.
    ///   - color: The colour.
    public func path(
        _ points: [(Double, Double)], label: String? = nil, startLabel: String? = nil, endLabel: String? = nil,
        color: Color = Palette.color(1)
    ) {
        add(
            PathMark(
                points: points.map { (x: $0.0, y: $0.1) }, color: color, label: label, startLabel: startLabel,
                endLabel: endLabel))
    }
}
