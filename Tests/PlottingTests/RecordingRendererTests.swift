import Testing

@testable import Plotting

/// Figures drawn through the recording backend: what is drawn, without Cairo.
@Suite struct RecordingRendererTests {
    @Test func scatterWithClassesDrawsOneMarkerBatchPerClassAndALegend() {
        let figure = Figure(width: 400, height: 300)
        let axes = figure.addAxes()
        axes.title = "XOR"
        axes.scatter(points: [(0, 0), (0, 1), (1, 0), (1, 1)], classes: [0, 1, 1, 0], classNames: ["false", "true"])
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        let batches = recording.commands.filter { $0.hasPrefix("markers") }
        #expect(batches == ["markers 2 fill \(Palette.color(0).rgba8)", "markers 2 fill \(Palette.color(1).rgba8)"])
        #expect(recording.texts.contains("XOR"))
        #expect(recording.texts.contains("false") && recording.texts.contains("true"))
        #expect(recording.texts.contains("0.0") && recording.texts.contains("1.0"))
    }

    @Test func marksAreDrawnInsideOneClipOfThePlotArea() {
        let figure = Figure(width: 400, height: 300)
        let axes = figure.addAxes()
        axes.heatmap(x: 0...1, y: 0...1, resolution: 30) { x, y in x + y }
        axes.contour(level: 1)
        let recording = RecordingRenderer()
        figure.draw(with: recording)
        let clip = recording.commands.firstIndex { $0.hasPrefix("clip") }
        let unclip = recording.commands.firstIndex(of: "unclip")
        let image = recording.commands.firstIndex { $0.hasPrefix("image 30×30") }
        #expect(clip != nil && image != nil && unclip != nil)
        if let clip, let image, let unclip { #expect(clip < image && image < unclip) }
    }
}
