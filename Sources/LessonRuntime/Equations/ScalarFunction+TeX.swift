import MathML
import Relations

extension ScalarFunction {
    /// The function as LaTeX, written as one would by hand: `2x`, `-400x(y - x^{2})`,
    /// `\frac{1}{y}`, `\sigma(2x)`, `\sqrt{x^{2} + y^{2}}`; with `index`, every variable
    /// carries it (`x_{n}`), for a formula at the n-th iterate.
    func tex(index: String? = nil) -> String {
        func wrapped(_ f: ScalarFunction, below level: Int) -> String {
            let inner = f.tex(index: index)
            return f.precedence < level ? "(" + inner + ")" : inner
        }
        func signedOrBelow(_ f: ScalarFunction, _ level: Int) -> String {
            f.isSigned ? "(" + f.tex(index: index) + ")" : wrapped(f, below: level)
        }
        switch self {
        case .constant(let value): return TeX.number(value, format: NumberFormat(significantDigits: 17))
        case .variable(_, let name): return name + (index.map { $0.count == 1 ? "_" + $0 : "_{\($0)}" } ?? "")
        case .sum(let a, let b): return a.tex(index: index) + " + " + signedOrBelow(b, 2)
        case .difference(let a, let b): return a.tex(index: index) + " - " + signedOrBelow(b, 2)
        case .product(let a, let b):
            let left = wrapped(a, below: 2), right = signedOrBelow(b, 3)
            return left + (b.isJuxtaposable(after: a) ? (a.isConstant ? "" : " ") : " \\cdot ") + right
        case .quotient(let a, let b): return "\\frac{" + a.tex(index: index) + "}{" + b.tex(index: index) + "}"
        case .power(let a, let p):
            let base = a.isSigned ? "(" + a.tex(index: index) + ")" : wrapped(a, below: 5)
            return "{" + base + "}^{" + TeX.number(p, format: NumberFormat(significantDigits: 17)) + "}"
        case .negation(let a): return "-" + signedOrBelow(a, 2)
        case .call(.sqrt, let a): return "\\sqrt{" + a.tex(index: index) + "}"
        case .call(let function, let a): return FilledTeXWriter.name(of: function) + "(" + a.tex(index: index) + ")"
        case .step(let a): return "\\mathrm{ReLU}'(" + a.tex(index: index) + ")"
        }
    }
}
