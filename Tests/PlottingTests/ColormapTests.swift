import Testing

@testable import Plotting

@Suite struct ColormapTests {
    @Test func viridisEndsAtThePublishedColours() {
        // First and last entries of matplotlib's 256-entry viridis table.
        #expect(Colormap.viridis.color(at: 0).rgba8 == Color(red: 0.267004, green: 0.004874, blue: 0.329415).rgba8)
        #expect(Colormap.viridis.color(at: 1).rgba8 == Color(red: 0.993248, green: 0.906157, blue: 0.143936).rgba8)
        // Entry 128 is one of the stops.
        #expect(Colormap.viridis.table[128].rgba8 == Color(red: 0.127568, green: 0.566949, blue: 0.550556).rgba8)
    }

    @Test func viridisGetsLighterAlongTheMap() {
        let luminances = stride(from: 0.0, through: 1.0, by: 0.1).map { Colormap.viridis.color(at: $0).luminance }
        #expect(zip(luminances, luminances.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test(arguments: [(-1.0, 0), (0.0, 0), (0.5, 128), (0.999, 255), (1.0, 255), (7.0, 255), (Double.nan, 0)])
    func lookupIndexIsTheFloorOfValueTimes256(value: Double, index: Int) {
        #expect(Colormap.index(for: value) == index)
    }

    @Test func divergingMapIsNeutralInTheMiddleAndBlueBelowRedAbove() {
        let middle = Colormap.redBlue.color(for: 0.5, in: 0...1)
        #expect(middle.red > 0.9 && middle.green > 0.9 && middle.blue > 0.9)
        let low = Colormap.redBlue.color(for: -2, in: -2...2)
        let high = Colormap.redBlue.color(for: 2, in: -2...2)
        #expect(low.blue > low.red)
        #expect(high.red > high.blue)
    }

    @Test func categoricalPaletteCyclesAndShapesDiffer() {
        #expect(Palette.color(0) == Color(hex: 0x0072B2))
        #expect(Palette.color(1) == Color(hex: 0xD55E00))
        #expect(Palette.color(8) == Palette.color(0))
        #expect(MarkerShape.forClass(0) != MarkerShape.forClass(1))
    }
}
