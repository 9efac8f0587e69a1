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

    /// `f` as a Python expression of the floats `x` and `y` (numpy's functions, which give
    /// infinities rather than errors when a walk runs away).
    static func python(_ f: ScalarFunction) -> String {
        func wrapped(_ g: ScalarFunction) -> String { "(" + python(g) + ")" }
        switch f {
        case let .constant(value): return value < 0 ? "(\(value))" : "\(value)"
        case let .variable(_, name): return name
        case let .sum(a, b): return wrapped(a) + " + " + wrapped(b)
        case let .difference(a, b): return wrapped(a) + " - " + wrapped(b)
        case let .product(a, b): return wrapped(a) + " * " + wrapped(b)
        case let .quotient(a, b): return wrapped(a) + " / " + wrapped(b)
        case let .power(a, p):
            switch p {
            case 1: return wrapped(a)
            case 2: return wrapped(a) + " * " + wrapped(a)
            case 3: return wrapped(a) + " * " + wrapped(a) + " * " + wrapped(a)
            default: return "np.power(" + python(a) + ", \(p))"
            }
        case let .negation(a): return "-" + wrapped(a)
        case let .call(function, a):
            switch function {
            case .sigmoid: return "1 / (1 + np.exp(-" + wrapped(a) + "))"
            case .tanh: return "np.tanh(" + python(a) + ")"
            case .relu: return "max(0.0, " + python(a) + ")"
            case .linear: return wrapped(a)
            case .exp: return "np.exp(" + python(a) + ")"
            case .sqrt: return "np.sqrt(" + python(a) + ")"
            case .log: return "np.log(" + python(a) + ")"
            default: return "math.nan"
            }
        case let .step(a): return "(1.0 if " + wrapped(a) + " > 0 else 0.0)"
        }
    }
}
