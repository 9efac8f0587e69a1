import Yams

/// Reads a piece of YAML from a lesson file into a `LessonValue`, mapping YAML's own line
/// numbers back to the file's.
struct YAMLReader {
    /// The lesson file.
    let file: String
    /// The file line of the YAML's first line.
    let firstLine: Int
    /// How messages name the piece (`the train cell`).
    let place: String
    /// Where each of YAML's lines starts in the file, when YAML counts lines differently from
    /// the file (see `lineStarts(of:)`); `nil` when they agree.
    private var lineStarts: [(line: Int, column: Int)]?

    init(file: String, firstLine: Int, place: String) {
        self.file = file
        self.firstLine = firstLine
        self.place = place
    }

    /// Reads `source`, which must be a mapping (or empty).
    func read(_ source: String) throws(LessonError) -> LessonValue {
        var reader = self
        reader.lineStarts = Self.lineStarts(of: source)
        return try reader.compose(source)
    }

    private func compose(_ source: String) throws(LessonError) -> LessonValue {
        let start = SourcePosition(file: file, line: firstLine, column: 1)
        if let found = YAMLAnchorScan.first(in: source) {
            let written = found.kind == .anchor ? "an anchor (&\(found.name))" : "an alias (*\(found.name))"
            throw LessonError(
                .invalidYAML(in: place, problem: "\(written): anchors and aliases are not supported; write each value out"),
                at: position(line: found.line, column: found.column))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: source)
        } catch let error as YamlError {
            throw translate(error)
        } catch {
            throw LessonError(.invalidYAML(in: place, problem: "\(error)"), at: start)
        }
        guard let node else { return LessonValue(.mapping([]), at: start) }
        let value = try convert(node)
        guard value.entries != nil else { throw LessonError(.notAMapping(in: place), at: value.position) }
        return value
    }

    private func position(_ mark: Mark?) -> SourcePosition {
        guard let mark else { return SourcePosition(file: file, line: firstLine, column: 1) }
        return position(line: mark.line, column: mark.column)
    }

    /// The file position of YAML's `line` and `column` (from 1).
    private func position(line: Int, column: Int) -> SourcePosition {
        guard let lineStarts, let last = lineStarts.last else {
            return SourcePosition(file: file, line: firstLine + line - 1, column: column)
        }
        guard lineStarts.indices.contains(line - 1) else {
            // Past the source's end, as for a bracket never closed.
            return SourcePosition(file: file, line: firstLine + last.line + line - lineStarts.count, column: column)
        }
        let start = lineStarts[line - 1]
        return SourcePosition(file: file, line: firstLine + start.line, column: start.column + column - 1)
    }

    /// The file position of the character at `offset` (in characters) of `source`.
    private func position(ofCharacter offset: Int, in source: String) -> SourcePosition {
        var line = firstLine, column = 1
        for character in source.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(file: file, line: line, column: column)
    }

    /// YAML also ends a line at a carriage return, a U+0085, U+2028 or U+2029, which the lesson
    /// file keeps inside its lines: for a source that holds one, the file line (from 0) and
    /// column of each YAML line's first character, and one more for the end of the source.
    private static func lineStarts(of source: String) -> [(line: Int, column: Int)]? {
        let breaks: Set<Unicode.Scalar> = ["\r", "\u{85}", "\u{2028}", "\u{2029}"]
        guard source.unicodeScalars.contains(where: breaks.contains) else { return nil }
        var starts = [(line: 0, column: 1)]
        var line = 0, column = 1
        var previous: Unicode.Scalar?
        for scalar in source.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                // "\r\n" is one break to YAML.
                if previous == "\r" { starts[starts.count - 1] = (line, column) } else { starts.append((line, column)) }
            } else {
                column += 1
                if breaks.contains(scalar) { starts.append((line, column)) }
            }
            previous = scalar
        }
        return starts
    }

    private func convert(_ node: Node) throws(LessonError) -> LessonValue {
        switch node {
        case let .scalar(scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            if plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return LessonValue(.empty, at: position(scalar.mark))
            }
            return LessonValue(.scalar(scalar.string, isPlain: plain), at: position(scalar.mark))
        case let .sequence(sequence):
            var items = [LessonValue]()
            for item in sequence { items.append(try convert(item)) }
            return LessonValue(.list(items), at: position(sequence.mark))
        case let .mapping(mapping):
            var entries = [LessonEntry]()
            for (key, value) in mapping {
                guard case let .scalar(keyScalar) = key else {
                    throw LessonError(.invalidYAML(in: place, problem: "a key must be a plain word"), at: position(key.mark))
                }
                entries.append(
                    LessonEntry(key: keyScalar.string, keyPosition: position(keyScalar.mark), value: try convert(value)))
            }
            return LessonValue(.mapping(entries), at: position(mapping.mark))
        case let .alias(alias):
            // Yams resolves aliases while composing, and `YAMLAnchorScan` refuses them before.
            throw LessonError(
                .invalidYAML(in: place, problem: "an alias (*\(alias.anchor.rawValue)): anchors and aliases are not supported; write each value out"),
                at: position(alias.mark))
        }
    }

    /// libyaml's own words, except where they name its C API: the nesting limit's message
    /// tells the reader to call `yaml_set_max_nest_level()`.
    private func readable(_ problem: String) -> String {
        problem.hasPrefix("Maximum nesting level reached")
            ? "lists and mappings nest too deeply (libyaml reads at most 1000 levels)" : problem
    }

    private func translate(_ error: YamlError) -> LessonError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return LessonError(.invalidYAML(in: place, problem: readable(problem)), at: position(mark))
        case let .reader(problem, offset, _, yaml):
            return LessonError(.invalidYAML(in: place, problem: problem), at: position(ofCharacter: offset ?? 0, in: yaml))
        case let .duplicatedKeysInMapping(duplicates, context):
            return LessonError(
                .invalidYAML(in: place, problem: "key '\(duplicates.joined(separator: "', '"))' appears more than once"),
                at: position(context.mark))
        default:
            return LessonError(.invalidYAML(in: place, problem: "\(error)"), at: position(nil))
        }
    }
}
