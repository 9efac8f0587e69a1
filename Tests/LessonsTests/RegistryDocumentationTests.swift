import Engine
import Foundation
import Testing

@testable import Book
@testable import LessonFormat
@testable import LessonRuntime

/// Every registered optimizer, data set and plot kind has its line in `lessons/README.md`, the
/// lesson format's documentation, with each key it reads: adding one is its file, its test and
/// that line, and a forgotten line fails here.
@Suite struct RegistryDocumentationTests {
    /// The lesson format's documentation.
    static let guide: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons/README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The table row that documents `name`: a line starting `` | `name` ``.
    static func row(documenting name: String) -> String? {
        guard !name.isEmpty else { return nil }
        return guide.split(separator: "\n").first { $0.hasPrefix("| `\(name)` |") || $0.hasPrefix("| `\(name)`,") }
            .map(String.init)
    }

    /// The row of the plot-kind table (`| kind | draws | own keys |`) whose first column names
    /// `name`, alone or among others (`` `loss`, `accuracy`, `curves` ``).
    static func plotRow(documenting name: String) -> String? {
        let lines = guide.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| kind | draws |") }) else { return nil }
        let table = lines[(header + 1)...].prefix { $0.hasPrefix("|") }
        return table.first { row in
            let names = row.split(separator: "|").first ?? ""
            return names.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "`\(name)`" }
        }.map(String.init)
    }

    @Test func theGuideIsThere() {
        #expect(Self.guide.contains("### `train`"))
    }

    @Test(arguments: Optimizer.rules.map { $0.name })
    func everyOptimizerHasItsLine(name: String) throws {
        let row = try #require(Self.row(documenting: name), "lessons/README.md has no line for the optimizer '\(name)'")
        for hyperparameter in Optimizer.rule(named: name)!.hyperparameters {
            #expect(row.contains("`\(hyperparameter.key): "), "the line for '\(name)' does not give '\(hyperparameter.key)'")
        }
    }

    @Test(arguments: DataCell.kinds.map { $0.name })
    func everyDatasetHasItsLine(name: String) throws {
        let kind = try #require(DataCell.kind(named: name))
        let row = try #require(
            Self.row(documenting: kind.names[0]), "lessons/README.md has no line for the data set '\(name)'")
        for key in kind.keys {
            #expect(row.contains("`\(key)"), "the line for '\(name)' does not give '\(key)'")
        }
    }

    @Test(arguments: PlotCell.kinds.map { $0.name })
    func everyPlotKindHasItsLine(name: String) throws {
        let kind = try #require(PlotCell.kind(named: name))
        let row = try #require(Self.plotRow(documenting: name), "lessons/README.md has no line for the plot kind '\(name)'")
        for key in kind.keys {
            #expect(row.contains("`\(key)"), "the line for '\(name)' does not give '\(key)'")
        }
    }

    @Test(arguments: Network.configurableLayerKinds.map { $0.name })
    func everyLayerKindHasItsLine(name: String) throws {
        let kind = try #require(ModelLayers.kind(named: name))
        let row = try #require(Self.row(documenting: name), "lessons/README.md has no line for the layer kind '\(name)'")
        for setting in kind.settings {
            #expect(row.contains("`\(setting.name)`"), "the line for '\(name)' does not give '\(setting.name)'")
        }
    }

    /// The check itself can fail: a name the guide does not document has no line.
    @Test func anUndocumentedNameHasNoLine() {
        #expect(Self.row(documenting: "adamw") == nil)
        #expect(Self.row(documenting: "adam") != nil)
        #expect(Self.plotRow(documenting: "class-counts") == nil)
        #expect(Self.plotRow(documenting: "accuracy") != nil)
    }
}
