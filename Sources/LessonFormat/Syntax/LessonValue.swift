/// A YAML value from a lesson file, with the position of every part of it.
///
/// The front matter and every cell body are read into this tree, so any check on a value can
/// say where the value is.
public struct LessonValue: Sendable, Equatable {
    /// What the value holds.
    public enum Content: Sendable, Equatable {
        /// A scalar as written. `isPlain` is false for quoted scalars, which are always text.
        case scalar(String, isPlain: Bool)
        /// A list.
        case list([LessonValue])
        /// Keys and values, in the order written.
        case mapping([LessonEntry])
        /// `null`, `~` or nothing.
        case empty
    }

    /// What the value holds.
    public var content: Content
    /// Where the value starts.
    public var position: SourcePosition

    /// Creates a value.
    public init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    /// How a message names the kind of this value: `the number 3`, `a list`, `the text 'abc'`.
    public var kindDescription: String {
        switch content {
        case let .scalar(text, isPlain):
            if isPlain, Double(text) != nil { return "the number \(text)" }
            if isPlain, ["true", "false"].contains(text) { return "the boolean \(text)" }
            return "the text '\(text)'"
        case .list: return "a list"
        case .mapping: return "a mapping"
        case .empty: return "nothing"
        }
    }

    /// The entries of a mapping, or `nil`.
    public var entries: [LessonEntry]? {
        if case let .mapping(entries) = content { return entries }
        return nil
    }

    /// The items of a list, or `nil`.
    public var items: [LessonValue]? {
        if case let .list(items) = content { return items }
        return nil
    }

    /// The text of a scalar, or `nil`.
    public var text: String? {
        if case let .scalar(text, _) = content { return text }
        return nil
    }

    /// The number a plain scalar writes (`3`, `0.1`, `1e-3`, `-2`), or `nil`.
    public var number: Double? {
        guard case let .scalar(text, true) = content else { return nil }
        return Double(text)
    }

    /// The whole number a plain scalar writes, or `nil`.
    public var integer: Int? {
        guard case let .scalar(text, true) = content else { return nil }
        return Int(text)
    }

    /// The boolean a plain `true` or `false` writes, or `nil`.
    public var boolean: Bool? {
        guard case let .scalar(text, true) = content else { return nil }
        return text == "true" ? true : (text == "false" ? false : nil)
    }
}

/// One `key: value` of a YAML mapping.
public struct LessonEntry: Sendable, Equatable {
    /// The key.
    public var key: String
    /// Where the key is.
    public var keyPosition: SourcePosition
    /// The value.
    public var value: LessonValue

    /// Creates an entry (a cell's key changed or added, as a comparison does).
    public init(key: String, keyPosition: SourcePosition, value: LessonValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
