// The parsed formula: a small tree that maps one to one onto MathML Core elements.

/// How an operator (`mo`) behaves beyond the browser's operator dictionary.
enum OperatorRole: Equatable, Sendable {
    /// Spacing and stretching as the browser's operator dictionary says (`+`, `=`, `→`, …).
    case standard
    /// A TeX ordinary symbol set as `mo` (`/`, `.`): no space on either side.
    case unspaced
    /// A TeX relation the dictionary spaces as a prefix operator (`∴` at the start of a
    /// formula came out tight): a thick space on either side.
    case relation
    /// A parenthesis, bracket or bar written without `\left`/`\right`: it must not stretch.
    case smallFence
    /// `\sum`, `\prod`, …: its scripts become limits.
    case largeOperator
}

/// How a fraction sets its own style.
enum FractionStyle: Equatable, Sendable {
    case inherited, text, display
}

/// How an accent mark is sized.
enum AccentSize: Equatable, Sendable {
    /// The mark as the font draws it (`\hat`).
    case fixed
    /// Stretched over the base (`\widehat`, `\overline`).
    case stretchy
    /// Drawn at 70%: the full-size arrow is too big for `\vec`, and the combining arrow
    /// U+20D7 is placed off the base by browsers.
    case reduced
}

/// One of the table environments.
enum TableKind: Equatable, Sendable {
    /// `matrix`, `pmatrix`, `bmatrix`, …: centred columns between optional fences.
    case matrix(open: String?, close: String?)
    /// `aligned`: right/left column pairs in display style.
    case aligned
    /// `cases`: left-aligned columns after a brace.
    case cases
    /// `array`: one alignment per column from the column specification.
    case array([ColumnAlignment])
}

/// The alignment of one `array` column.
enum ColumnAlignment: Equatable, Sendable {
    case left, center, right
}

/// A node of the parsed formula.
indirect enum Node: Equatable, Sendable {
    /// `mi`; `upright` asks for `mathvariant="normal"` on a single character.
    case identifier(String, upright: Bool)
    /// `mn`.
    case number(String)
    /// `mo`.
    case op(String, OperatorRole)
    /// `mtext`.
    case text(String)
    /// `mspace` of the given width (`0.1667em`).
    case space(String)
    /// `mrow`.
    case row([Node])
    /// A named function (`\log`): `mi` followed by U+2061 FUNCTION APPLICATION.
    case function(String, limits: Bool)
    /// `mfrac`.
    case fraction(Node, Node, FractionStyle)
    /// `msqrt`, or `mroot` with an index.
    case root(Node, index: Node?)
    /// `msub`/`msup`/`msubsup`, or `munder`/`mover`/`munderover` for limits.
    case scripts(base: Node, sub: Node?, sup: Node?)
    /// `mover` (or `munder` when `under`) with a non-script annotation (`\overset`, `\underset`).
    case stack(base: Node, annotation: Node, under: Bool)
    /// An accent over the base (`\hat`).
    case accent(Node, mark: String, AccentSize)
    /// `\left … \right`: an `mrow` between stretchy delimiters (`nil` for `.`).
    case fenced(open: String?, close: String?, [Node])
    /// A table environment; each cell is a list of nodes.
    case table(TableKind, rows: [[[Node]]])
}

extension Node {
    /// Whether this node is a named function (possibly with scripts), which the renderer
    /// follows with an invisible function application.
    var isFunction: Bool {
        switch self {
        case .function: return true
        case .scripts(let base, _, _): return base.isFunction
        default: return false
        }
    }

    /// Whether this node starts with an opening delimiter.
    ///
    /// No thin space goes between a function name and a delimiter: TeX sets `\log(x)` tight.
    /// Whether a `+` or `−` after this node is unary (TeX's rule: after nothing, an operator,
    /// a relation or an opening delimiter, a binary operator is not binary).
    var makesFollowingOperatorUnary: Bool {
        switch self {
        case .op(let text, _): return !Node.closingDelimiters.contains(text)
        case .space: return true
        default: return false
        }
    }

    /// Whether this is a row of dots, which TeX spaces like an inner formula.
    var isInner: Bool {
        if case .identifier(let text, _) = self { return text == "…" || text == "⋯" }
        return false
    }

    /// Whether this is an operator (possibly with scripts), which brings its own spacing.
    var isOperator: Bool {
        switch self {
        case .op: return true
        case .scripts(let base, _, _): return base.isOperator
        default: return false
        }
    }

    static let closingDelimiters: Set<String> = [")", "]", "}", "⟩", "⌋", "⌉", "|", "‖"]
    static let signs: Set<String> = ["+", "−", "±", "∓"]

    var startsWithOpeningDelimiter: Bool {
        switch self {
        case .op(let text, .smallFence): return ["(", "[", "{", "⟨", "|", "‖", "⌊", "⌈"].contains(text)
        case .fenced: return true
        case .table(.matrix(let open, _), _): return open != nil
        case .scripts(let base, _, _): return base.startsWithOpeningDelimiter
        default: return false
        }
    }
}
