import Foundation

extension Axes {
    /// The x and y limits: those set by the caller, else the marks' bounds with a margin that
    /// does not cross the bounds of tight marks (heatmaps and images end at their edges).
    func resolvedLimits() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var tight: DataBounds?
        var loose: DataBounds?
        for mark in marks {
            guard let bounds = mark.bounds else { continue }
            if bounds.isTight {
                tight = tight.map { $0.union(bounds) } ?? bounds
            } else {
                loose = loose.map { $0.union(bounds) } ?? bounds
            }
        }
        let x = xLimits ?? Self.limits(tight: tight?.x, loose: loose?.x, kind: xScale)
        let y = yLimits ?? Self.limits(tight: tight?.y, loose: loose?.y, kind: yScale)
        return (x, y)
    }

    private static func limits(
        tight: ClosedRange<Double>?, loose: ClosedRange<Double>?, kind: ScaleKind
    ) -> ClosedRange<Double> {
        guard let loose else {
            return tight.map(widened) ?? (kind == .log ? 0.1...10 : 0...1)
        }
        var low = loose.lowerBound
        var high = loose.upperBound
        if kind == .log {
            low = max(low, Double.leastNormalMagnitude)
            high = max(high, low)
            let factor = high > low ? pow10((log10(high) - log10(low)) * 0.05) : 2
            low /= factor
            high *= factor
        } else {
            let span = high - low
            let margin = span > 0 ? span * 0.05 : max(abs(low) * 0.1, 0.5)
            low -= margin
            high += margin
        }
        if let tight {
            // A margin never reaches past a tight mark's edge if the loose marks lie inside it.
            low = loose.lowerBound >= tight.lowerBound ? tight.lowerBound : min(low, tight.lowerBound)
            high = loose.upperBound <= tight.upperBound ? tight.upperBound : max(high, tight.upperBound)
        }
        return low...high
    }

    private static func widened(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        range.upperBound > range.lowerBound ? range : (range.lowerBound - 0.5)...(range.upperBound + 0.5)
    }
}

private func pow10(_ exponent: Double) -> Double { pow(10, exponent) }
