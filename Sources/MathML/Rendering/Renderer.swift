// Nodes → MathML Core markup. Every node becomes one element. Lists add the spacing TeX
// gives and the browser's operator dictionary does not: unary signs (`form="prefix"`),
// thin spaces around function names and dots, and U+2061 FUNCTION APPLICATION after a
// function name (with a thin space unless a delimiter follows: `\log x`, but `\log(x)`).

struct Renderer {
    private(set) var output = ""

    /// Renders `nodes` one after another, as the children of an `mrow` or `mtd`.
    mutating func renderList(_ nodes: [Node]) {
        for (index, node) in nodes.enumerated() {
            let previous = index > 0 ? nodes[index - 1] : nil
            if case .op(let text, .standard) = node, Node.signs.contains(text),
                previous?.makesFollowingOperatorUnary ?? true
            {
                output += #"<mo form="prefix">\#(text)</mo>"#
                continue
            }
            // TeX puts a thin space between an ordinary atom and a function name or a row of
            // dots (`y \log x`, `w_1 \cdots w_n`); operators bring their own spacing.
            if node.isFunction || node.isInner, let previous, !previous.makesFollowingOperatorUnary {
                output += Renderer.thinSpace
            }
            render(node)
            if node.isInner, index + 1 < nodes.count, !nodes[index + 1].isOperator {
                output += Renderer.thinSpace
            }
            if node.isFunction {
                output += "<mo>&#x2061;</mo>"
                if index + 1 < nodes.count, !nodes[index + 1].startsWithOpeningDelimiter {
                    output += Renderer.thinSpace
                }
            }
        }
    }

    private static let thinSpace = #"<mspace width="0.1667em"/>"#

    /// Renders `node` as one element.
    mutating func render(_ node: Node) {
        switch node {
        case .identifier(let text, let upright):
            output += upright && text.unicodeScalars.count == 1 ? #"<mi mathvariant="normal">"# : "<mi>"
            output += text.xmlEscaped
            output += "</mi>"
        case .number(let text):
            output += "<mn>\(text)</mn>"
        case .op(let text, let role):
            switch role {
            case .smallFence where text == "|" || text == "‖":
                // The dictionary spaces an infix bar as a relation; TeX's `|` is ordinary.
                output += #"<mo stretchy="false" lspace="0em" rspace="0em">"#
            case .smallFence: output += #"<mo stretchy="false">"#
            case .unspaced: output += #"<mo lspace="0em" rspace="0em">"#
            case .relation: output += #"<mo lspace="0.2778em" rspace="0.2778em">"#
            case .standard, .largeOperator: output += "<mo>"
            }
            output += text.xmlEscaped
            output += "</mo>"
        case .text(let text):
            output += "<mtext>\(text.xmlEscaped.replacingNoBreakSpaces())</mtext>"
        case .space(let width):
            if width.hasPrefix("-") {
                output += #"<mspace style="margin-left: \#(width)"/>"#
            } else {
                output += #"<mspace width="\#(width)"/>"#
            }
        case .row(let nodes):
            output += "<mrow>"
            renderList(nodes)
            output += "</mrow>"
        case .function(let name, _):
            output += "<mi>\(name.xmlEscaped)</mi>"
        case .fraction(let numerator, let denominator, let style):
            switch style {
            case .inherited: output += "<mfrac>"
            case .text: output += #"<mstyle displaystyle="false"><mfrac>"#
            case .display: output += #"<mstyle displaystyle="true"><mfrac>"#
            }
            render(numerator)
            render(denominator)
            output += style == .inherited ? "</mfrac>" : "</mfrac></mstyle>"
        case .root(let radicand, let index):
            if let index {
                output += "<mroot>"
                render(radicand)
                render(index)
                output += "</mroot>"
            } else {
                output += "<msqrt>"
                if case .row(let nodes) = radicand { renderList(nodes) } else { render(radicand) }
                output += "</msqrt>"
            }
        case .scripts(let base, let sub, let sup):
            renderScripts(base: base, sub: sub, sup: sup)
        case .stack(let base, let annotation, let under):
            output += under ? "<munder>" : "<mover>"
            render(base)
            render(annotation)
            output += under ? "</munder>" : "</mover>"
        case .accent(let base, let mark, let size):
            output += #"<mover accent="true">"#
            render(base)
            switch size {
            case .fixed: output += #"<mo stretchy="false">"#
            case .stretchy: output += #"<mo stretchy="true">"#
            case .reduced: output += #"<mo stretchy="false" mathsize="70%">"#
            }
            output += mark.xmlEscaped
            output += "</mo></mover>"
        case .fenced(let open, let close, let nodes):
            output += "<mrow>"
            if let open { output += "<mo>\(open.xmlEscaped)</mo>" }
            renderList(nodes)
            if let close { output += "<mo>\(close.xmlEscaped)</mo>" }
            output += "</mrow>"
        case .table(let kind, let rows):
            renderTable(kind, rows: rows)
        }
    }

