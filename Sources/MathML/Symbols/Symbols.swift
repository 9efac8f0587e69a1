// The commands the converter knows that stand for a single symbol, grouped by how MathML
// must classify them. A command that is in none of these tables (nor a structural command
// in `Parser+Commands.swift`) is an error, never dropped.

enum Symbols {
    /// Greek letters.
    ///
    /// Lower case renders italic, upper case upright, as in TeX.
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Ordinary symbols that are identifiers (`mi`); `true` means upright (`mathvariant="normal"`).
    static let ordinary: [String: (text: String, upright: Bool)] = [
        "partial": ("∂", true), "nabla": ("∇", true), "infty": ("∞", false), "ell": ("ℓ", false),
        "top": ("⊤", false), "bot": ("⊥", false), "emptyset": ("∅", false), "hbar": ("ℏ", false),
        "imath": ("ı", false), "jmath": ("ȷ", false), "aleph": ("ℵ", false), "Re": ("ℜ", false),
        "Im": ("ℑ", false), "angle": ("∠", false), "checkmark": ("✓", false),
        // Dots are ordinary symbols in TeX: no operator spacing of their own.
        "dots": ("…", false), "ldots": ("…", false), "cdots": ("⋯", false), "vdots": ("⋮", false),
        "ddots": ("⋱", false),
    ]

    /// Binary operators, relations, arrows, dots and punctuation (`mo`).
    static let operators: [String: String] = [
        // binary operators
        "times": "×", "cdot": "⋅", "div": "÷", "pm": "±", "mp": "∓", "odot": "⊙", "otimes": "⊗",
        "oplus": "⊕", "ominus": "⊖", "circ": "∘", "ast": "∗", "star": "⋆", "bullet": "∙",
        "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "cap": "∩", "cup": "∪", "setminus": "∖",
        // relations
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
        "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "in": "∈",
        "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇",
        "ll": "≪", "gg": "≫", "prec": "≺", "succ": "≻", "mid": "∣", "parallel": "∥", "perp": "⟂",
        "coloneqq": "≔", "triangleq": "≜",
        // arrows
        "leftarrow": "←", "gets": "←", "rightarrow": "→", "to": "→", "leftrightarrow": "↔",
        "Leftarrow": "⇐", "Rightarrow": "⇒", "Leftrightarrow": "⇔", "longleftarrow": "⟵",
        "longrightarrow": "⟶", "Longleftarrow": "⟸", "Longrightarrow": "⟹", "implies": "⟹",
        "impliedby": "⟸", "iff": "⟺", "mapsto": "↦", "uparrow": "↑", "downarrow": "↓",
        // logic and punctuation
        "forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬",
        "colon": ":", "prime": "′",
    ]

    /// Relations that need their spacing spelled out (see `OperatorRole.relation`).
    static let relations: [String: String] = ["therefore": "∴", "because": "∵"]

    /// Large operators whose scripts become limits (`munderover`) in display style.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "oint": "∮",
        "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
    ]

    /// Named functions, set upright and followed by an invisible function application.
    static let functions: Set<String> = [
        "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh",
        "tanh", "coth", "arcsin", "arccos", "arctan", "arg", "det", "dim", "ker", "deg", "gcd",
        "Pr",
    ]

    /// Named functions whose subscript sits under the name (`\max_{x}`).
    static let limitFunctions: Set<String> = ["max", "min", "lim", "sup", "inf", "argmax", "argmin"]

    /// Spacing commands and their width in em.
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em",
        "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em",
        "negthinspace": "-0.1667em", " ": "0.3333em", "enspace": "0.5em", "quad": "1em",
        "qquad": "2em",
    ]

    /// Escaped characters (`\{`, `\%`, …) and how they render.
    static let escapedCharacters: [String: Node] = [
        "{": .op("{", .smallFence), "}": .op("}", .smallFence), "|": .op("‖", .smallFence),
        "%": .op("%", .standard), "&": .op("&", .standard), "#": .op("#", .standard),
        "_": .op("_", .standard), "$": .identifier("$", upright: false),
        "lbrace": .op("{", .smallFence), "rbrace": .op("}", .smallFence),
        "langle": .op("⟨", .smallFence), "rangle": .op("⟩", .smallFence),
        "lvert": .op("|", .smallFence), "rvert": .op("|", .smallFence),
        "vert": .op("|", .smallFence), "Vert": .op("‖", .smallFence),
        "lVert": .op("‖", .smallFence), "rVert": .op("‖", .smallFence),
        "lfloor": .op("⌊", .smallFence), "rfloor": .op("⌋", .smallFence),
        "lceil": .op("⌈", .smallFence), "rceil": .op("⌉", .smallFence),
    ]

    /// Delimiters accepted after `\left` and `\right`, by command name; `.` is the empty one.
    static let delimiterCommands: [String: String] = [
        "{": "{", "}": "}", "|": "‖", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
        "vert": "|", "Vert": "‖", "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    ]

    /// Delimiters accepted after `\left` and `\right` as plain characters.
    static let delimiterCharacters: [UInt8: String] = [
        UInt8(ascii: "("): "(", UInt8(ascii: ")"): ")", UInt8(ascii: "["): "[",
        UInt8(ascii: "]"): "]", UInt8(ascii: "|"): "|", UInt8(ascii: "/"): "/",
    ]

    /// Accents and the character drawn above the base.
    static let accents: [String: (mark: String, size: AccentSize)] = [
        "hat": ("^", .fixed), "widehat": ("^", .stretchy), "bar": ("¯", .fixed), "overline": ("‾", .stretchy),
        "dot": ("˙", .fixed), "ddot": ("¨", .fixed), "tilde": ("~", .fixed), "widetilde": ("~", .stretchy),
        "vec": ("→", .reduced), "check": ("ˇ", .fixed), "breve": ("˘", .fixed), "acute": ("´", .fixed),
        "grave": ("`", .fixed), "overrightarrow": ("→", .stretchy),
    ]
}
