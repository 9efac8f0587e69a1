import CZlib
import Engine
import Foundation
import Plotting
import Report
import Testing
@testable import LessonFormat
@testable import LessonRuntime

// MARK: - Reading an APNG

/// The chunks of a PNG file, each with whether its CRC is right; with the frames' pixels
/// inflated and unfiltered (8-bit RGB), independently of the writer.
private struct Chunks {
    var hasSignature: Bool
    var list: [(type: String, data: [UInt8], crcIsValid: Bool)] = []

    init(_ bytes: [UInt8]) {
        hasSignature = Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Self.number(bytes, offset)
            let type = Array(bytes[(offset + 4)..<(offset + 8)])
            let data = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            var crc = crc32(0, type, 4)
            crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt(length)) }
            list.append((String(decoding: type, as: UTF8.self), data, UInt32(crc) == UInt32(Self.number(bytes, offset + 8 + length))))
            offset += 12 + length
        }
    }

    static func number(_ bytes: [UInt8], _ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }

    var types: [String] { list.map(\.type) }
    var width: Int { Self.number(list[0].data, 0) }
    var height: Int { Self.number(list[0].data, 4) }
    var frameCount: Int? { list.first { $0.type == "acTL" }.map { Self.number($0.data, 0) } }
    var sequenceNumbers: [Int] { list.filter { ["fcTL", "fdAT"].contains($0.type) }.map { Self.number($0.data, 0) } }
    /// Each `fcTL`'s rectangle: width, height, x, y.
    var rectangles: [(width: Int, height: Int, x: Int, y: Int)] {
        list.filter { $0.type == "fcTL" }.map { (Self.number($0.data, 4), Self.number($0.data, 8), Self.number($0.data, 12), Self.number($0.data, 16)) }
    }

    /// The pixels (RGB, row by row) of the `IDAT` image, any filter undone.
    var defaultImage: [UInt8] {
        let compressed = list.filter { $0.type == "IDAT" }.flatMap(\.data)
        let stride = width * 3
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        var length = uLong(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong(compressed.count)) }
        }
        precondition(status == Z_OK, "inflate: \(status)")
        var pixels = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            for i in 0..<stride {
                let x = Int(raw[row * (stride + 1) + 1 + i])
                let a = i >= 3 ? Int(pixels[row * stride + i - 3]) : 0
                let b = row > 0 ? Int(pixels[(row - 1) * stride + i]) : 0
                let c = row > 0 && i >= 3 ? Int(pixels[(row - 1) * stride + i - 3]) : 0
                let p = a + b - c
                let paeth = abs(p - a) <= abs(p - b) && abs(p - a) <= abs(p - c) ? a : abs(p - b) <= abs(p - c) ? b : c
                let predictor = [0, a, b, (a + b) / 2, paeth][Int(filter)]
                pixels[row * stride + i] = UInt8((x + predictor) & 0xFF)
            }
        }
        return pixels
    }
}

/// Runs a lesson made of `cells` (its XOR data first) through the runner into a fresh folder.
private func runAnimated(_ cells: String, folder: URL? = nil) throws -> (chapter: ChapterResult, folder: URL) {
    let lesson = try LessonParser.parse("---\ntitle: Animated\nseed: 5\n---\nProse.\n\n" + cells, path: "lessons/a.md")
    let folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("animated-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (LessonRunner().run(lesson, figureDirectory: folder), folder)
}

private func figures(_ chapter: ChapterResult) -> [ReportFigure] {
    chapter.document.blocks.compactMap { if case let .figure(figure) = $0 { figure } else { nil } }
}

private func fileBytes(_ file: String, in folder: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: folder.appendingPathComponent(file)))
}

/// A small figure with a coarse grid: the tests draw every frame four times in a debug build.
private let small = "width: 240\nheight: 200\nresolution: 40"

private let xorNetwork = cell("data", "dataset: xor")
    + cell("model", "layers: [2, 2, 1]\nactivation: sigmoid\ninit: xavier")
    + cell("train", "loss: binary-cross-entropy\nlearning_rate: 1\nepochs: 200")

// MARK: - Tests

