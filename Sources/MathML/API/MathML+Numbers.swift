/// Numeric typesetting for the equation-with-numbers blocks: scalars, vectors and matrices
/// as MathML fragments to splice into a relation.
///
/// ```swift
/// let relation = MathML.row([
///     try MathML.fragment(#"\mathbf{W}^1"#), MathML.op("="),
///     MathML.matrix([[1, 1], [1, 1]]), MathML.op("−"), MathML.number(0.1), MathML.op("×"),
///     MathML.matrix([[0.8, 0.8], [0.8, 0.8]]),
/// ])
/// let html = MathML.math(relation, display: true)
/// ```
extension MathML {
    /// A number as MathML: `<mn>0.5</mn>`, or `<mrow><mo form="prefix">−</mo><mn>0.8</mn></mrow>`
    /// when negative, or `1.235 × 10⁻⁵` in scientific notation.
    ///
    /// - Parameters:
    ///   - value: Any `Double`; NaN is written `NaN` and infinities `∞`.
    ///   - format: The rounding; the default is 4 significant digits.
    /// - Returns: One MathML element.
    public static func number(_ value: Double, format: NumberFormat = NumberFormat()) -> String {
        var renderer = Renderer()
        renderer.render(NumericNodes.number(format.spell(value)))
        return renderer.output
    }

    /// A vector or matrix as MathML: a bracketed table, elided with `⋯ ⋮ ⋱` past the
    /// layout's limits, with its shape as a subscript when the layout asks for it.
    ///
    /// A vector is a matrix with one row (`[[1, 2, 3]]`) or one column (`[[1], [2], [3]]`).
    ///
    /// - Parameters:
    ///   - rows: The entries, row by row; every row must have the same length.
    ///   - format: The rounding; the default is 4 significant digits.
    ///   - layout: The elision and shape; the default shows at most 6 × 6 cells.
    /// - Returns: One MathML element.
    public static func matrix(_ rows: [[Double]], format: NumberFormat = NumberFormat(), layout: MatrixLayout = MatrixLayout()) -> String {
        var renderer = Renderer()
        renderer.render(NumericNodes.matrix(rows, format: format, layout: layout))
        return renderer.output
    }
}
