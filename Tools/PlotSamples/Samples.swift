import Foundation
import Plotting

/// One sample figure of each plot kind the chapters use.
struct Sample: Sendable {
    let name: String
    let make: @Sendable () -> Figure
}

enum Samples {
    static let all: [Sample] = [
        Sample(name: "01-scatter-and-gate", make: andGate),
        Sample(name: "02-decision-regions", make: decisionRegions),
        Sample(name: "03-training-curves", make: trainingCurves),
        Sample(name: "04-learning-rates", make: learningRates),
        Sample(name: "05-perceptron-errors", make: perceptronErrors),
        Sample(name: "06-hidden-classifiers", make: hiddenClassifiers),
        Sample(name: "07-hidden-space", make: hiddenSpace),
        Sample(name: "08-network-xor", make: xorNetwork),
        Sample(name: "09-network-mnist", make: mnistNetwork),
        Sample(name: "10-activation-gallery", make: activationGallery),
        Sample(name: "11-gradient-descent", make: gradientDescent),
        Sample(name: "12-digits", make: digits),
        Sample(name: "13-first-layer-weights", make: firstLayerWeights),
        Sample(name: "14-confusion-matrix", make: confusionMatrix),
    ]

    /// An HTML page showing every sample at its size in points (the PNGs have 2× pixels).
    static func contactSheet() -> String {
        let figures = all.map { sample in
            let figure = sample.make()
            return """
                <figure><img src="\(sample.name).png" width="\(Int(figure.width))" height="\(Int(figure.height))" \
                alt="\(sample.name)"><figcaption>\(sample.name)</figcaption></figure>
                """
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Plotting samples</title>
            <style>body{font-family:sans-serif;margin:2em}figure{display:inline-block;margin:1em;vertical-align:top}
            img{border:1px solid #ddd}figcaption{color:#555;font-size:0.9em}</style></head>
            <body><h1>Plotting samples</h1>
            \(figures.joined(separator: "\n"))
            </body></html>

            """
    }
}
