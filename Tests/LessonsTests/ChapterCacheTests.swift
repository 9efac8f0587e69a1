import Datasets
import Foundation
import Report
import Testing
@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// A book in a scratch folder: lessons in `lessons/`, the report in `output/`, and a cache
/// whose program fingerprint the test chooses.
private struct ScratchBook {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-cache-\(UUID().uuidString)")
    var lessons: URL { root.appendingPathComponent("lessons") }
    var output: URL { root.appendingPathComponent("output") }
    var writer: BookWriter { BookWriter(output: output) }

    init(_ files: [String: String]) throws {
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        for (name, text) in files { try write(text, to: name) }
    }

    func write(_ text: String, to name: String) throws {
        try text.write(to: lessons.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// The lesson `name`, with its absolute path as the display path, so that the files it
    /// reads resolve inside the scratch folder whatever the current directory.
    func entry(_ name: String) -> LessonLibrary.Entry {
        let url = lessons.appendingPathComponent(name + ".md")
        return LessonLibrary.Entry(name: name, url: url, displayPath: url.path)
    }

    func cache(program: String = "lessons test build 1") -> ChapterCache {
        ChapterCache(output: output, program: program, mnistLoader: MNISTLoader(environment: [:], projectDirectory: root, allowsDownload: false))
    }

    /// Publishes `name` through the cache; `true` when it ran, `false` when it was kept.
    @discardableResult
    func publish(
        _ name: String, program: String = "lessons test build 1", seed: UInt64? = nil, force: Bool = false,
        neighbours: ReportDocument.Neighbours = .init()
    ) throws -> Bool {
        let publication = try writer.publish(
            entry(name), seed: seed, neighbours: neighbours, reusing: cache(program: program), force: force)
        switch publication {
        case .ran: return true
        case .kept: return false
        }
    }

    /// Every file of the chapter `name`, by path, with its bytes.
    func chapterFiles(_ name: String) throws -> [String: Data] {
        let folder = output.appendingPathComponent(name)
        var files = [String: Data]()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[file] = try Data(contentsOf: folder.appendingPathComponent(file))
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

private let xorLesson = """
    ---
    title: XOR
    seed: 3
    ---
    A small network learns $a = \\sigma(n)$.

    ```{data}
    dataset: xor
    ```

    ```{model}
    layers: [2, 2, 1]
    ```

    ```{train}
    learning_rate: 1.0
    epochs: 20
    ```

    ```{plot}
    kind: loss
    ```
    """

private let csvLesson = """
    ---
    title: Points
    seed: 1
    ---
    ```{data}
    dataset: csv
    path: points.csv
    label: label
    ```

    ```{model}
    layers: [2, 1]
    init: zeros
    ```

    ```{evaluate}
    on: training
    ```
    """

private let points = "x1,x2,label\n0.1,0.9,1\n0.8,0.2,0\n0.5,0.5,1\n0.3,0.7,0\n"

@Suite struct ChapterCacheTests {
    @Test func aSecondPublishKeepsTheChapterAsItWas() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        #expect(try book.publish("01-xor"))
        let first = try book.chapterFiles("01-xor")
        #expect(try !book.publish("01-xor"))
        #expect(try book.chapterFiles("01-xor") == first)
        #expect(
            first.keys.sorted() == [
                "01-xor.ipynb", "README.md", "fig-01-loss-dark.png", "fig-01-loss-narrow-dark.png", "fig-01-loss-narrow.png",
                "fig-01-loss.png", "index.html", "results.json",
            ])
    }

    @Test func theKeptChapterReportsItsSummary() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        try book.publish("01-xor")
        let publication = try book.writer.publish(book.entry("01-xor"), reusing: book.cache())
        guard case let .kept(summary) = publication else {
            Issue.record("the chapter ran again")
            return
        }
        #expect(summary.title == "XOR")
        #expect(summary.headline.first == "epochs 20")
    }

    @Test func forceRunsAnUnchangedChapter() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        try book.publish("01-xor")
        let first = try book.chapterFiles("01-xor")
        #expect(try book.publish("01-xor", force: true))
        #expect(try book.chapterFiles("01-xor") == first)
        #expect(try !book.publish("01-xor"))
    }

