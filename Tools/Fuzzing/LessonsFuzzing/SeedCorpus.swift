import Book
import Foundation
import LessonFormat
import LessonRuntime
import Report

/// The inputs mutations start from, per surface: the shipped lessons, their cells, their
/// `numbers` relations and their formulas (prose and `tex:`), the MathML seed formulas, and
/// the kept regression corpus.
public struct SeedCorpus: Sendable {
    /// Seeds per surface.
    public private(set) var seeds: [FuzzSurface: [[UInt8]]] = [:]

    /// The seeds of `surface` (never empty).
    public func seeds(for surface: FuzzSurface) -> [[UInt8]] {
        seeds[surface].flatMap { $0.isEmpty ? nil : $0 } ?? [[]]
    }

    /// Reads the `*.md` files of `lessonsDirectory`, and `formulaFile` (the MathML tests'
    /// `seed-formulas.txt`) and every file of `corpusDirectory` when given.
    public init(lessonsDirectory: URL, formulaFile: URL? = nil, corpusDirectory: URL? = nil) throws {
        let files = try FileManager.default.contentsOfDirectory(at: lessonsDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        for file in files {
            add(lesson: try String(contentsOf: file, encoding: .utf8))
        }
        if let formulaFile {
            for line in try String(contentsOf: formulaFile, encoding: .utf8).split(separator: "\n")
            where !line.hasPrefix("@") && !line.hasPrefix("#") {
                seeds[.tex, default: []].append(Array(line.utf8))
            }
        }
        if let corpusDirectory {
            for file in try Self.corpusFiles(in: corpusDirectory) {
                let bytes = Array(try Data(contentsOf: file))
                let surface = FuzzSurface(rawValue: String(file.lastPathComponent.prefix { $0 != "-" })) ?? .lesson
                seeds[surface, default: []].append(bytes)
            }
        }
    }

    /// The files of a regression corpus folder, sorted (names start with their surface:
    /// `tex-deep-braces.txt`).
    public static func corpusFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.lastPathComponent != "README.md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Adds a lesson file, its cells, relations and formulas.
    public mutating func add(lesson text: String) {
        seeds[.lesson, default: []].append(Array(text.utf8))
        guard let lesson = try? LessonParser.parse(text, path: "lessons/seed.md") else { return }
        for block in lesson.blocks {
            switch block {
            case let .prose(prose):
                for case let .math(tex, _, _) in (try? ProseMath.segments(prose.text)) ?? [] {
                    seeds[.tex, default: []].append(Array(tex.utf8))
                }
            case let .cell(cell):
                seeds[.cell, default: []].append(Array("\(cell.kind.rawValue)\n\(cell.source)".utf8))
                collectFormulas(cell.body)
            }
        }
    }

    /// Relations and formulas anywhere in a cell: `numbers:`, `tex:`, and a compare or
    /// table cell's expressions.
    private mutating func collectFormulas(_ value: LessonValue) {
        for entry in value.entries ?? [] {
            switch (entry.key, entry.value.text) {
            case let ("numbers", text?), let ("expression", text?): seeds[.numbers, default: []].append(Array(text.utf8))
            case let ("tex", text?): seeds[.tex, default: []].append(Array(text.utf8))
            default: collectFormulas(entry.value)
            }
        }
        for item in value.items ?? [] { collectFormulas(item) }
    }
}
