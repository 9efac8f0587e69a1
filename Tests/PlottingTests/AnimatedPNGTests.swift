import Foundation
import Testing

@testable import Plotting

/// The animated PNGs of `AnimatedPNG` and `Figure.animatedPNGData`, read back by an independent
/// reader (`PNGReader`): the chunks in order with valid CRCs, the frames' rectangles and delays,
/// and every frame's pixels against the figure it was drawn from.
@Suite struct AnimatedPNGTests {
    /// A perceptron-like frame: four points and a line whose slope depends on `k`.
    static func frame(_ k: Int, background: Color = .white) -> Figure {
        let figure = Figure(width: 240, height: 200)
        figure.background = background
        let axes = figure.addAxes()
        axes.title = "After update \(k)"
        axes.scatter(points: [(0, 0), (0, 1), (1, 0), (1, 1)], classes: [0, 1, 1, 0])
        axes.decisionLine(weights: [1, Double(k) - 1.5], bias: -0.5, showsDirection: true)
        axes.xLimits = -0.5...1.5
        axes.yLimits = -0.5...1.5
        axes.legendPlacement = .hidden
        return figure
    }

    /// The finished figure first, then the moments from the start, as the book orders them.
    static func frames(background: Color = .white) -> [Figure] {
        [frame(3, background: background), frame(0, background: background), frame(1, background: background),
            frame(2, background: background)]
    }

    static let delays: [AnimatedPNG.Delay] = [.centiseconds(200), .centiseconds(40), .centiseconds(40), .centiseconds(40)]

    static func animation(_ frames: [Figure] = frames(), appearance: Appearance = .light, byteLimit: Int? = nil) throws -> [UInt8] {
        try Figure.animatedPNGData(
            frames, delays: Array(delays.prefix(frames.count)), appearance: appearance, layout: frames[0].naturalLayout,
            byteLimit: byteLimit)
    }

    @Test func chunksComeInAPNGsOrderWithValidCRCs() throws {
        let png = PNGReader(try Self.animation())
        #expect(png.hasSignature)
        #expect(png.types == ["IHDR", "acTL", "fcTL", "IDAT", "fcTL", "fdAT", "fcTL", "fdAT", "fcTL", "fdAT", "IEND"])
        #expect(png.chunks.allSatisfy { $0.crcIsValid })
        // 480 × 400 pixels (2 per point), 8-bit RGB, deflate, filter method 0, no interlace.
        #expect(png.width == 480 && png.height == 400)
        #expect(Array(png.header[8...]) == [8, 2, 0, 0, 0])
        #expect(png.animationControl?.frames == 4 && png.animationControl?.plays == 0)
        // One sequence for fcTL and fdAT, from 0, each one more than the last.
        #expect(png.sequenceNumbers == Array(0..<7))
    }

    @Test func theFirstFrameIsTheWholeCanvasAndLaterOnesTheRectangleThatChanged() throws {
        let controls = PNGReader(try Self.animation()).frameControls
        #expect(controls.count == 4)
        #expect(controls[0] == .init(sequence: 0, width: 480, height: 400, x: 0, y: 0, delayNumerator: 200, delayDenominator: 100, dispose: 0, blend: 0))
        for control in controls.dropFirst() {
            #expect(control.x + control.width <= 480 && control.y + control.height <= 400)
            #expect(control.delayNumerator == 40 && control.delayDenominator == 100 && control.dispose == 0 && control.blend == 0)
            // The title and the plot change; the tick labels left of and under the plot do not.
            #expect(control.x > 0 && control.width < 480 && control.y + control.height < 400)
        }
    }