    @Test func editingOneLessonRunsThatLessonOnly() throws {
        let other = xorLesson.replacingOccurrences(of: "title: XOR", with: "title: XOR again")
        let book = try ScratchBook(["01-xor.md": xorLesson, "02-again.md": other])
        defer { book.remove() }
        try book.publish("01-xor")
        try book.publish("02-again")
        try book.write(xorLesson.replacingOccurrences(of: "epochs: 20", with: "epochs: 21"), to: "01-xor.md")
        #expect(try book.publish("01-xor"))
        #expect(try !book.publish("02-again"))
        #expect(try !book.publish("01-xor"))
    }

    @Test func changingTheCSVFileRunsTheChapterAgain() throws {
        let book = try ScratchBook(["01-points.md": csvLesson, "points.csv": points])
        defer { book.remove() }
        #expect(try book.publish("01-points"))
        #expect(try !book.publish("01-points"))
        try book.write(points + "0.9,0.1,1\n", to: "points.csv")
        #expect(try book.publish("01-points"))
        let page = try String(contentsOf: book.output.appendingPathComponent("01-points/index.html"), encoding: .utf8)
        #expect(page.contains(">5<"), "the table counts the new row")
        #expect(try !book.publish("01-points"))
    }

    @Test func aMissingCSVFileIsNeverKept() throws {
        let book = try ScratchBook(["01-points.md": csvLesson, "points.csv": points])
        defer { book.remove() }
        try book.publish("01-points")
        try FileManager.default.removeItem(at: book.lessons.appendingPathComponent("points.csv"))
        #expect(try book.publish("01-points"))
        #expect(try book.publish("01-points"), "a chapter with errors runs every time")
    }

