import Foundation
import MathML

// MathGallery PAGE.html [--corpus seed-formulas.txt]   writes the gallery page
// MathGallery --benchmark seed-formulas.txt [N]         times converting the corpus N times
// MathGallery --convert 'TEX' [--display]                prints the MathML of one formula

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: MathGallery PAGE.html [--corpus FIXTURE]
           MathGallery --benchmark FIXTURE [ITERATIONS]
           MathGallery --convert TEX [--display]
    FIXTURE is Tests/MathMLTests/Fixtures/seed-formulas.txt

    """

do {
    if arguments.first == "--convert", arguments.count >= 2 {
        print(try MathML.convert(arguments[1], display: arguments.contains("--display")))
    } else if arguments.first == "--benchmark", arguments.count >= 2 {
        let corpus = try readCorpus(at: arguments[1])
        let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 100 : 100
        print(benchmark(corpus, iterations: iterations))
    } else if let output = arguments.first, !output.hasPrefix("-") {
        var page = GalleryPage()
        if let flag = arguments.firstIndex(of: "--corpus"), flag + 1 < arguments.count {
            page.corpus = try readCorpus(at: arguments[flag + 1])
        }
        try page.html().write(toFile: output, atomically: true, encoding: .utf8)
        print("wrote \(output)")
    } else {
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("MathGallery: \(error)\n".utf8))
    exit(1)
}
