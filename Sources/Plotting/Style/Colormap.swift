/// A map from numbers in `0...1` to colours, looked up in a 256-entry table as matplotlib does.
///
/// Build one from colour stops (linear interpolation in sRGB between them), or use the
/// built-in maps: ``viridis`` (sequential, perceptually uniform), ``redBlue`` (diverging, for
/// probabilities around 0.5 and signed weights), ``blues`` (sequential, for counts) and
/// ``grayInverted`` (white to black, for digits).
public struct Colormap: Sendable {
    /// The map's name, for legends and debugging.
    public let name: String
    /// The 256 colours of the lookup table, from the low end to the high end.
    public let table: [Color]
    let packedTable: [UInt32]

    /// The number of entries in the lookup table.
    public static let tableSize = 256

    /// Creates a colormap by interpolating between evenly spaced colour stops.
    public init(name: String, stops: [Color]) {
        precondition(stops.count >= 2, "Colormap \(name): needs at least two stops")
        let positions = (0..<stops.count).map { Double($0) / Double(stops.count - 1) }
        self.init(name: name, stops: Array(zip(positions, stops)))
    }

    /// Creates a colormap by interpolating between colour stops at positions in `0...1`
    /// (ascending, from 0 to 1).
    public init(name: String, stops: [(position: Double, color: Color)]) {
        precondition(stops.count >= 2, "Colormap \(name): needs at least two stops")
        var table: [Color] = []
        table.reserveCapacity(Colormap.tableSize)
        var segment = 0
        for index in 0..<Colormap.tableSize {
            let t = Double(index) / Double(Colormap.tableSize - 1)
            while segment < stops.count - 2 && t > stops[segment + 1].position { segment += 1 }
            let (p0, c0) = stops[segment]
            let (p1, c1) = stops[segment + 1]
            let fraction = p1 > p0 ? (t - p0) / (p1 - p0) : 0
            // Round to 8 bits here, so a colour read back from a PNG equals the table's colour.
            let rgba = c0.mixed(with: c1, fraction: fraction).rgba8
            table.append(
                Color(
                    red: Double(rgba.red) / 255, green: Double(rgba.green) / 255,
                    blue: Double(rgba.blue) / 255, alpha: Double(rgba.alpha) / 255))
        }
        self.name = name
        self.table = table
        self.packedTable = table.map(RasterImage.packed)
    }

    /// The table index for a normalized value: `⌊t · 256⌋` clamped to `0...255`; NaN maps to 0.
    public static func index(for t: Double) -> Int {
        guard t.isFinite else { return t == .infinity ? tableSize - 1 : 0 }
        return min(max(Int((t * Double(tableSize)).rounded(.down)), 0), tableSize - 1)
    }

    /// The colour for a value in `0...1` (values outside are clamped).
    public func color(at t: Double) -> Color { table[Colormap.index(for: t)] }

    /// The colour for `value` with `range` stretched onto the map.
    public func color(for value: Double, in range: ClosedRange<Double>) -> Color {
        color(at: Colormap.normalize(value, in: range))
    }

    /// The packed pixel value for `value` in `range` (fast path for images).
    func packedColor(for value: Double, in range: ClosedRange<Double>) -> UInt32 {
        packedTable[Colormap.index(for: Colormap.normalize(value, in: range))]
    }

    /// `(value − lower) / (upper − lower)`, or 0.5 for an empty range.
    static func normalize(_ value: Double, in range: ClosedRange<Double>) -> Double {
        let span = range.upperBound - range.lowerBound
        return span > 0 ? (value - range.lowerBound) / span : 0.5
    }

    /// The same map running from the high end to the low end.
    public var reversed: Colormap {
        Colormap(name: name + "_r", stops: table.reversed())
    }
}