    @Test func anotherProgramRunsEveryChapterAgain() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        try book.publish("01-xor", program: "engine A")
        #expect(try !book.publish("01-xor", program: "engine A"))
        #expect(try book.publish("01-xor", program: "engine B"))
        #expect(try !book.publish("01-xor", program: "engine B"))
    }

    @Test func aSeedGivenOnTheCommandLineIsPartOfTheKey() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        try book.publish("01-xor")
        #expect(try book.publish("01-xor", seed: 5))
        #expect(try !book.publish("01-xor", seed: 5))
        #expect(try book.publish("01-xor", seed: 6))
        #expect(try book.publish("01-xor"))
    }

    /// An instructor renaming one chapter re-runs that chapter alone: the chapters beside it
    /// are kept, with their links rewritten to the bytes a run would write.
    @Test func aNeighboursNewTitleRelinksTheChapterWithoutRunningIt() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        let intro = ReportDocument.Neighbours(previous: (title: "Intro", folder: "00-intro"), next: nil)
        let renamed = ReportDocument.Neighbours(
            previous: (title: "Introduction & <overview>", folder: "00-intro"), next: (title: "Circles", folder: "02-circles"))
        try book.publish("01-xor", neighbours: intro)
        #expect(try !book.publish("01-xor", neighbours: intro))
        #expect(try !book.publish("01-xor", neighbours: renamed), "a neighbour's title ran the chapter again")
        let relinked = try book.chapterFiles("01-xor")
        let page = try #require(relinked["index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("← Introduction &amp; &lt;overview&gt;</a>") && page.contains("Circles →</a>") && !page.contains("← Intro<"))
        // The relinked chapter is kept from then on, and its files are the ones a run writes.
        #expect(try !book.publish("01-xor", neighbours: renamed))
        #expect(try book.publish("01-xor", force: true, neighbours: renamed))
        #expect(try book.chapterFiles("01-xor") == relinked)
    }

    @Test func aChapterWhoseLinksAreNotWhereTheWriterPutThemRunsAgain() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        let intro = ReportDocument.Neighbours(previous: (title: "Intro", folder: "00-intro"), next: nil)
        try book.publish("01-xor", neighbours: intro)
        let readme = book.output.appendingPathComponent("01-xor/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        // Same size, links edited by hand: the cache tells by the pages' SHA-256.
        try text.replacingOccurrences(of: "[Intro]", with: "[intro]").write(to: readme, atomically: true, encoding: .utf8)
        #expect(try book.publish("01-xor", neighbours: .init(previous: (title: "Introduction", folder: "00-intro"), next: nil)))
        #expect(try String(contentsOf: readme, encoding: .utf8).contains("← [Introduction](../00-intro/README.md)"))
    }

    /// Issue 19, item 7: the key vouches for the very bytes its run wrote, so pages of another
    /// run (here: the same size, other bytes) are never kept under it.
    @Test func pagesThatAreNotTheKeysRunAreNeverKept() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        try book.publish("01-xor")
        let page = book.output.appendingPathComponent("01-xor/index.html")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: "<h1>XOR</h1>", with: "<h1>ROX</h1>").write(to: page, atomically: false, encoding: .utf8)
        #expect(try book.publish("01-xor"), "pages another run wrote were kept under this run's key")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("<h1>XOR</h1>"))
    }

    @Test func aChapterWithErrorsIsNeverKept() throws {
        let broken = xorLesson.replacingOccurrences(of: "layers: [2, 2, 1]", with: "layers: [3, 2, 1]")
        let book = try ScratchBook(["01-broken.md": broken])
        defer { book.remove() }
        let first = try book.writer.publish(book.entry("01-broken"), reusing: book.cache())
        guard case let .ran(result) = first else {
            Issue.record("a first publish must run")
            return
        }
        #expect(!result.errors.isEmpty)
        #expect(try book.publish("01-broken"))
        #expect(!FileManager.default.fileExists(atPath: ChapterCache.folder(in: book.output).appendingPathComponent("01-broken.json").path))
    }

    @Test func aFixedChapterIsKeptOnlyAfterItsCleanRun() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        try book.publish("01-xor")
        try book.write(xorLesson.replacingOccurrences(of: "kind: loss", with: "kind: nonsense"), to: "01-xor.md")
        #expect(try book.publish("01-xor"))
        try book.write(xorLesson, to: "01-xor.md")
        #expect(try book.publish("01-xor"), "the failed run replaced the chapter the old key was for")
        #expect(try !book.publish("01-xor"))
    }

    @Test func aChapterMissingAFileRunsAgain() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        try book.publish("01-xor")
        try FileManager.default.removeItem(at: book.output.appendingPathComponent("01-xor/fig-01-loss.png"))
        #expect(try book.publish("01-xor"))
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("01-xor/fig-01-loss.png").path))
        try FileManager.default.removeItem(at: book.output.appendingPathComponent("01-xor"))
        #expect(try book.publish("01-xor"))
    }

    @Test func theKeyNamesWhatTheChapterIsMadeFrom() throws {
        let book = try ScratchBook(["01-points.md": csvLesson, "points.csv": points])
        defer { book.remove() }
        let key = try #require(book.cache(program: "engine A").key(
            for: book.entry("01-points"), text: csvLesson, seed: nil))
        let csv = book.lessons.appendingPathComponent("points.csv").path
        #expect(key.lines == [
            ChapterCache.format,
            "program engine A",
            "lesson \(book.entry("01-points").displayPath) sha256=\(SHA256.hexDigest(of: Array(csvLesson.utf8)))",
            "seed from the lesson",
            "file \(csv) sha256=\(SHA256.hexDigest(of: Array(points.utf8)))",
        ])
    }
}

/// MNIST is fingerprinted by its files' size and modification time, in the directory the
/// loader would read.
@Suite struct MNISTInputTests {
    /// Two data cells, as the MNIST chapter has: the files are one input all the same.
    let mnistLesson = "---\ntitle: Digits\n---\n```{data}\ndataset: mnist\ntrain_count: 100\n```\n```{data}\ndataset: mnist\n```\n"

