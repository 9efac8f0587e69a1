import Foundation
import LessonFormat
import LessonRuntime
import Report

/// Runs lessons and publishes their chapters and the table of contents under one output folder.
///
/// A chapter is written into a hidden staging folder first and moved into place only when
/// complete, so an interrupted or failing run never leaves a half-written chapter where a
/// good one was. Nothing is written outside the output folder.
public struct BookWriter: Sendable {
    /// The output folder (`output/`).
    public let output: URL
    /// The book's title on the index page.
    public var title = "Neural networks, worked"
    /// The introduction on the index page (Markdown).
    public var introduction = """
        Every chapter was run by the `lessons` engine. Each equation is followed by the same relation \
        with the numbers the engine computed, and each such relation has been checked.
        """

    /// Creates a writer for `output`.
    public init(output: URL) {
        self.output = output
    }

    /// Why the book could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        /// What failed.
        public var description: String
    }

    /// Runs `entry` and publishes its chapter.
    ///
    /// - Parameter seed: a seed that overrides the lesson's own.
    /// - Returns: the chapter's result; its `errors` list the lesson's mistakes.
    public func publish(
        _ entry: LessonLibrary.Entry, seed: UInt64? = nil, neighbours: ReportDocument.Neighbours = .init(),
        bookChapters: Set<String>? = nil, progress: ((TrainingProgress) -> Void)? = nil
    ) throws(WriteError) -> ChapterResult {
        recoverFromInterruptedRun(of: entry.name)
        return try run(
            entry, text: Result { try entry.text() }, seed: seed, neighbours: neighbours, bookChapters: bookChapters,
            progress: progress).result
    }

    /// What publishing a chapter did.
    public enum Publication: Sendable {
        /// The lesson ran and its chapter was written.
        case ran(ChapterResult)
        /// Nothing the chapter is made from changed since its last clean run: it was kept as it
        /// was, and this is its `results.json`.
        case kept(ChapterSummary)
    }

    /// Publishes `entry`'s chapter, or keeps the published one when `cache` holds the key
    /// of everything it is made from (see `ChapterCache`).
    ///
    /// - Parameters:
    ///   - seed: a seed that overrides the lesson's own.
    ///   - force: run the lesson even when its chapter could be kept.
    public func publish(
        _ entry: LessonLibrary.Entry, seed: UInt64? = nil, neighbours: ReportDocument.Neighbours = .init(),
        bookChapters: Set<String>? = nil, reusing cache: ChapterCache, force: Bool = false,
        progress: ((TrainingProgress) -> Void)? = nil
    ) throws(WriteError) -> Publication {
        recoverFromInterruptedRun(of: entry.name)
        // The text is read once: the key names the very text that runs.
        let text = Result { try entry.text() }
        let key = (try? text.get()).flatMap { cache.key(for: entry, text: $0, seed: seed) }
        if !force, let key, let kept = cache.keptChapter(entry.name, key: key, in: output) {
            if kept.neighbours == neighbours { return .kept(kept.summary) }
            // A neighbour was renamed, added or removed: only the links change (a new number,
            // its own or a cited chapter's, changes the text and the chapter runs again).
            if kept.neighbours.number == neighbours.number, kept.neighbours.chapters == neighbours.chapters, let files = relink(entry.name, from: kept.neighbours, to: neighbours) {
                try record(key, neighbours: neighbours, files: files, for: entry.name, in: cache)
                return .kept(kept.summary)
            }
        }
        cache.forget(entry.name)
        let (result, files) = try run(
            entry, text: text, seed: seed, neighbours: neighbours, bookChapters: bookChapters, progress: progress)
        if let key, result.errors.isEmpty {
            try record(key, neighbours: neighbours, files: files, for: entry.name, in: cache)
        }
        return .ran(result)
    }

    /// Stores the key of the chapter `name`, published with `files` (as the run staged them).
    private func record(
        _ key: ChapterCache.Key, neighbours: ReportDocument.Neighbours, files: [String: ChapterCache.FileStamp],
        for name: String, in cache: ChapterCache
    ) throws(WriteError) {
        do {
            try cache.store(key, neighbours: neighbours, files: files, for: name)
        } catch {
            throw WriteError(description: "cannot record the chapter \(name) in \(cache.folder.path): \(FileErrorWording.reason(error))")
        }
    }

    /// Rewrites the links to the neighbouring chapters in the published pages of the chapter
    /// `name`, from those to `old` to those to `new`, so the pages are the ones a run would
    /// write: a copy of the chapter is relinked in a staging folder and swapped in whole.
    /// Returns the relinked chapter's files, or `nil`, with the chapter as it was, when the
    /// old links are not where the writers put them (the chapter then runs again).
    private func relink(
        _ name: String, from old: ReportDocument.Neighbours, to new: ReportDocument.Neighbours
    ) -> [String: ChapterCache.FileStamp]? {
        let manager = FileManager.default
        let chapter = output.appendingPathComponent(name)
        let staging = stagingFolder(for: name)
        defer { try? manager.removeItem(at: staging) }
        try? manager.removeItem(at: staging)
        guard (try? manager.copyItem(at: chapter, to: staging)) != nil else { return nil }
        let pages = [
            ("index.html", HTMLWriter().navigation(old), HTMLWriter().navigation(new)),
            ("README.md", MarkdownWriter().links(old), MarkdownWriter().links(new)),
        ]
        for (file, before, after) in pages {
            let url = staging.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8), !before.isEmpty, text.contains(before),
                (try? text.replacingOccurrences(of: before, with: after).write(to: url, atomically: false, encoding: .utf8)) != nil
            else { return nil }
        }
        guard let files = try? ChapterCache.stamps(of: staging), (try? replace(chapter, with: staging)) != nil else { return nil }
        return files
    }

    /// The hidden folder a chapter is written in before it is swapped in whole.
    func stagingFolder(for name: String) -> URL {
        output.appendingPathComponent(".staging-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Runs the lesson `text` of `entry` and publishes its chapter; returns the run's result
    /// and the files it published, as they were staged.
    private func run(
        _ entry: LessonLibrary.Entry, text: Result<String, any Error>, seed: UInt64?, neighbours: ReportDocument.Neighbours,
        bookChapters: Set<String>?, progress: ((TrainingProgress) -> Void)?
    ) throws(WriteError) -> (result: ChapterResult, files: [String: ChapterCache.FileStamp]) {
        let staging = stagingFolder(for: entry.name)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot write the chapter \(entry.name): cannot create \(staging.path): \(FileErrorWording.reason(error))")
        }
        defer { try? manager.removeItem(at: staging) }

        var result: ChapterResult
        do {
            let lesson = try LessonParser.parse(try text.get(), path: entry.displayPath, file: entry.url)
            result = LessonRunner(bookChapters: bookChapters).run(lesson, figureDirectory: staging, seed: seed, progress: progress)
        } catch let error as LessonError {
            result = Self.failure(entry, error)
        } catch {
            result = Self.failure(entry, LessonError(.unreadable(reason: FileErrorWording.reason(error)), at: SourcePosition(file: entry.displayPath, line: 1)))
        }

        result.document.neighbours = neighbours
        result.document.title = Self.numbered(result.header.title, neighbours.number)
        // The chapter as a notebook beside its pages, which link to it.
        let notebook = result.notebook.map { (file: entry.name + ".ipynb", plan: $0) }
        result.document.notebook = notebook?.file
        let summary = ChapterSummary(
            name: entry.name, title: result.header.title, order: result.header.order, number: neighbours.number,
            summary: result.header.summary,
            headline: result.headline, thumbnail: result.thumbnail, errorCount: result.errors.count,
            metrics: result.metrics)
        let files: [String: ChapterCache.FileStamp]
        do {
            try HTMLWriter().page(for: result.document).write(to: staging.appendingPathComponent("index.html"), atomically: false, encoding: .utf8)
            try MarkdownWriter().markdown(for: result.document).write(to: staging.appendingPathComponent("README.md"), atomically: false, encoding: .utf8)
            try summary.encoded().write(to: staging.appendingPathComponent(ChapterSummary.fileName))
            if let notebook {
                try NotebookWriter().notebook(for: result.document, plan: notebook.plan)
                    .write(to: staging.appendingPathComponent(notebook.file), atomically: false, encoding: .utf8)
            }
            if !result.exercises.isEmpty {
                try ChapterExercises.encoded(result.exercises).write(to: staging.appendingPathComponent(ChapterExercises.fileName))
            }
            files = try ChapterCache.stamps(of: staging)
            try replace(output.appendingPathComponent(entry.name), with: staging)
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(description: "cannot write the chapter \(entry.name): \(FileErrorWording.reason(error))")
        }
        return (result, files)
    }

    /// Writes `index.html`, `README.md` and `style.css` for the chapters of `entries` that
    /// have been published (their `results.json`), in book order.
    public func writeIndex(for entries: [LessonLibrary.Entry]) throws(WriteError) {
        let decoder = JSONDecoder()
        let summaries = entries.compactMap { entry -> ChapterSummary? in
            let file = output.appendingPathComponent(entry.name).appendingPathComponent(ChapterSummary.fileName)
            return (try? Data(contentsOf: file)).flatMap { try? decoder.decode(ChapterSummary.self, from: $0) }
        }.sorted { ($0.isAppendix ? 1 : 0, $0.order, $0.name) < ($1.isAppendix ? 1 : 0, $1.order, $1.name) }
        let index = SiteIndex(
            title: title, introduction: introduction,
            chapters: summaries.map {
                SiteIndex.Chapter(
                    title: Self.numbered($0.title, $0.number), folder: $0.name, thumbnail: $0.thumbnail,
                    darkThumbnail: darkThumbnail(of: $0), summary: $0.summary, numbers: $0.headline, failed: $0.errorCount > 0)
            })
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create \(output.path): \(FileErrorWording.reason(error))")
        }
        try writeBookFiles(["index.html": Data(index.html().utf8), "README.md": Data(index.markdown().utf8), "style.css": Data(Stylesheet.css.utf8)])
    }

    /// A lesson in the book: its entry, its title as the book shows it (with its number:
    /// `4. One step of backpropagation`), its number, and the chapters its prose refers to
    /// (`{chapter:NAME}`).
    public typealias Placed = (entry: LessonLibrary.Entry, title: String, number: String, cites: [String])

    /// The dark drawing of a chapter's thumbnail (`fig-01-x-dark.png` beside `fig-01-x.png`), if
    /// the chapter's folder has one.
    private func darkThumbnail(of summary: ChapterSummary) -> String? {
        guard let light = summary.thumbnail, light.hasSuffix(".png") else { return nil }
        let dark = String(light.dropLast(4)) + "-dark.png"
        let path = output.appendingPathComponent(summary.name).appendingPathComponent(dark).path
        return FileManager.default.fileExists(atPath: path) ? dark : nil
    }

    /// The lessons in book order (front matter `order`, then file name) with their numbered
    /// titles, for the chapters' titles and the links between them: chapters are numbered 1, 2,
    /// 3 …, and lessons marked `appendix: true` A, B, C … after them. A lesson whose front
    /// matter does not read stands last under its file name.
    public static func bookOrder(_ entries: [LessonLibrary.Entry]) -> [Placed] {
        let sorted = entries.map { entry -> (LessonLibrary.Entry, String, Int, Bool, [String]) in
            guard let text = try? entry.text(),
                let lesson = try? LessonParser.parse(text, path: entry.displayPath, file: entry.url),
                let header = try? LessonHeader(lesson)
            else { return (entry, entry.name, Int.max, false, []) }
            let cites = lesson.blocks.flatMap { block -> [String] in
                switch block {
                case let .prose(prose): ChapterReferences.names(in: prose.text)
                // An exercise's question, hint and explanation are Markdown too.
                case let .cell(cell) where cell.kind == .exercise: ChapterReferences.names(in: cell.source)
                default: []
                }
            }
            return (entry, header.title, header.order, header.isAppendix, cites)
        }
        .sorted { ($0.3 ? 1 : 0, $0.2, $0.0.name) < ($1.3 ? 1 : 0, $1.2, $1.0.name) }
        var chapter = 0, appendix = 0
        return sorted.map { entry, title, _, isAppendix, cites in
            let number: String
            if isAppendix {
                number = String(UnicodeScalar(UInt8(65 + appendix % 26)))
                appendix += 1
            } else {
                chapter += 1
                number = String(chapter)
            }
            return (entry, numbered(title, number), number, cites)
        }
    }

    /// `title` with its number in front (`4. Backpropagation`; `Appendix A. Notation`).
    static func numbered(_ title: String, _ number: String?) -> String {
        guard let number else { return title }
        return (number.first?.isLetter == true ? "Appendix " : "") + number + ". " + title
    }

    /// The chapter's number, the chapters before and after `entry` in `order`, and the
    /// numbers in `book` (every lesson, by default `order`) of the chapters it refers to.
    public static func neighbours(of entry: LessonLibrary.Entry, in order: [Placed], book: [Placed]? = nil) -> ReportDocument.Neighbours {
        guard let index = order.firstIndex(where: { $0.entry == entry }) else { return .init() }
        let previous = index > 0 ? (order[index - 1].title, order[index - 1].entry.name) : nil
        let next = index + 1 < order.count ? (order[index + 1].title, order[index + 1].entry.name) : nil
        var chapters = [String: String]()
        for name in order[index].cites {
            if let cited = (book ?? order).first(where: { $0.entry.name == name }) { chapters[name] = cited.number }
        }
        return .init(
            previous: previous.map { (title: $0.0, folder: $0.1) }, next: next.map { (title: $0.0, folder: $0.1) },
            number: order[index].number, chapters: chapters)
    }

    /// Records each chapter's run time in `timings.json`, outside the chapters' folders: run
    /// times differ between runs, and the chapters must not.
    public func writeTimings(_ seconds: [String: Double]) throws(WriteError) {
        let file = output.appendingPathComponent("timings.json")
        var all = (try? Data(contentsOf: file)).flatMap { try? JSONDecoder().decode([String: Double].self, from: $0) } ?? [:]
        for (name, time) in seconds { all[name] = (time * 1000).rounded() / 1000 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(all) else { return }
        try writeBookFiles(["timings.json": data])
    }

    /// Writes the book's own files at the top of the output folder, each whole: only over
    /// files the book wrote (`OutputManifest`), and each named in the manifest before it appears.
    func writeBookFiles(_ files: [String: Data]) throws(WriteError) {
        let manifest = OutputManifest(output: output)
        if let reason = manifest.reasonAgainstWriting() { throw WriteError(description: reason) }
        do {
            try manifest.record(Array(files.keys))
        } catch {
            throw WriteError(description: "cannot write \(output.appendingPathComponent(OutputManifest.fileName).path): \(FileErrorWording.reason(error))")
        }
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let file = output.appendingPathComponent(name)
            do {
                try AtomicFile.write(data, to: file)
            } catch {
                throw WriteError(description: "cannot write \(file.path): \(FileErrorWording.reason(error))")
            }
        }
    }

    /// Moves `staging` to `target`, replacing what was there only once the new folder is complete.
    private func replace(_ target: URL, with staging: URL) throws {
        let manager = FileManager.default
        let old = output.appendingPathComponent(".old-\(target.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: old)
        if manager.fileExists(atPath: target.path) {
            // Only a chapter this writer published is replaced, never a folder or file of another kind.
            guard manager.fileExists(atPath: target.appendingPathComponent(ChapterSummary.fileName).path) else {
                throw WriteError(
                    description: "\(target.path) exists and is not a chapter of the book; move it or choose another --output")
            }
            try manager.moveItem(at: target, to: old)
        }
        do {
            try manager.moveItem(at: staging, to: target)
        } catch {
            if manager.fileExists(atPath: old.path) { try? manager.moveItem(at: old, to: target) }
            throw error
        }
        try? manager.removeItem(at: old)
    }

    private static func failure(_ entry: LessonLibrary.Entry, _ error: LessonError) -> ChapterResult {
        let header = LessonHeader(title: entry.name)
        return ChapterResult(
            header: header,
            document: ReportDocument(title: entry.name, blocks: [.error(ReportError(error))]),
            errors: [error], headline: [], thumbnail: nil)
    }
}
