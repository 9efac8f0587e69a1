import Testing

@testable import Plotting

/// Pixels of image grids, weight images and confusion matrices.
@Suite struct ImageAndMatrixPixelTests {
    @Test func imagePixelsHaveTheirColourMapColoursWithRowZeroOnTop() throws {
        let image: [[Double]] = [[0, 0.25], [0.75, 1]]
        let figure = Figure(width: 200, height: 200)
        let axes = figure.addAxes()
        axes.image(image, colormap: .viridis, range: 0...1)
        let bitmap = try figure.bitmap()
        for row in 0..<2 {
            for column in 0..<2 {
                let point = try #require(axes.figurePoint(x: Double(column) + 0.5, y: Double(row) + 0.5))
                expectPixel(bitmap, at: point, equals: Colormap.viridis.color(at: image[row][column]).rgba8)
            }
        }
        // Row 0 is the upper row.
        let top = try #require(axes.figurePoint(x: 0.5, y: 0.5))
        let bottom = try #require(axes.figurePoint(x: 0.5, y: 1.5))
        #expect(top.y < bottom.y)
    }

    @Test func mistakesInAnImageGridAreFramedInVermillion() throws {
        let blank = [[Double]](repeating: [Double](repeating: 0, count: 28), count: 28)
        let figure = Figure.imageGrid(
            [blank, blank], columns: 2, captions: ["1 → 1", "7 → 1"], mistakes: [false, true])
        let bitmap = try figure.bitmap()
        let wrong = try #require(figure.axes[1].frame)
        let right = try #require(figure.axes[0].frame)
        let onWrongFrame = Point(x: wrong.rect.center.x, y: wrong.rect.minY)
        expectPixel(bitmap, at: onWrongFrame, equals: Palette.mistake.rgba8, tolerance: 2)
        let onRightFrame = Point(x: right.rect.center.x, y: right.rect.minY)
        #expect(bitmap.color(at: onRightFrame).distance(to: Palette.mistake.rgba8) > 60)
    }

    @Test func flatImagesAreReshapedRowByRow() throws {
        // One 2 × 2 image given flat: ink only in the top-right pixel.
        let figure = Figure.imageGrid(flatImages: [[0, 1, 0, 0]], imageWidth: 2)
        let bitmap = try figure.bitmap()
        let axes = figure.axes[0]
        expectPixel(
            bitmap, at: try #require(axes.figurePoint(x: 1.5, y: 0.5)), equals: RGBA8(red: 0, green: 0, blue: 0))
        expectPixel(bitmap, at: try #require(axes.figurePoint(x: 0.5, y: 1.5)), equals: white)
    }

    @Test func weightImagesUseASymmetricDivergingRange() throws {
        // 4 inputs (a 2 × 2 image) and one unit: weights −2, 0, 1, 2.
        let figure = Figure.weightImages([[-2], [0], [1], [2]], imageWidth: 2)
        let bitmap = try figure.bitmap()
        let axes = figure.axes[0]
        let expectations: [(Double, Double, Double)] = [(0.5, 0.5, -2), (1.5, 0.5, 0), (0.5, 1.5, 1), (1.5, 1.5, 2)]
        for (x, y, w) in expectations {
            let point = try #require(axes.figurePoint(x: x, y: y))
            expectPixel(bitmap, at: point, equals: Colormap.redBlue.color(for: w, in: -2...2).rgba8)
        }
    }

    @Test func confusionMatrixCellsAreShadedByCountAndLabelled() throws {
        let counts = [[50, 2], [0, 40]]
        let figure = Figure(width: 360, height: 320)
        let axes = figure.addAxes()
        axes.confusionMatrix(counts, classNames: ["no", "yes"])
        let bitmap = try figure.bitmap()
        for row in 0..<2 {
            for column in 0..<2 {
                // Near the cell's corner there is only the shade; the count sits in the middle.
                let corner = try #require(axes.figurePoint(x: Double(column) + 0.1, y: Double(row) + 0.1))
                let shade = Colormap.blues.color(for: Double(counts[row][column]), in: 0...50)
                expectPixel(bitmap, at: corner, equals: shade.rgba8)
            }
        }
        // The dark top-left cell's count is written in white: some pixel near its centre is white.
        let frame = try #require(axes.frame)
        let center = frame.point(x: 0.5, y: 0.5)
        var foundWhite = false
        for dx in stride(from: -8.0, through: 8.0, by: 0.5) {
            for dy in stride(from: -4.0, through: 4.0, by: 0.5)
            where bitmap.color(at: Point(x: center.x + dx, y: center.y + dy)) == white {
                foundWhite = true
            }
        }
        #expect(foundWhite)
        // True classes run down (row 0 on top), predicted classes across.
        #expect(frame.point(x: 0.5, y: 0.5).y < frame.point(x: 0.5, y: 1.5).y)
    }

    /// In a phone-wide figure a ten-class matrix's cells are about 22 points: its counts are set
    /// as large as the widest count fits, not at 0.3 of a cell (6.5 points, unreadable on a phone).
    @Test func countsAreAsLargeAsTheirCellsAllow() throws {
        let counts = (0..<10).map { row in (0..<10).map { $0 == row ? 126 : 3 } }
        let figure = Figure(width: 340, height: 500)
        let axes = figure.addAxes()
        axes.confusionMatrix(counts)
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        let sizes = recording.commands.filter { $0.hasPrefix("text 126 @") }.compactMap { Double($0.split(separator: " ").last!) }
        #expect(sizes.count == 10)
        let cell = try #require(axes.frame).rect.width / 10
        for size in sizes {
            #expect(size > 0.38 * cell, "count set at \(size) points in a \(cell)-point cell")
            #expect(0.6 * size * 3 <= cell - 3, "a count fits its cell")
        }
    }
}
