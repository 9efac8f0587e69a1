import Foundation
import Testing

@testable import Plotting

@Suite struct OutputTests {
    static func sampleFigure() -> Figure {
        let figure = Figure(width: 360, height: 280)
        let axes = figure.addAxes()
        axes.title = "XOR"
        axes.xLabel = "x₁"
        axes.yLabel = "x₂"
        axes.decisionRegions(x: -0.5...1.5, y: -0.5...1.5, resolution: 60) { x, y in
            1 / (1 + exp(-10 * (x + y - 0.5))) * (1 - 1 / (1 + exp(-10 * (x + y - 1.5))))
        }
        axes.scatter(points: [(0, 0), (0, 1), (1, 0), (1, 1)], classes: [0, 1, 1, 0])
        return figure
    }

    @Test func sameFigureGivesByteIdenticalPNGs() throws {
        let first = try Self.sampleFigure().pngData()
        let second = try Self.sampleFigure().pngData()
        #expect(first.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(first == second)
    }

    @Test func writesAPNGFileOfTwicePointSize() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plotting-\(getpid()).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.sampleFigure().writePNG(to: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // IHDR width and height (big-endian) follow the signature and chunk header.
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 720 && height == 560)
    }

    @Test func unwritablePathThrowsACairoErrorWithCairosMessage() {
        #expect {
            try Self.sampleFigure().writePNG(to: "/nonexistent-directory/figure.png")
        } throws: { error in
            guard let error = error as? CairoError else { return false }
            return error.description.hasPrefix("cairo: writing /nonexistent-directory/figure.png: ")
                && !error.message.isEmpty
        }
    }

    @Test func repeatedRenderingReleasesCairoObjects() throws {
        // Each renderer owns one surface and one context and destroys them in deinit; a weak
        // reference shows the renderer itself is gone after use.
        weak var released: CairoRenderer?
        for _ in 0..<20 {
            let renderer = try Self.sampleFigure().render()
            released = renderer
        }
        #expect(released == nil)
    }
}
