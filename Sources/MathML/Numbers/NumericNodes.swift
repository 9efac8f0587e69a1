// Numbers and matrices as nodes, so that they render exactly like the same values written
// in LaTeX (`-0.8`, `\begin{bmatrix} … \end{bmatrix}_{(2 \times 3)}`).

enum NumericNodes {
    static func number(_ spelled: NumberFormat.Spelled) -> Node {
        let magnitude: Node
        switch spelled.magnitude {
        case .notANumber: return .identifier("NaN", upright: true)
        case .infinity: magnitude = .identifier("∞", upright: false)
        case .finite(let digits, nil): magnitude = .number(digits)
        case .finite(let digits, let exponent?):
            let power: Node = exponent < 0 ? .row([.op("−", .standard), .number(String(-exponent))]) : .number(String(exponent))
            magnitude = .row([.number(digits), .op("×", .standard), .scripts(base: .number("10"), sub: nil, sup: power)])
        }
        return spelled.isNegative ? .row([.op("−", .standard), magnitude]) : magnitude
    }

    static func matrix(_ rows: [[Double]], format: NumberFormat, layout: MatrixLayout) -> Node {
        let (cells, showsShape) = layout.lay(rows)
        let table = Node.table(.matrix(open: "[", close: "]"), rows: cells.map { row in
            row.map { cell -> [Node] in
                switch cell {
                case .value(let value):
                    // A cell is already a row: `−0.8` is two cell children, as from `-0.8`.
                    if case .row(let children) = number(format.spell(value)) { return children }
                    return [number(format.spell(value))]
                case .verticalDots: return [.identifier("⋮", upright: false)]
                case .horizontalDots: return [.identifier("⋯", upright: false)]
                case .diagonalDots: return [.identifier("⋱", upright: false)]
                }
            }
        })
        guard showsShape else { return table }
        let shape = Node.row([
            .op("(", .smallFence), .number(String(rows.count)), .op("×", .standard),
            .number(String(rows.first?.count ?? 0)), .op(")", .smallFence),
        ])
        return .scripts(base: table, sub: shape, sup: nil)
    }
}