    func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-mnist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("digits"), withIntermediateDirectories: true)
        return root
    }

    @Test func theFilesInMNISTDirAreTheLessonsInputs() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        for file in MNISTFile.allCases {
            try Data([1, 2, 3]).write(to: root.appendingPathComponent("digits/\(file.compressedName)"))
        }
        let loader = MNISTLoader(environment: ["MNIST_DIR": "digits"], projectDirectory: root, allowsDownload: false)
        let lesson = try LessonParser.parse(mnistLesson, path: "lessons/digits.md")
        #expect(LessonRunner().inputs(of: lesson, mnistLoader: loader) == [
            .mnist(MNISTFile.allCases.map { root.appendingPathComponent("digits/\($0.compressedName)").standardizedFileURL })
        ])

        let cache = ChapterCache(output: root.appendingPathComponent("output"), program: "p", mnistLoader: loader)
        let entry = LessonLibrary.Entry(name: "digits", url: root.appendingPathComponent("digits.md"), displayPath: "lessons/digits.md")
        let before = try #require(cache.key(for: entry, text: mnistLesson, seed: nil))
        #expect(before.lines.filter { $0.hasPrefix("mnist ") }.count == 4)
        #expect(cache.key(for: entry, text: mnistLesson, seed: nil) == before)
        let images = root.appendingPathComponent("digits/\(MNISTFile.testImages.compressedName)")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: images.path)
        #expect(cache.key(for: entry, text: mnistLesson, seed: nil) != before)
    }

    /// Without MNIST on disk a run reads the bundled subset (after a download attempt): the
    /// chapter is keyed by the subset's files, and the full set arriving in `data/mnist/`
    /// changes the key.
    @Test func mnistThatWouldBeDownloadedIsKeyedByTheBundledSubset() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = MNISTLoader(environment: [:], projectDirectory: root, allowsDownload: false)
        let lesson = try LessonParser.parse(mnistLesson, path: "lessons/digits.md")
        let subset = try #require(MNISTLoader.bundledSubsetDirectory)
        #expect(LessonRunner().inputs(of: lesson, mnistLoader: loader) == [
            .bundledMNISTSubset(
                ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                 "t10k-labels-idx1-ubyte.gz", "SHA256SUMS.decompressed"].map(subset.appendingPathComponent))
        ])
        let cache = ChapterCache(output: root.appendingPathComponent("output"), program: "p", mnistLoader: loader)
        let entry = LessonLibrary.Entry(name: "digits", url: root.appendingPathComponent("digits.md"), displayPath: "lessons/digits.md")
        let onSubset = try #require(cache.key(for: entry, text: mnistLesson, seed: nil))
        #expect(onSubset.lines.filter { $0.hasPrefix("mnist subset ") && !$0.hasSuffix("missing") }.count == 5)
        #expect(cache.key(for: entry, text: mnistLesson, seed: nil) == onSubset)

        let local = root.appendingPathComponent("data/mnist")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        for file in MNISTFile.allCases {
            try FileManager.default.copyItem(
                at: subset.appendingPathComponent(file.compressedName), to: local.appendingPathComponent(file.compressedName))
        }
        let onFullSet = try #require(cache.key(for: entry, text: mnistLesson, seed: nil))
        #expect(onFullSet != onSubset)
        #expect(onFullSet.lines.filter { $0.hasPrefix("mnist \(local.path)") }.count == 4)
    }

    /// The cache repeats the loader's choice of directory; both must pick the same one.
    @Test func theCacheLooksWhereTheLoaderReads() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        for setting in ["digits/../elsewhere", root.appendingPathComponent("absolute").path] {
            let loader = MNISTLoader(environment: ["MNIST_DIR": setting], projectDirectory: root, allowsDownload: false)
            var loaderDirectory: String?
            do {
                _ = try loader.load()
            } catch {
                if case let .missingFiles(_, directory) = error { loaderDirectory = directory }
            }
            #expect(loader.inputWithoutDownload == .unresolved("MNIST is not complete in \(try #require(loaderDirectory))"))
        }
    }
}

/// A chapter whose prose cites another runs again when the cited chapter's number changes:
/// its text says "chapter 3" and must now say "chapter 4".
@Suite struct CitedChapterCacheTests {
    @Test func aCitedChaptersNewNumberRunsTheChapterAgain() throws {
        let book = try ScratchBook(["01-xor.md": xorLesson])
        defer { book.remove() }
        let before = ReportDocument.Neighbours(number: "1", chapters: ["02-circles": "2"])
        try book.publish("01-xor", neighbours: before)
        #expect(try !book.publish("01-xor", neighbours: before))
        #expect(try book.publish("01-xor", neighbours: .init(number: "1", chapters: ["02-circles": "3"])))
    }
}
