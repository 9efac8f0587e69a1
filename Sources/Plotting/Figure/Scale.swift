import Foundation

/// How data values are spaced along an axis.
public enum ScaleKind: Sendable {
    /// Equal steps in value take equal distances.
    case linear
    /// Equal ratios take equal distances (base 10); for losses that fall over decades.
    case log
}

/// A map from a data interval (the axis limits) onto an interval of figure points.
public struct Scale: Sendable {
    /// Linear or logarithmic.
    public let kind: ScaleKind
    /// The data value at the start of the axis.
    public let lower: Double
    /// The data value at the end of the axis.
    public let upper: Double
    /// The figure coordinate of `lower`.
    public let start: Double
    /// The figure coordinate of `upper`.
    public let end: Double

    /// Creates a scale.
    public init(kind: ScaleKind, lower: Double, upper: Double, start: Double, end: Double) {
        self.kind = kind
        self.lower = lower
        self.upper = upper
        self.start = start
        self.end = end
    }

    private func transform(_ value: Double) -> Double {
        kind == .log ? log10(max(value, Double.leastNormalMagnitude)) : value
    }

    /// The figure coordinate of a data value.
    public func map(_ value: Double) -> Double {
        let a = transform(lower)
        let b = transform(upper)
        guard b != a else { return (start + end) / 2 }
        return start + (transform(value) - a) / (b - a) * (end - start)
    }

    /// The data value at a figure coordinate.
    public func invert(_ coordinate: Double) -> Double {
        let a = transform(lower)
        let b = transform(upper)
        let fraction = end != start ? (coordinate - start) / (end - start) : 0.5
        let value = a + fraction * (b - a)
        return kind == .log ? pow(10, value) : value
    }

    /// Whether a data value lies within the limits.
    public func contains(_ value: Double) -> Bool {
        value >= min(lower, upper) && value <= max(lower, upper)
    }
}
