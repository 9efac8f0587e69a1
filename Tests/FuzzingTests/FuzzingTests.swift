import Foundation
import Testing
import LessonsFuzzing

/// `Tests/FuzzingTests`, and the package folder two above it.
private let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
private let packageFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

/// The contract the fuzzer checks (Tools/Fuzzing/README.md), kept in `swift test`: every input
/// gives a result, or an error whose position lies inside it.
@Suite struct FuzzingTests {
    /// Every kept input (the crashes, hangs and violations the fuzzer found, and a few weird
    /// ones) through every surface: no crash, no violation, and in good time.
    @Test func everyKeptInputGivesAResultOrAPositionedError() throws {
        let files = try SeedCorpus.corpusFiles(in: testsFolder.appendingPathComponent("Corpus"))
        #expect(files.count >= 20)
        let clock = ContinuousClock()
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            for surface in FuzzSurface.allCases {
                var outcome = FuzzOutcome.accepted
                let duration = clock.measure { outcome = FuzzOracle.run(bytes, on: surface) }
                #expect(!outcome.isViolation, "\(file.lastPathComponent) on \(surface.rawValue): \(outcome)")
                // A debug build on a busy machine; the fuzzer's own limit, in release, is one second.
                #expect(duration < .seconds(10), "\(file.lastPathComponent) on \(surface.rawValue): \(duration)")
            }
        }
    }

    /// The kept inputs that crashed, hung or broke the contract before their fix still reach
    /// the code that broke: each is refused as it is now meant to be.
    @Test(arguments: [
        ("tex-deep-mathbf", FuzzSurface.tex, "the formula nests more than 50"),
        ("cell-long-choice", .cell, "'kind' in plot cell must be one of"),
        ("cell-carriage-return", .cell, "lessons/fuzz.md:5:11: error: invalid YAML in the data cell"),
        ("lesson-windows-line-ends", .lesson, nil),
    ] as [(String, FuzzSurface, String?)])
    func aFixedFindingIsRefusedAsItShouldBe(_ name: String, _ surface: FuzzSurface, _ expected: String?) throws {
        let bytes = Array(try Data(contentsOf: testsFolder.appendingPathComponent("Corpus/\(name).txt")))
        switch FuzzOracle.run(bytes, on: surface) {
        case .accepted: #expect(expected == nil)
        case let .refused(message): #expect(expected.map { message.contains($0) } == true, "\(message)")
        case let .violation(message): Issue.record("\(message)")
        }
    }

    /// A modest seeded mutation loop, so the property stays checked without the long campaign:
    /// 2,000 inputs, small ones, most of them on the quick surfaces.
    @Test func aSeededMutationLoopKeepsTheContract() throws {
        let corpus = try SeedCorpus(
            lessonsDirectory: packageFolder.appendingPathComponent("lessons"),
            formulaFile: packageFolder.appendingPathComponent("Tests/MathMLTests/Fixtures/seed-formulas.txt"),
            corpusDirectory: testsFolder.appendingPathComponent("Corpus"))
        let campaign = FuzzCampaign(
            seed: 9, surfaces: [.numbers, .tex, .cell, .numbers, .tex, .cell, .numbers, .tex, .cell, .lesson],
            corpus: corpus, maximumSize: 6000)
        var counts: [FuzzSurface: (accepted: Int, refused: Int)] = [:]
        for index in 0..<2000 {
            let (surface, bytes) = campaign.input(index)
            let outcome = FuzzOracle.run(bytes, on: surface)
            switch outcome {
            case .accepted: counts[surface, default: (0, 0)].accepted += 1
            case .refused: counts[surface, default: (0, 0)].refused += 1
            case let .violation(message):
                Issue.record("input \(index) of seed 9 (\(surface.rawValue)): \(message)")
            }
        }
        // The mutations reach both outcomes on every surface.
        for surface in FuzzSurface.allCases {
            #expect((counts[surface]?.accepted ?? 0) > 0 && (counts[surface]?.refused ?? 0) > 0, "\(surface): \(counts)")
        }
    }

    /// The campaign is reproducible: input N depends on the seed and N alone.
    @Test func inputsAreReproducibleFromTheSeedAndTheirNumber() throws {
        var corpus = try SeedCorpus(lessonsDirectory: packageFolder.appendingPathComponent("lessons"))
        corpus.add(lesson: "---\ntitle: t\n---\n$x$\n```{equation}\ntex: x\nnumbers: x = x\n```\n")
        let first = FuzzCampaign(seed: 5, corpus: corpus), second = FuzzCampaign(seed: 5, corpus: corpus)
        for index in [0, 1, 2, 3, 77, 1000] {
            #expect(first.input(index) == second.input(index))
        }
        #expect(first.input(3).bytes != FuzzCampaign(seed: 6, corpus: corpus).input(3).bytes)
    }
}