@Suite struct AnimatedPlotTests {
    @Test func decisionRegionsPlayTheirEpochsAfterTheFinishedFigure() throws {
        let (chapter, folder) = try runAnimated(
            xorNetwork + cell("plot", "kind: decision-boundary\nframes: [0, 50, 100, 200]\nname: learning\nwidth: 400\nheight: 280\nresolution: 40"))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(chapter.errors.isEmpty)
        let figure = try #require(figures(chapter).first)
        #expect(figure.file == "fig-01-learning.png" && figure.darkFile == "fig-01-learning-dark.png")
        let narrow = try #require(figure.narrow)
        #expect(figure.caption.hasSuffix(
            "The animation shows the regions before training and after epochs 50 and 100, then after 200 epochs again."))
        #expect(figure.alternativeText.hasSuffix(" Animated: the regions from before training to after 200 epochs."))
        // Every drawing is an animation: the finished figure, then epochs 0, 50 and 100 (200 is the end).
        for (file, width, height) in [
            (figure.file, figure.width!, figure.height!), (figure.darkFile!, figure.width!, figure.height!),
            (narrow.file, narrow.width, narrow.height), (narrow.darkFile!, narrow.width, narrow.height),
        ] {
            let png = Chunks(try fileBytes(file, in: folder))
            #expect(png.hasSignature, "\(file)")
            #expect(png.types == ["IHDR", "acTL", "fcTL", "IDAT", "fcTL", "fdAT", "fcTL", "fdAT", "fcTL", "fdAT", "IEND"], "\(file)")
            #expect(png.list.allSatisfy { $0.crcIsValid }, "\(file)")
            #expect(png.frameCount == 4, "\(file)")
            #expect(png.sequenceNumbers == Array(0..<7), "\(file)")
            #expect(png.width == 2 * width && png.height == 2 * height, "\(file)")
            let rectangles = png.rectangles
            #expect(rectangles[0].width == png.width && rectangles[0].height == png.height && rectangles[0].x == 0 && rectangles[0].y == 0)
            for rectangle in rectangles.dropFirst() {
                #expect(rectangle.width > 0 && rectangle.x + rectangle.width <= png.width, "\(file)")
                #expect(rectangle.height > 0 && rectangle.y + rectangle.height <= png.height, "\(file)")
            }
        }
    }

    @Test func theFirstFrameIsTheFigureTheCellDrawsWithoutFrames() throws {
        // Without `frames` the legend finds its own place; an animation keeps it beside the plot,
        // so the still to compare with is drawn with the legend there too.
        let (animated, folder) = try runAnimated(xorNetwork + cell("plot", "kind: decision-boundary\nframes: [0, 100]\n" + small))
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = Chunks(try fileBytes(figures(animated)[0].file, in: folder))
        let plot = try PlotCell(try firstCell("kind: decision-boundary\n" + small, kind: "plot"))
        let lesson = try LessonParser.parse("---\ntitle: Animated\nseed: 5\n---\nProse.\n\n" + xorNetwork, path: "lessons/a.md")
        let session = Session(header: try LessonHeader(lesson), lesson: lesson, figureDirectory: folder)
        for cell in lesson.cells { try cell.kind.read(cell).run(cell, in: session) }
        let still = try plot.kind.draw(plot, in: session).figure
        still.axes[0].legendPlacement = .outsideRight
        let bitmap = try still.bitmap(layout: still.layout(fittingWidth: Session.columnWidth))
        #expect(bitmap.width == png.width && bitmap.height == png.height)
        let pixels = png.defaultImage
        // At known places: inside the plot near each corner point and at its centre, then everywhere.
        let frame = try #require(still.axes[0].frame)
        for (x, y) in [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0), (0.5, 0.5), (-0.3, 1.3)] {
            let point = frame.point(x: x, y: y)
            let (column, row) = (Int(point.x * 2), Int(point.y * 2))
            let color = bitmap.color(column: column, row: row)
            let index = (row * png.width + column) * 3
            #expect(Array(pixels[index..<(index + 3)]) == [color.red, color.green, color.blue], "at (\(x), \(y))")
        }
        var expected = [UInt8]()
        for row in 0..<bitmap.height {
            for column in 0..<bitmap.width {
                let color = bitmap.color(column: column, row: row)
                expected += [color.red, color.green, color.blue]
            }
        }
        #expect(pixels == expected)
    }

    @Test func theSameLessonWritesTheSameAnimationsByteForByte() throws {
        let cells = xorNetwork + cell("plot", "kind: decision-boundary\nframes: {every: 50}\n" + small)
        let (first, firstFolder) = try runAnimated(cells)
        let (second, secondFolder) = try runAnimated(cells)
        defer {
            try? FileManager.default.removeItem(at: firstFolder)
            try? FileManager.default.removeItem(at: secondFolder)
        }
        let figure = figures(first)[0]
        #expect(figures(second)[0] == figure)
        for file in [figure.file, figure.darkFile!] + (figure.narrow.map { [$0.file, $0.darkFile!] } ?? []) {
            let written = try fileBytes(file, in: firstFolder)
            #expect(Chunks(written).frameCount == 5)  // the end, then epochs 0, 50, 100 and 150
            let again = try fileBytes(file, in: secondFolder)
            #expect(written == again, "\(file)")
        }
    }

    @Test func thePerceptronsLinePlaysUpdateByUpdate() throws {
        let (chapter, folder) = try runAnimated(
            cell("data", "dataset: and") + cell("model", "layers: [2, 1]\nactivation: hardlimit\ninit: zeros")
                + cell("train", "rule: perceptron\nlearning_rate: 1\nepochs: 20")
                + cell("plot", "kind: decision-boundary\nframes: all\nwidth: 200\nheight: 180"))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(chapter.errors.isEmpty)
        let figure = figures(chapter)[0]
        // Six epochs of four samples: 24 updates, drawn before each (0 to 23), then the end.
        #expect(Chunks(try fileBytes(figure.file, in: folder)).frameCount == 25)
        #expect(figure.caption.hasSuffix(
            "The animation shows the line before training and after updates 1, 2, 3, …, 22 and 23 (the ring marks the sample each update looked at), then after 6 epochs again."))
    }

    @Test func aPathPlaysStepByStep() throws {
        let (chapter, folder) = try runAnimated(cell("plot", "kind: gradient-descent-path\nsteps: 5\nframes: all\nwidth: 240\nheight: 200"))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(chapter.errors.isEmpty)
        let figure = figures(chapter)[0]
        let png = Chunks(try fileBytes(figure.file, in: folder))
        #expect(png.frameCount == 6 && png.list.allSatisfy { $0.crcIsValid })
        #expect(figure.caption.hasSuffix("The animation shows the path at the start and after steps 1, 2, 3 and 4, then all 5 steps again."))
    }

    @Test func anAnimationAsksTheTrainCellForItsEpochs() throws {
        let plot = try PlotCell(try firstCell("kind: decision-boundary\nframes: [0, 10, 25]", kind: "plot"))
        #expect(plot.requestedSteps == [TraceStep(epoch: 1, step: 1), TraceStep(epoch: 11, step: 1), TraceStep(epoch: 26, step: 1)])
        let every = try PlotCell(try firstCell("kind: decision-boundary\nframes: {every: 100}", kind: "plot"))
        #expect(every.requestedSteps.count == PlotFrames.maximumMoments + 1)
        #expect(every.requestedSteps.last == TraceStep(epoch: 6_001, step: 1))
        #expect(try PlotCell(try firstCell("kind: decision-boundary", kind: "plot")).requestedSteps.isEmpty)
    }

    @Test func tooManyFramesAreRefusedWithTheEveryThatFits() throws {
        let (chapter, folder) = try runAnimated(
            cell("data", "dataset: xor") + cell("model", "layers: [2, 1]\nactivation: hardlimit\ninit: zeros")
                + cell("train", "rule: perceptron\nlearning_rate: 1\nepochs: 30")
                + cell("plot", "kind: decision-boundary\nframes: all") + cell("plot", "kind: decision-boundary\nframes: [0, 500]"))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(chapter.errors.map(\.description) == [
            "lessons/a.md:22:9: error: 'frames' in plot cell asks for 120 frames besides the first, of the 120 updates made; an animation draws at most 60: use {every: 2} or list the moments",
            "lessons/a.md:26:9: error: 'frames' in plot cell lists update 500, but only 120 updates were made",
        ])
        #expect(figures(chapter).isEmpty)
    }

    @Test func anAnimationTooLargeIsRefusedAtItsFrames() {
        let error = PlotFrames.tooLarge("fig-04-regions.png", frame: 14, of: 15, at: SourcePosition(file: "lessons/x.md", line: 9, column: 9))
        #expect(error.description == "lessons/x.md:9:9: error: 'frames' in plot cell makes fig-04-regions.png larger than an animation may be (2,000,000 bytes) at frame 14 of 15: draw fewer frames or a smaller figure")
    }

    @Test func framesAreCheckedAsTheyAreRead() {
        func message(_ frames: String, kind: String = "decision-boundary") -> String {
            do {
                _ = try PlotCell(try firstCell("kind: \(kind)\nframes: \(frames)", kind: "plot"))
                return "no error"
            } catch let error as LessonError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message("[3, 1]") == "'frames' in plot cell lists 1 after 3; list the moments in increasing order")
        #expect(message("{every: 0}") == "'frames' in plot cell takes {every: n} with n a whole number from 1 to 100000000, not 0")
        #expect(message("{each: 5}") == "'frames' in plot cell should be 'all', a list of moments like [0, 10, 100], or {every: 50}, not a mapping with 'each'")
        #expect(message("sometimes") == "'frames' in plot cell should be 'all', a list of moments like [0, 10, 100], or {every: 50}, not the text 'sometimes'")
        #expect(message("[0, -1]") == "'frames' in plot cell moments must be between 0 and 100000000, not -1")
        #expect(message("[]") == "'frames' in plot cell needs at least one moment")
        #expect(message("[" + (0...61).map(String.init).joined(separator: ", ") + "]") == "'frames' in plot cell lists 62 moments; an animation draws at most 60 besides its first frame")
        #expect(message("all", kind: "loss") == "'frames' in plot cell does not apply to 'loss' plots (their own keys: 'scale')")
        #expect(message("all") == "no error")
        #expect(message("all", kind: "gradient-descent-path") == "no error")
    }

    @Test func checkingALessonDrawsNoAnimation() throws {
        let lesson = try LessonParser.parse(
            "---\ntitle: Animated\nseed: 5\n---\nProse.\n\n" + xorNetwork + cell("plot", "kind: decision-boundary\nframes: all"),
            path: "lessons/a.md")
        #expect(LessonRunner().check(lesson).isEmpty)
    }

    @Test func theFramesShareSixSecondsAfterTwoOnTheFinishedFigure() {
        #expect(PlotFrames.delays(moments: 12) == [.centiseconds(200)] + Array(repeating: .centiseconds(50), count: 12))
        #expect(PlotFrames.delays(moments: 3)[1] == .centiseconds(60))
        #expect(PlotFrames.delays(moments: 60)[1] == .centiseconds(10))
    }
}
