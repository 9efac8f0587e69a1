import Foundation

/// A tick on an axis: a data position and its label.
public struct Tick: Hashable, Sendable {
    /// The data value.
    public var value: Double
    /// The label shown beside the tick.
    public var label: String

    /// Creates a tick.
    public init(_ value: Double, _ label: String) {
        self.value = value
        self.label = label
    }
}

/// Which ticks an axis shows.
public enum TickPlacement: Sendable {
    /// "Nice" values chosen from the limits (1, 2, 2.5 or 5 times a power of ten).
    case automatic
    /// Exactly these ticks (category names, digit classes).
    case fixed([Tick])
    /// No ticks and no tick labels.
    case hidden
}

/// Chooses tick values and formats their labels.
enum TickLocator {
    /// Nice ticks within `lower...upper`, aiming for about `target` of them.
    ///
    /// With `integers`, steps are whole numbers other than 2.5 (epochs, counts).
    static func linear(lower: Double, upper: Double, target: Int, integers: Bool = false) -> [Tick] {
        let span = upper - lower
        guard span > 0, span.isFinite else { return [Tick(lower, format(lower, step: 1))] }
        var step = niceStep(span / Double(max(target, 2)))
        // Steps of 2.5 read worse than steps of 2; take 2 when it gives at most two more ticks.
        let base = pow(10, Foundation.floor(log10(step)))
        if abs(step / base - 2.5) < 1e-9, span / (2 * base) <= Double(target + 2) { step = 2 * base }
        if integers {
            step = max(1, step)
            let magnitude = pow(10, Foundation.floor(log10(step)))
            if abs(step / magnitude - 2.5) < 1e-9 { step = 2 * magnitude }
        }
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let value = k * step
            return Tick(value, format(value, step: step))
        }
    }

    /// Ticks at powers of ten (and at 2 and 5 times them when the limits span less than two
    /// decades) within `lower...upper`.
    static func log(lower: Double, upper: Double) -> [Tick] {
        guard lower > 0, upper > lower, upper.isFinite, log10(upper) < 300 else { return [] }
        let firstDecade = Int(log10(lower).rounded(.down))
        let lastDecade = Int(log10(upper).rounded(.up))
        let decades = log10(upper) - log10(lower)
        let multipliers: [Double] = decades < 2 ? [1, 2, 5] : [1]
        let every = max(1, Int((decades / 6).rounded(.up)))
        var ticks: [Tick] = []
        for exponent in firstDecade...lastDecade where (exponent - firstDecade) % every == 0 || multipliers.count > 1 {
            for m in multipliers {
                let value = m * pow(10, Double(exponent))
                guard value >= lower * (1 - 1e-9), value <= upper * (1 + 1e-9) else { continue }
                ticks.append(Tick(value, logLabel(mantissa: m, exponent: exponent, plain: decades < 2)))
            }
        }
        // Within a fraction of a decade (a loss between 0.31 and 0.36) use plain nice ticks.
        return ticks.count >= 2 ? ticks : linear(lower: lower, upper: upper, target: 4)
    }

    /// The step of 1, 2, 2.5 or 5 times a power of ten nearest to `rough` (on a log scale).
    static func niceStep(_ rough: Double) -> Double {
        let exponent = Foundation.floor(log10(rough))
        let base = pow(10, exponent)
        let fraction = rough / base
        let mantissa: Double =
            fraction < 1.42 ? 1 : fraction < 2.23 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.1 ? 5 : 10
        return mantissa * base
    }

    /// A label with as many decimals as the step needs, and a true minus sign.
    static func format(_ value: Double, step: Double) -> String {
        // Enough decimals that every multiple of the step prints exactly (0.25 needs two).
        var decimals = max(0, -Int(Foundation.floor(log10(step) + 1e-9)))
        while decimals < 8 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
            decimals += 1
        }
        let magnitude = abs(value)
        if magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-4) {
            return minus(String(format: "%.1e", value))
        }
        let text = String(format: "%.\(decimals)f", abs(value) < step * 1e-9 ? 0 : value)
        return minus(text)
    }

    /// A short label for a single value: at most three decimals, trailing zeros dropped
    /// ("20", "−0.5", "0.125").
    static func compact(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return minus(text)
    }

    /// A label for a power of ten: "0.01", "5", "1000" near the limits' scale, "10⁻⁴" beyond.
    static func logLabel(mantissa: Double, exponent: Int, plain: Bool) -> String {
        if plain || (-3...3).contains(exponent) {
            let value = mantissa * pow(10, Double(exponent))
            return format(value, step: pow(10, Double(min(exponent, 0))))
        }
        let superscripts: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
            "-": "⁻",
        ]
        let power = "10" + String(String(exponent).map { superscripts[$0] ?? $0 })
        return mantissa == 1 ? power : "\(Int(mantissa))×" + power
    }

    private static func minus(_ text: String) -> String {
        text.replacingOccurrences(of: "-", with: "\u{2212}")
    }
}
