/// A mistake in a lesson file, with the place it was found.
///
/// Its description is the compiler-style line an editor can jump to:
/// `lessons/03-circles.md:42:3: error: unknown key 'learnig_rate' in train cell (did you mean 'learning_rate'?)`.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// The file could not be read.
        case unreadable(reason: String)
        /// The file does not start with `---` front matter.
        case missingFrontMatter
        /// The front matter's closing `---` is missing.
        case unterminatedFrontMatter
        /// A cell's closing fence is missing.
        case unterminatedCell(kind: String)
        /// A cell's info string is not `{kind}`.
        case malformedCellHeader(String)
        /// The YAML of the front matter or of a cell does not parse.
        case invalidYAML(in: String, problem: String)
        /// A cell or the front matter is not a mapping of keys to values.
        case notAMapping(in: String)
        /// A cell kind that does not exist.
        case unknownCellKind(String, suggestion: String?)
        /// A key the cell kind does not have.
        case unknownKey(String, in: String, suggestion: String?)
        /// A key the cell kind needs.
        case missingKey(String, in: String)
        /// A value of the wrong type.
        case wrongType(key: String, in: String, expected: String, found: String)
        /// A value outside its allowed range or set.
        case invalidValue(key: String, in: String, message: String)
        /// A cell that could not run, with the reason (a missing data cell, a diverging run…).
        case failed(String)
        /// Not a mistake of its own: a cell that needs what a cell above should have made, but
        /// that cell failed (and was reported where it stands). The runner shows it as a note.
        case skipped(String)
    }

    /// Whether this is a cell skipped because one above it failed, rather than a mistake.
    public var isSkip: Bool {
        if case .skipped = kind { return true }
        return false
    }

    /// What is wrong.
    public var kind: Kind
    /// Where it is.
    public var position: SourcePosition

    /// Creates an error.
    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// The message without its position.
    public var message: String {
        func hint(_ suggestion: String?) -> String { suggestion.map { " (did you mean '\($0)'?)" } ?? "" }
        switch kind {
        case let .unreadable(reason): return "cannot read the lesson: \(reason)"
        case .missingFrontMatter: return "a lesson starts with front matter: a line '---', YAML keys such as 'title:', and '---'"
        case .unterminatedFrontMatter: return "the front matter has no closing '---'"
        case let .unterminatedCell(kind): return "the \(kind) cell has no closing fence '```'"
        case let .malformedCellHeader(header):
            return "cell header '\(header)' should be a fence with the cell kind in braces, like '```{train}'"
        case let .invalidYAML(place, problem): return "invalid YAML in \(place): \(problem)"
        case let .notAMapping(place): return "\(place) should be YAML keys and values, one 'key: value' per line"
        case let .unknownCellKind(name, suggestion): return "unknown cell kind '\(name)'\(hint(suggestion))"
        case let .unknownKey(key, place, suggestion): return "unknown key '\(key)' in \(place)\(hint(suggestion))"
        case let .missingKey(key, place): return "missing key '\(key)' in \(place)"
        case let .wrongType(key, place, expected, found): return "'\(key)' in \(place) should be \(expected), not \(found)"
        case let .invalidValue(key, place, message): return "'\(key)' in \(place) \(message)"
        case let .failed(reason): return reason
        case let .skipped(reason): return reason
        }
    }

    public var description: String { "\(position): error: \(message)" }
}

extension Array where Element == LessonError {
    /// The errors in file order, by line then column; those at one place keep the order they
    /// were found in.
    public var inFileOrder: [LessonError] {
        enumerated()
            .sorted {
                ($0.element.position.line, $0.element.position.column, $0.offset)
                    < ($1.element.position.line, $1.element.position.column, $1.offset)
            }
            .map(\.element)
    }
}
