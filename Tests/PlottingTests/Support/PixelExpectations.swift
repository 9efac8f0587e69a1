import Plotting
import Testing

/// Checks that the pixel under a figure point has the expected colour, within `tolerance`
/// per 8-bit component.
func expectPixel(
    _ bitmap: Bitmap, at point: Point, equals expected: RGBA8, tolerance: Int = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = bitmap.color(at: point)
    #expect(
        actual.distance(to: expected) <= tolerance,
        "pixel at (\(point.x), \(point.y)) pt is \(actual), expected \(expected) ± \(tolerance)",
        sourceLocation: sourceLocation)
}

/// Whether a pixel is dark (each component below `threshold`): a stroke in the ink colour.
func isDark(_ color: RGBA8, threshold: UInt8 = 110) -> Bool {
    color.red < threshold && color.green < threshold && color.blue < threshold
}

/// The colour of opaque white.
let white = RGBA8(red: 255, green: 255, blue: 255)

/// Renders a figure and returns its pixels, failing the test on a Cairo error.
func pixels(of figure: Figure, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bitmap {
    try figure.bitmap()
}
