import CYaml

/// Finds the first anchor (`&name`) or alias (`*name`) of a piece of YAML with libyaml's
/// scanner, before anything is composed.
///
/// An alias stands for its anchor's whole value, so ten short lines of aliases can stand for
/// 10⁹ values ("billion laughs"); Yams resolves them while composing and hashes mapping keys
/// whole, so the lesson format refuses both before composing. The scan reads tokens only: it
/// takes time linear in the source and builds nothing.
enum YAMLAnchorScan {
    /// What the scan found: an anchor or an alias, and where its `&` or `*` stands (YAML's
    /// line and column, from 1, columns in Unicode scalars as libyaml counts them).
    struct Finding: Equatable {
        enum Kind { case anchor, alias }
        let kind: Kind
        let name: String
        let line: Int
        let column: Int
    }

    /// Past this depth of nested collections the scan stops, and the composer's nesting limit
    /// (1000 levels) reports the source: libyaml's scanner checks every open level at every
    /// token, so 40,000 `[` would take it seconds.
    static let maximumDepth = 1_000

    /// The first anchor or alias of `source`, or `nil` when it has none, does not scan or
    /// nests deeper than `maximumDepth` (the composer reports the error then, with its own
    /// position).
    static func first(in source: String) -> Finding? {
        var utf8 = Array(source.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return utf8.withUnsafeMutableBufferPointer { buffer -> Finding? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
                defer { yaml_token_delete(&token) }
                let kind: Finding.Kind
                let name: UnsafeMutablePointer<yaml_char_t>?
                switch token.type {
                case YAML_ANCHOR_TOKEN: (kind, name) = (.anchor, token.data.anchor.value)
                case YAML_ALIAS_TOKEN: (kind, name) = (.alias, token.data.alias.value)
                case YAML_STREAM_END_TOKEN, YAML_NO_TOKEN: return nil
                case YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN, YAML_BLOCK_SEQUENCE_START_TOKEN,
                    YAML_BLOCK_MAPPING_START_TOKEN:
                    depth += 1
                    if depth > maximumDepth { return nil }
                    continue
                case YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN, YAML_BLOCK_END_TOKEN:
                    depth -= 1
                    continue
                default: continue
                }
                return Finding(
                    kind: kind, name: name.map { String(cString: $0) } ?? "",
                    line: token.start_mark.line + 1, column: token.start_mark.column + 1)
            }
        }
    }
}
