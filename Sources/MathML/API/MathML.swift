/// Converts the LaTeX math subset the lessons use into MathML Core, which browsers render
/// natively (no JavaScript, no network).
///
/// ```swift
/// let html = try MathML.convert(#"\hat{y} = \sigma(\mathbf{w}^\top \mathbf{x} + b)"#, display: true)
/// // <math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow>…
/// ```
///
/// The supported subset is listed in this module's README. Anything outside it (an unknown
/// command or environment, an unbalanced brace, `\left` without `\right`, ragged table rows)
/// throws a ``MathError`` with the offset where it happened; nothing is silently dropped.
/// The output is deterministic: the same formula always gives the same bytes.
public enum MathML {
    /// The MathML namespace, as the `xmlns` of every `<math>` element.
    public static let namespace = "http://www.w3.org/1998/Math/MathML"

    /// Converts a formula to a complete `<math>` element.
    ///
    /// The element carries the source in `<annotation encoding="application/x-tex">`, and
    /// `display="block"` for display math (`$$…$$`).
    ///
    /// - Parameters:
    ///   - tex: The formula without its dollar signs.
    ///   - display: Whether it is display math (`$$…$$`) rather than inline (`$…$`).
    /// - Returns: `<math …><semantics><mrow>…</mrow><annotation …>tex</annotation></semantics></math>`.
    /// - Throws: ``MathError`` at the first construct outside the supported subset.
    public static func convert(_ tex: String, display: Bool) throws(MathError) -> String {
        math(try fragment(tex), display: display, annotation: tex)
    }

    /// Converts a formula to one `<mrow>` without the `<math>` element, to splice into a
    /// larger expression (for example beside ``matrix(_:format:layout:)`` values).
    ///
    /// - Parameter tex: The formula without its dollar signs.
    /// - Returns: `<mrow>…</mrow>`.
    /// - Throws: ``MathError`` at the first construct outside the supported subset.
    public static func fragment(_ tex: String) throws(MathError) -> String {
        var parser = Parser(tex)
        let nodes = try parser.parseFormula()
        var renderer = Renderer()
        renderer.render(.row(nodes))
        return renderer.output
    }

    /// Wraps MathML fragments in a `<math>` element.
    ///
    /// - Parameters:
    ///   - fragment: One element, usually an `<mrow>`, or several to be placed in a row.
    ///   - display: Whether to add `display="block"`.
    ///   - tex: A LaTeX source to carry as the annotation, or `nil` for none.
    /// - Returns: The `<math>` element.
    public static func math(_ fragment: String, display: Bool, annotation tex: String? = nil) -> String {
        var result = #"<math xmlns="\#(namespace)""#
        if display { result += #" display="block""# }
        result += ">"
        if let tex {
            result += "<semantics>" + fragment + #"<annotation encoding="application/x-tex">"#
            result += tex.xmlEscaped + "</annotation></semantics>"
        } else {
            result += fragment
        }
        return result + "</math>"
    }

    /// Wraps several fragments in one `<mrow>`.
    ///
    /// - Parameter fragments: MathML elements, in order.
    /// - Returns: `<mrow>` + the fragments + `</mrow>`.
    public static func row(_ fragments: [String]) -> String {
        "<mrow>" + fragments.joined() + "</mrow>"
    }

    /// An operator element, such as `"="`, `"−"` or `"×"`, to join fragments in a relation.
    ///
    /// - Parameter text: The operator's characters; they are escaped.
    /// - Returns: `<mo>text</mo>`.
    public static func op(_ text: String) -> String {
        "<mo>\(text.xmlEscaped)</mo>"
    }
}
