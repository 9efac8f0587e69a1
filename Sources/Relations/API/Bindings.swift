import Engine

/// The values a relation's names stand for: a dictionary, a `TraceRecord`, or any lookup.
public struct Bindings: Sendable {
    /// The names offered as suggestions when a name is not found, in the order to list them.
    public var names: [String]
    private let lookup: @Sendable (String) -> Matrix?

    /// Creates bindings from a lookup and the names it knows (used for did-you-mean suggestions).
    public init(names: [String], lookup: @escaping @Sendable (String) -> Matrix?) {
        self.names = names
        self.lookup = lookup
    }

    /// Creates bindings from a dictionary; suggestions list its names in sorted order.
    public init(_ values: [String: Matrix]) {
        self.init(names: values.keys.sorted()) { values[$0] }
    }

    /// Creates bindings from the quantities recorded at one training step, including the
    /// record's other names for them (`Z1` for `n1`, `delta2` for `s2`, `X` for `x`).
    public init(_ record: TraceRecord) {
        self.init(names: record.names) { record[$0] }
    }

    /// The value of `name`, if it has one.
    public subscript(name: String) -> Matrix? {
        lookup(name)
    }
}
