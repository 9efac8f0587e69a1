import Engine
import Relations

extension NotebookRecorder {
    /// Walks of gradient descent on a function of x and y (a `gradient-descent` table, or the
    /// paths of a `gradient-descent-path` plot): f and the gradient the engine derived, as
    /// Python, and each walk's last point beside the chapter's.
    func walkCode(_ walks: [GradientDescentWalk]) -> String? {
        guard let first = walks.first else { return nil }
        parts.insert(.walk)
        let function = first.function
        var lines = [
            "# f(x, y) = \(function.function.prettyText), and its gradient as the engine derived it.",
            "def f(x, y):",
            "    return \(Self.python(function.function))",
            "",
            "",
            "def gradient_f(x, y):",
            "    return (" + function.gradient.map(Self.python).joined(separator: ", ") + ")",
            "",
        ]
        for walk in walks {
            let path = walk.run()
            let settings = walk.optimizer.settings.values.sorted { $0.key < $1.key }.map { ($0.key, PythonLiteral.number($0.value)) }
            let last = path.coordinates.last ?? (walk.start.x, walk.start.y)
            lines.append("")
            lines.append("# \(walk.label), \(walk.steps) steps from (\(PythonLiteral.number(walk.start.x)), \(PythonLiteral.number(walk.start.y))).")
            lines.append(
                "points = walk(f, gradient_f, (\(PythonLiteral.number(walk.start.x)), \(PythonLiteral.number(walk.start.y))), \(PythonLiteral.number(walk.learningRate)), \(walk.steps), \(PythonLiteral.string(walk.optimizer.name)), \(PythonLiteral.dict(settings)))")
            lines.append("report(\"steps\", len(points) - 1, \(path.records.count))")
            lines.append("report(\"last x\", points[-1][0], \(PythonLiteral.number(last.0)))")
            lines.append("report(\"last y\", points[-1][1], \(PythonLiteral.number(last.1)))")
            lines.append("report(\"last f\", f(*points[-1]), \(PythonLiteral.number(path.values.last ?? walk.value(walk.start))))")
        }
        return lines.joined(separator: "\n")
    }

    /// `f` as a Python expression of the floats `x` and `y` that evaluates in the engine's order
    /// (`x^2` is `x * x`, and an operand is parenthesized wherever Python would group it
    /// otherwise); numpy's functions give infinities rather than errors when a walk runs away.
    static func python(_ f: ScalarFunction) -> String {
        func left(_ g: ScalarFunction, _ level: Int) -> String { pythonLevel(g) < level ? "(" + python(g) + ")" : python(g) }
        func right(_ g: ScalarFunction, _ level: Int) -> String { pythonLevel(g) <= level ? "(" + python(g) + ")" : python(g) }
        switch f {
        case let .constant(value): return value < 0 ? "(\(value))" : "\(value)"
        case let .variable(_, name): return name
        case let .sum(a, b): return left(a, 1) + " + " + right(b, 1)
        case let .difference(a, b): return left(a, 1) + " - " + right(b, 1)
        case let .product(a, b): return left(a, 2) + " * " + right(b, 2)
        case let .quotient(a, b): return left(a, 2) + " / " + right(b, 2)
        case let .power(a, p):
            switch p {
            case 1: return python(a)
            case 2: return left(a, 2) + " * " + right(a, 2)
            case 3: return left(a, 2) + " * " + right(a, 2) + " * " + right(a, 2)
            default: return "np.power(" + python(a) + ", \(p))"
            }
        case let .negation(a): return "-" + (pythonLevel(a) < 4 ? "(" + python(a) + ")" : python(a))
        case let .call(function, a):
            switch function {
            case .sigmoid: return "1 / (1 + np.exp(-" + (pythonLevel(a) < 4 ? "(" + python(a) + ")" : python(a)) + "))"
            case .tanh: return "np.tanh(" + python(a) + ")"
            case .relu: return "max(0.0, " + python(a) + ")"
            case .linear: return python(a)
            case .exp: return "np.exp(" + python(a) + ")"
            case .sqrt: return "np.sqrt(" + python(a) + ")"
            case .log: return "np.log(" + python(a) + ")"
            default: return "math.nan"
            }
        case let .step(a): return "(1.0 if " + python(a) + " > 0 else 0.0)"
        }
    }

    /// How tightly the Python of `f` binds: 1 a sum, 2 a product, 3 a negation, 4 an atom.
    private static func pythonLevel(_ f: ScalarFunction) -> Int {
        switch f {
        case .sum, .difference: 1
        case .product, .quotient: 2
        case let .power(a, p): p == 1 ? pythonLevel(a) : p == 2 || p == 3 ? 2 : 4
        case .negation: 3
        case let .call(function, a): function == .linear ? pythonLevel(a) : function == .sigmoid ? 2 : 4
        case .constant, .variable, .step: 4
        }
    }
}
