import CRegistries

/// A type an extension point finds by itself, by the name a lesson writes.
///
/// An entry file declares its type and places one record in its registry's linker section:
/// ```swift
/// @used @section("lessons_optimizers")
/// private let registration: RegistryRecord = { Nesterov.registryRecord }
/// ```
/// and nothing else in the project names it: the registry reads every record the linker
/// gathered (`Sources/CRegistries`), so adding an optimizer, a layer, a data set or a plot
/// kind is one new file.
public protocol Registrable {
    /// The name a lesson writes (`adam`, `moons`): lower case, words joined by `-`.
    static var name: String { get }
    /// Where lists and messages put it: the course's order (plain gradient descent first, the
    /// logic gates first); entries that do not say come after those that do.
    static var listOrder: Int { get }
}

extension Registrable {
    public static var listOrder: Int { 1_000 }

    /// This type as its registry's record holds it.
    public static var registryRecord: UnsafeRawPointer {
        unsafeBitCast(Self.self as Any.Type, to: UnsafeRawPointer.self)
    }
}

/// What one registry record is: a function returning the entry's `registryRecord`.
public typealias RegistryRecord = @convention(c) () -> UnsafeRawPointer

/// The registries' sections and what they hold.
public enum RegistrySection: String, Sendable, CaseIterable {
    /// `any OptimizerRule.Type`.
    case optimizers = "lessons_optimizers"
    /// `any Layer.Type` kinds.
    case layers = "lessons_layers"
    /// Data sets (the `Lessons` runtime's `DatasetKind`).
    case datasets = "lessons_datasets"
    /// Plot kinds (the `Lessons` runtime's `PlotKind`).
    case plotKinds = "lessons_plot_kinds"

    /// The records the linker gathered in this section.
    fileprivate var records: UnsafeBufferPointer<RegistryRecord> {
        var count = 0
        let start: UnsafePointer<RegistryRecord>? =
            switch self {
            case .optimizers: lessons_optimizers_records(&count)
            case .layers: lessons_layers_records(&count)
            case .datasets: lessons_datasets_records(&count)
            case .plotKinds: lessons_plot_kinds_records(&count)
            }
        return UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    }
}

public enum Registry {
    /// The entries of `section` that are `Entry`s (an existential metatype such as
    /// `(any OptimizerRule.Type).self`), in `listOrder`, then by name: every list and message
    /// built from them reads the same whatever order the linker laid them in.
    ///
    /// Two entries with one name are a programming error, reported with both types.
    public static func entries<Entry>(of section: RegistrySection, as _: Entry.Type) -> [Entry] {
        var named = [(name: String, order: Int, type: Any.Type, entry: Entry)]()
        for record in section.records {
            let type = unsafeBitCast(record(), to: Any.Type.self)
            guard let entry = type as? Entry, let registrable = type as? any Registrable.Type else {
                fatalError("Registry \(section.rawValue): \(type) is not a \(Entry.self)")
            }
            if let twin = named.first(where: { $0.name == registrable.name }) {
                fatalError("Registry \(section.rawValue): \(twin.type) and \(type) are both named '\(registrable.name)'")
            }
            named.append((registrable.name, registrable.listOrder, type, entry))
        }
        return named.sorted { ($0.order, $0.name) < ($1.order, $1.name) }.map(\.entry)
    }
}