    private mutating func renderScripts(base: Node, sub: Node?, sup: Node?) {
        let limits: Bool
        switch base {
        case .op(_, .largeOperator), .function(_, limits: true): limits = true
        default: limits = false
        }
        let name: String
        switch (sub != nil, sup != nil) {
        case (true, true): name = limits ? "munderover" : "msubsup"
        case (true, false): name = limits ? "munder" : "msub"
        default: name = limits ? "mover" : "msup"
        }
        output += "<\(name)>"
        render(base)
        if let sub { render(sub) }
        if let sup { render(sup) }
        output += "</\(name)>"
    }

    private mutating func renderTable(_ kind: TableKind, rows: [[[Node]]]) {
        var open: String?
        var close: String?
        var table = "<mtable>"
        switch kind {
        case .matrix(let o, let c):
            open = o
            close = c
        case .aligned:
            table = #"<mtable displaystyle="true">"#
        case .cases:
            open = "{"
        case .array:
            break
        }
        if open != nil || close != nil {
            // Cells are padded 0.4em on each side; TeX's matrices have no padding at the
            // delimiters, only the delimiter's own side bearing.
            let margin = close == nil ? "margin-left: -0.25em" : "margin: 0 -0.25em"
            table = table.dropLast() + #" style="\#(margin)">"#
            output += "<mrow>"
        }
        if let open { output += "<mo>\(open)</mo>" }
        output += table
        for row in rows {
            output += "<mtr>"
            for (column, cell) in row.enumerated() {
                output += "<mtd" + Renderer.cellAttributes(kind, column: column) + ">"
                renderList(cell)
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
        if let close { output += "<mo>\(close)</mo>" }
        if open != nil || close != nil { output += "</mrow>" }
    }

    /// The attributes of a cell in `column`: its alignment and the padding TeX would give.
    ///
    /// MathML Core has no `columnalign`, and Chromium centres a cell's math as a block, so
    /// plain `text-align: right` does nothing there: only `-webkit-right` moves it. Firefox
    /// reads `columnalign` instead; Safari understands both. `aligned` pairs a right-aligned
    /// column with a left-aligned one and no gap between them, as amsmath does.
    private static func cellAttributes(_ kind: TableKind, column: Int) -> String {
        let alignment: ColumnAlignment
        var padding = ""
        switch kind {
        case .matrix:
            return ""
        case .aligned:
            alignment = column % 2 == 0 ? .right : .left
            padding = column % 2 == 1 ? "; padding-left: 0" : column == 0 ? "; padding-right: 0" : "; padding-right: 0; padding-left: 2em"
        case .cases:
            alignment = .left
            padding = column == 0 ? "" : "; padding-left: 1em"
        case .array(let columns):
            alignment = columns[column]
        }
        switch alignment {
        case .center: return ""
        case .left: return #" columnalign="left" style="text-align: -webkit-left\#(padding)""#
        case .right: return #" columnalign="right" style="text-align: -webkit-right\#(padding)""#
        }
    }
}

extension String {
    /// Spells U+00A0 as an entity so the markup shows where text keeps its spaces.
    fileprivate func replacingNoBreakSpaces() -> String {
        guard contains("\u{A0}") else { return self }
        return split(separator: "\u{A0}", omittingEmptySubsequences: false).joined(separator: "&#xA0;")
    }
}
