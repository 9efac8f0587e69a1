/// Numeric typesetting in LaTeX, for writers that emit `$$…$$` (the Markdown report): the
/// same rounding and elision as ``MathML/number(_:format:)`` and
/// ``MathML/matrix(_:format:layout:)``, and converting the result with ``MathML/fragment(_:)``
/// gives the same MathML.
public enum TeX {
    /// A number in LaTeX: `0.5`, `-0.8`, `1.235 \times 10^{-5}`, `\infty`, `\mathrm{NaN}`.
    ///
    /// - Parameters:
    ///   - value: Any `Double`.
    ///   - format: The rounding; the default is 4 significant digits.
    /// - Returns: LaTeX math-mode source.
    public static func number(_ value: Double, format: NumberFormat = NumberFormat()) -> String {
        let spelled = format.spell(value)
        let magnitude: String
        switch spelled.magnitude {
        case .notANumber: return #"\mathrm{NaN}"#
        case .infinity: magnitude = #"\infty"#
        case .finite(let digits, nil): magnitude = digits
        case .finite(let digits, let exponent?): magnitude = #"\#(digits) \times 10^{\#(exponent)}"#
        }
        return (spelled.isNegative ? "-" : "") + magnitude
    }

    /// A vector or matrix in LaTeX: `\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}`, elided
    /// with `\cdots`, `\vdots`, `\ddots`, and followed by `_{(784 \times 128)}` when the
    /// layout writes the shape.
    ///
    /// - Parameters:
    ///   - rows: The entries, row by row; every row must have the same length.
    ///   - format: The rounding; the default is 4 significant digits.
    ///   - layout: The elision and shape; the default shows at most 6 × 6 cells.
    /// - Returns: LaTeX math-mode source.
    public static func matrix(_ rows: [[Double]], format: NumberFormat = NumberFormat(), layout: MatrixLayout = MatrixLayout()) -> String {
        let (cells, showsShape) = layout.lay(rows)
        let body = cells.map { row in
            row.map { cell -> String in
                switch cell {
                case .value(let value): return number(value, format: format)
                case .verticalDots: return #"\vdots"#
                case .horizontalDots: return #"\cdots"#
                case .diagonalDots: return #"\ddots"#
                }
            }.joined(separator: " & ")
        }.joined(separator: #" \\ "#)
        var tex = #"\begin{bmatrix} \#(body) \end{bmatrix}"#
        guard showsShape else { return tex }
        // Chosen rows or columns (`MatrixLayout.rowChoices`) are named, counted from 1.
        let columnCount = rows.first?.count ?? 0
        var shape = "\(rows.count) \\times \(columnCount)"
        if rows.count > layout.maxRows, let chosen = layout.rowChoices[rows.count], !chosen.isEmpty {
            shape += ";\\ \\text{rows } " + Self.span(chosen)
        }
        if columnCount > layout.maxColumns, let chosen = layout.columnChoices[columnCount], !chosen.isEmpty {
            shape += ";\\ \\text{columns } " + Self.span(chosen)
        }
        return tex + "_{(" + shape + ")}"
    }

    /// Indices counted from 0, named from 1: `153\text{–}156`, or one number.
    private static func span(_ indices: [Int]) -> String {
        let sorted = indices.sorted()
        return sorted.count == 1 ? "\(sorted[0] + 1)" : "\(sorted.first! + 1)\\text{–}\(sorted.last! + 1)"
    }
}
