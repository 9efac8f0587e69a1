import Engine

/// The values a relation's names stand for: a dictionary, a `TraceRecord`, or any lookup.
public struct Bindings: Sendable {
    /// The names offered as suggestions when a name is not found, in the order to list them.
    public var names: [String]
    private let lookup: @Sendable (String) -> Matrix?
    /// The name a quantity is recorded under, for a name that is another notation of it
    /// (`x` for `a0`): names with the same canonical name are one quantity.
    public let canonicalName: @Sendable (String) -> String

    /// Creates bindings from a lookup and the names it knows (used for did-you-mean
    /// suggestions); `canonicalName` says which names are other notations of one quantity
    /// (by default, none are).
    public init(
        names: [String], canonicalName: @escaping @Sendable (String) -> String = { $0 },
        lookup: @escaping @Sendable (String) -> Matrix?
    ) {
        self.names = names
        self.lookup = lookup
        self.canonicalName = canonicalName
    }

    /// The same bindings with `name` (and its other notations) standing for `value`.
    func replacing(_ name: String, with value: Matrix) -> Bindings {
        let canonical = canonicalName(name), lookup = self.lookup, canonicalName = self.canonicalName
        return Bindings(names: names, canonicalName: canonicalName) { other in
            canonicalName(other) == canonical ? value : lookup(other)
        }
    }

    /// Creates bindings from a dictionary; suggestions list its names in sorted order.
    public init(_ values: [String: Matrix]) {
        self.init(names: values.keys.sorted()) { values[$0] }
    }

    /// Creates bindings from the quantities recorded at one training step, including the
    /// record's other names for them (`Z1` for `n1`, `delta2` for `s2`, `X` for `x`).
    public init(_ record: TraceRecord) {
        self.init(names: record.names, canonicalName: { TraceRecord.canonicalName(of: $0) ?? $0 }) { record[$0] }
    }

    /// The value of `name`, if it has one.
    public subscript(name: String) -> Matrix? {
        lookup(name)
    }
}
