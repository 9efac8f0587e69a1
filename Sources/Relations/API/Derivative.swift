extension ScalarFunction {
    /// The partial derivative with respect to the variable with index `variable`, by the rules
    /// of calculus, lightly simplified (`simplified`):
    ///
    /// ```
    /// (a ± b)′ = a′ ± b′            (a b)′ = a′ b + a b′          (a / b)′ = (a′ b − a b′) / b²
    /// (aᵖ)′ = p aᵖ⁻¹ a′             (−a)′ = −a′                   c′ = 0,  x′ = 1 (0 for another variable)
    /// σ(a)′ = σ(a)(1 − σ(a)) a′     tanh(a)′ = (1 − tanh(a)²) a′  relu(a)′ = relu′(a) a′
    /// exp(a)′ = exp(a) a′           √a′ = a′ / (2√a)              log(a)′ = a′ / a
    /// ```
    /// ReLU's derivative is the step `relu′(a)` (0 at 0, as the engine takes it), whose own
    /// derivative is 0.
    public func derivative(withRespectTo variable: Int) -> ScalarFunction {
        raw(variable).simplified
    }

    /// The derivative by the rules, before simplification.
    private func raw(_ v: Int) -> ScalarFunction {
        switch self {
        case .constant, .step: return .constant(0)
        case .variable(let index, _): return .constant(index == v ? 1 : 0)
        case .sum(let a, let b): return .sum(a.raw(v), b.raw(v))
        case .difference(let a, let b): return .difference(a.raw(v), b.raw(v))
        case .product(let a, let b): return .sum(.product(a.raw(v), b), .product(a, b.raw(v)))
        case .quotient(let a, let b):
            // A denominator without the variable is a constant factor; a numerator without it, c/b.
            if !b.variableIndices.contains(v) { return .quotient(a.raw(v), b) }
            if !a.variableIndices.contains(v) { return .negation(.quotient(.product(a, b.raw(v)), .power(b, 2))) }
            return .quotient(.difference(.product(a.raw(v), b), .product(a, b.raw(v))), .power(b, 2))
        case .power(let a, let p): return .product(.product(.constant(p), .power(a, p - 1)), a.raw(v))
        case .negation(let a): return .negation(a.raw(v))
        case .call(let function, let a):
            let outer: ScalarFunction
            switch function {
            case .sigmoid: outer = .product(self, .difference(.constant(1), self))
            case .tanh: outer = .difference(.constant(1), .power(self, 2))
            case .relu: outer = .step(a)
            case .linear: outer = .constant(1)
            case .exp: outer = self
            case .sqrt: return .quotient(a.raw(v), .product(.constant(2), self))
            case .log: return .quotient(a.raw(v), a)
            default: preconditionFailure("\(function) is not a function of a number")
            }
            return .product(outer, a.raw(v))
        }
    }

    /// The function with the obvious simplifications made, so its derivative typesets as one
    /// would write it: numbers folded (`2 · 3` is 6, `x¹` is x, `x⁰` is 1), zeros and ones
    /// dropped (`0 + a`, `1 · a`, `a / 1`), `0 · a` is 0, signs gathered in front (`a · (−b)`
    /// is `−(a b)`, `a + (−b)` is `a − b`), and in a product the numbers multiplied into one
    /// factor at the front, then the variables and their powers, then the rest.
    public var simplified: ScalarFunction {
        switch self {
        case .constant, .variable: return self
        case .sum(let a, let b): return Self.add(a.simplified, b.simplified)
        case .difference(let a, let b): return Self.subtract(a.simplified, b.simplified)
        case .product(let a, let b): return Self.multiply(a.simplified, b.simplified)
        case .quotient(let a, let b): return Self.divide(a.simplified, b.simplified)
        case .power(let a, let p): return Self.raise(a.simplified, p)
        case .negation(let a): return Self.negate(a.simplified)
        case .call(let function, let a):
            let argument = a.simplified
            if case .constant = argument { return .constant(ScalarFunction.call(function, argument).value(at: [])) }
            return .call(function, argument)
        case .step(let a):
            let argument = a.simplified
            if case .constant(let c) = argument { return .constant(c > 0 ? 1 : 0) }
            return .step(argument)
        }
    }

    private static func negate(_ a: ScalarFunction) -> ScalarFunction {
        switch a {
        case .constant(let c): .constant(-c)
        case .negation(let inner): inner
        case .difference(let x, let y): .difference(y, x)
        default: .negation(a)
        }
    }

    private static func add(_ a: ScalarFunction, _ b: ScalarFunction) -> ScalarFunction {
        switch (a, b) {
        case let (.constant(x), .constant(y)): return .constant(x + y)
        case (.constant(0), _): return b
        case (_, .constant(0)): return a
        case let (_, .negation(inner)): return subtract(a, inner)
        case let (_, .constant(y)) where y < 0: return .difference(a, .constant(-y))
        case let (.negation(inner), _): return subtract(b, inner)
        default: return .sum(a, b)
        }
    }

    private static func subtract(_ a: ScalarFunction, _ b: ScalarFunction) -> ScalarFunction {
        switch (a, b) {
        case let (.constant(x), .constant(y)): return .constant(x - y)
        case (_, .constant(0)): return a
        case (.constant(0), _): return negate(b)
        case let (_, .negation(inner)): return add(a, inner)
        case let (_, .constant(y)) where y < 0: return .sum(a, .constant(-y))
        default: return a == b ? .constant(0) : .difference(a, b)
        }
    }

    private static func multiply(_ a: ScalarFunction, _ b: ScalarFunction) -> ScalarFunction {
        // Gather the factors of both sides, with the signs and numbers pulled out.
        var coefficient = 1.0
        var factors = [ScalarFunction]()
        func gather(_ f: ScalarFunction) {
            switch f {
            case .product(let x, let y):
                gather(x)
                gather(y)
            case .negation(let x):
                coefficient = -coefficient
                gather(x)
            case .constant(let c):
                coefficient *= c
            default:
                factors.append(f)
            }
        }
        gather(a)
        gather(b)
        if coefficient == 0 { return .constant(0) }
        // Numbers first, then variables and their powers, then everything else, each group in
        // the order written.
        func rank(_ f: ScalarFunction) -> Int {
            switch f {
            case .variable: 0
            case .power(.variable, _): 0
            default: 1
            }
        }
        var ordered = factors.filter { rank($0) == 0 } + factors.filter { rank($0) == 1 }
        if ordered.isEmpty || abs(coefficient) != 1 { ordered.insert(.constant(abs(coefficient)), at: 0) }
        var product = ordered[0]
        for factor in ordered.dropFirst() { product = .product(product, factor) }
        return coefficient < 0 ? .negation(product) : product
    }

    private static func divide(_ a: ScalarFunction, _ b: ScalarFunction) -> ScalarFunction {
        switch (a, b) {
        case let (.constant(x), .constant(y)): return .constant(x / y)
        case (.constant(0), _): return .constant(0)
        case (_, .constant(1)): return a
        case let (.negation(x), _): return negate(divide(x, b))
        default: return .quotient(a, b)
        }
    }

    private static func raise(_ a: ScalarFunction, _ p: Double) -> ScalarFunction {
        switch (a, p) {
        case let (.constant(x), _): return .constant(power(x, p))
        case (_, 0): return .constant(1)
        case (_, 1): return a
        default: return .power(a, p)
        }
    }
}
