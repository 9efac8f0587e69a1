import Foundation
import Testing

@testable import Plotting

/// WCAG's contrast ratio between two colours (1 to 21).
private func contrast(_ a: Color, _ b: Color) -> Double {
    func channel(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    func luminance(_ c: Color) -> Double {
        0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)
    }
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

private func color(_ rgba: RGBA8) -> Color {
    Color(red: Double(rgba.red) / 255, green: Double(rgba.green) / 255, blue: Double(rgba.blue) / 255)
}

/// The same figure in the light and the dark appearance: the light one as it always was, the dark
/// one with the page's dark background, light ink, readable class colours and dark colour maps.
@Suite struct AppearanceTests {
    private func scatterFigure() -> (Figure, Axes) {
        let figure = Figure(width: 320, height: 300)
        figure.title = "Points"
        let axes = figure.addAxes()
        axes.scatter(points: [(0, 0), (1, 1)], classes: [0, 1])
        axes.xLabel = "x"
        return (figure, axes)
    }

    @Test func theLightAppearanceDrawsTheSameBytesAsBefore() throws {
        let (figure, _) = scatterFigure()
        #expect(try figure.pngData() == figure.pngData(appearance: .light))
        for index in 0..<8 { #expect(Appearance.light.color(Palette.color(index)) == Palette.color(index)) }
        #expect(Appearance.light.colormap(.decisionRegions).table == Colormap.decisionRegions.table)
    }

    @Test func theDarkAppearanceTurnsTheGreysOver() throws {
        let (figure, axes) = scatterFigure()
        let bitmap = try figure.bitmap(appearance: .dark)
        // The background is the dark page's colour, at a corner and between the points.
        expectPixel(bitmap, at: Point(x: 1, y: 1), equals: Appearance.darkBackground.rgba8, tolerance: 1)
        expectPixel(
            bitmap, at: try #require(axes.figurePoint(x: 0.35, y: 0.65)), equals: Appearance.darkBackground.rgba8,
            tolerance: 1)
        // Ink becomes the dark page's text colour; white becomes the background.
        #expect(Appearance.dark.color(Palette.ink).rgba8.distance(to: Appearance.darkInk.rgba8) <= 1)
        #expect(Appearance.dark.color(.white).rgba8.distance(to: Appearance.darkBackground.rgba8) <= 1)
        // The frame (ink) is light: the left spine at mid-height.
        let frame = try #require(axes.frame)
        let spine = bitmap.color(at: Point(x: frame.rect.minX, y: frame.rect.center.y))
        #expect(color(spine).luminance > 0.75, "spine \(spine)")
        // Grid lines stay faint: darker than mid grey, lighter than the background.
        let gridLine = Appearance.dark.color(Palette.grid)
        #expect(gridLine.luminance < 0.3 && gridLine.luminance > Appearance.darkBackground.luminance)
    }

    @Test func classColoursKeepTheirHueAndReadOnTheDarkBackground() throws {
        let (figure, axes) = scatterFigure()
        let bitmap = try figure.bitmap(appearance: .dark)
        for (point, index) in [((0.0, 0.0), 0), ((1.0, 1.0), 1)] {
            let at = try #require(axes.figurePoint(x: point.0, y: point.1))
            expectPixel(bitmap, at: at, equals: Appearance.dark.color(Palette.color(index)).rgba8)
        }
        let mapped = Palette.okabeIto.map(Appearance.dark.color)
        for (light, dark) in zip(Palette.okabeIto, mapped) {
            #expect(contrast(dark, Appearance.darkBackground) >= 4.5, "\(light.rgba8) → \(dark.rgba8)")
            if max(light.red, light.green, light.blue) - min(light.red, light.green, light.blue) > 0.3 {
                // A saturated colour keeps its dominant channel.
                let lightOrder = [light.red, light.green, light.blue]
                let darkOrder = [dark.red, dark.green, dark.blue]
                #expect(lightOrder.firstIndex(of: lightOrder.max()!) == darkOrder.firstIndex(of: darkOrder.max()!))
            }
        }
        // The classes stay apart from one another.
        for i in mapped.indices {
            for j in mapped.indices where j > i {
                #expect(mapped[i].rgba8.distance(to: mapped[j].rgba8) > 40, "classes \(i) and \(j): \(mapped[i].rgba8) \(mapped[j].rgba8)")
            }
        }
    }

    @Test func colourMapsHaveDarkVersions() throws {
        let dark = Appearance.dark
        // Viridis reads on both backgrounds and stays as it is.
        #expect(dark.colormap(.viridis).table == Colormap.viridis.table)
        // Counts and ink run from the dark background to light colours.
        for map in [Colormap.blues, Colormap.grayInverted] {
            let table = dark.colormap(map).table
            #expect(table[0].luminance < 0.15, "\(map.name) starts dark")
            #expect(table[255].luminance > 0.6, "\(map.name) ends light")
        }
        // The diverging maps are dark in the middle and light at both ends.
        for map in [Colormap.redBlue, Colormap.decisionRegions] {
            let table = dark.colormap(map).table
            #expect(table[128].luminance < 0.15, "\(map.name) middle")
            #expect(table[0].luminance > table[128].luminance + 0.1 && table[255].luminance > table[128].luminance + 0.1)
            #expect(table[0].blue > table[0].red && table[255].red > table[255].blue, "\(map.name) keeps blue low, red high")
        }
        // A heatmap is drawn with the dark map, pixel for pixel.
        let figure = Figure(width: 300, height: 300)
        let axes = figure.addAxes()
        axes.heatmap(ValueGrid(values: [[0, 1]], x: 0...2, y: 0...1), colormap: .decisionRegions, range: 0...1)
        let bitmap = try figure.bitmap(appearance: .dark)
        let darkMap = dark.colormap(.decisionRegions)
        expectPixel(bitmap, at: try #require(axes.figurePoint(x: 0.5, y: 0.5)), equals: darkMap.color(at: 0).rgba8)
        expectPixel(bitmap, at: try #require(axes.figurePoint(x: 1.5, y: 0.5)), equals: darkMap.color(at: 1).rgba8)
    }

    @Test func regionTintsTurnIntoDarkTintsOfTheirClass() {
        let tints = (0..<3).map { Appearance.dark.color(Palette.regionTint($0)) }
        for (index, tint) in tints.enumerated() {
            #expect(tint.luminance < 0.35 && tint.luminance > Appearance.darkBackground.luminance + 0.03)
            // The tint leans the way its class colour does.
            let dark = Appearance.dark.color(Palette.color(index))
            let order = [dark.red, dark.green, dark.blue]
            let tintOrder = [tint.red, tint.green, tint.blue]
            #expect(order.firstIndex(of: order.max()!) == tintOrder.firstIndex(of: tintOrder.max()!))
        }
        #expect(tints[0].rgba8.distance(to: tints[1].rgba8) >= 40)
    }

    @Test func confusionCountsReadOnTheirCellsInBothAppearances() throws {
        let figure = Figure(width: 300, height: 300)
        let axes = figure.addAxes()
        axes.confusionMatrix([[9, 0], [0, 9]])
        for appearance in [Appearance.light, .dark] {
            let bitmap = try figure.bitmap(appearance: appearance)
            let map = appearance.colormap(.blues)
            for (row, column) in [(0, 0), (0, 1)] {
                let centre = try #require(axes.figurePoint(x: Double(column) + 0.5, y: Double(row) + 0.5))
                let cell = map.color(for: row == column ? 9 : 0, in: 0...9)
                // The pixel of the text that differs most from the cell contrasts with it.
                var strongest = 0.0
                for dx in stride(from: -4.0, through: 4, by: 0.5) {
                    for dy in stride(from: -4.0, through: 4, by: 0.5) {
                        let pixel = color(bitmap.color(at: Point(x: centre.x + dx, y: centre.y + dy)))
                        strongest = max(strongest, contrast(pixel, cell))
                    }
                }
                #expect(strongest > 4, "\(appearance.scheme) cell (\(row), \(column)): contrast \(strongest)")
            }
        }
    }

    @Test func theDarkFigureIsTheSameEveryTime() throws {
        let (figure, _) = scatterFigure()
        let first = try figure.pngData(appearance: .dark)
        #expect(try figure.pngData(appearance: .dark) == first)
        #expect(try figure.pngData() != first)
    }
}