    @Test func theFirstFrameIsTheStillPixelForPixel() throws {
        let png = PNGReader(try Self.animation())
        let (pixels, filters) = PNGReader.pixels(png.frameData[0], width: png.width, height: png.height, channels: 3)
        #expect(filters.allSatisfy { $0 == 0 })
        let figure = Self.frames()[0]
        let still = try figure.bitmap()
        #expect(pixels == still.pngBytes(channels: 3))
        // The same pixels as Cairo's own PNG of the still, which libpng filters its own way.
        let cairo = PNGReader(try Self.frames()[0].pngData())
        #expect(cairo.types.filter { $0 == "IDAT" }.count >= 1 && !cairo.types.contains("acTL"))
        let cairoPixels = PNGReader.pixels(cairo.frameData[0], width: cairo.width, height: cairo.height, channels: cairo.channels).bytes
        #expect(pixels == cairoPixels)
        // At known places: the white page in the corner, the ink of the title, the class-0 point
        // at (0, 0) (blue) and the class-1 point at (0, 1) (vermillion).
        func pixel(_ point: Point) -> [UInt8] {
            let index = (Int(point.y * 2) * png.width + Int(point.x * 2)) * 3
            return Array(pixels[index..<(index + 3)])
        }
        let frame = try #require(figure.axes.first?.frame)
        #expect(pixel(Point(x: 1, y: 1)) == [255, 255, 255])
        let blue = still.color(at: frame.point(x: 0, y: 0))
        let vermillion = still.color(at: frame.point(x: 0, y: 1))
        #expect(pixel(frame.point(x: 0, y: 0)) == [blue.red, blue.green, blue.blue])
        #expect(pixel(frame.point(x: 0, y: 1)) == [vermillion.red, vermillion.green, vermillion.blue])
        #expect(blue.blue > blue.red && vermillion.red > vermillion.blue)
    }

    @Test func everyFrameComposesToTheFigureItWasDrawnFrom() throws {
        let png = PNGReader(try Self.animation())
        let composed = png.composedFrames
        #expect(composed.count == 4)
        for (index, figure) in Self.frames().enumerated() {
            let drawn = try figure.bitmap().pngBytes(channels: 3)
            #expect(composed[index] == drawn, "frame \(index)")
        }
        // The frames differ from one another: the line moved.
        #expect(Set(composed).count == 4)
    }

    @Test func theSameFramesGiveTheSameBytes() throws {
        let (light, lightAgain) = (try Self.animation(), try Self.animation())
        let (dark, darkAgain) = (try Self.animation(appearance: .dark), try Self.animation(appearance: .dark))
        #expect(light == lightAgain)
        #expect(dark == darkAgain)
        #expect(light != dark)
    }

    @Test func theDarkAnimationIsTheDarkFigures() throws {
        let composed = PNGReader(try Self.animation(appearance: .dark)).composedFrames
        for (index, figure) in Self.frames().enumerated() {
            let drawn = try figure.bitmap(appearance: .dark).pngBytes(channels: 3)
            #expect(composed[index] == drawn, "frame \(index)")
        }
    }

    @Test func aFileLargerThanTheLimitIsRefusedAtTheFrameThatPassesIt() throws {
        let size = try Self.animation().count
        let atTheLimit = try Self.animation(byteLimit: size)
        #expect(atTheLimit.count == size)
        #expect(throws: AnimatedPNG.Failure.tooLarge(limit: size - 1, frame: 4, frameCount: 4)) {
            try Self.animation(byteLimit: size - 1)
        }
        #expect(throws: AnimatedPNG.Failure.tooLarge(limit: 1_000, frame: 1, frameCount: 4)) {
            try Self.animation(byteLimit: 1_000)
        }
        #expect(
            AnimatedPNG.Failure.tooLarge(limit: 1_000, frame: 1, frameCount: 4).description
                == "the animation passes 1000 bytes at frame 1 of 4")
    }

    @Test func aFrameLikeTheOneBeforeIsOnePixel() throws {
        let png = PNGReader(try Self.animation([Self.frame(1), Self.frame(1)]))
        #expect(png.frameControls[1].width == 1 && png.frameControls[1].height == 1)
        #expect(png.composedFrames[0] == png.composedFrames[1])
    }

    @Test func aTransparentBackgroundKeepsItsAlphaUnpremultiplied() throws {
        let frames = Self.frames(background: .clear)
        let png = PNGReader(try Self.animation(frames))
        #expect(png.header[9] == 6)
        #expect(png.chunks.allSatisfy { $0.crcIsValid })
        let composed = png.composedFrames
        for (index, figure) in frames.enumerated() {
            let drawn = try figure.bitmap().pngBytes(channels: 4)
            #expect(composed[index] == drawn, "frame \(index)")
        }
    }
}
