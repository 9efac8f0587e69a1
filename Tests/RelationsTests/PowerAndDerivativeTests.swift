import Engine
import Testing
import Relations

@Suite struct PowerTests {
    @Test(arguments: [
        ("-x^2 = y", "(-(x ^ 2)) = y"),
        ("a * b^2 = y", "(a * (b ^ 2)) = y"),
        ("x^-1 = y", "(x ^ (-1)) = y"),
        ("a^b^c = y", "(a ^ (b ^ c)) = y"),
        ("x'^2 = y", "((x)' ^ 2) = y"),
    ])
    func powerBindsTighterThanMinusAndGroupsToTheRight(text: String, expected: String) throws {
        let relation = try Relation(parsing: text)
        #expect("\(relation.lhs.grouping) = \(relation.rhs.grouping)" == expected)
    }

    @Test func eachEntryIsRaisedToAScalarExponent() {
        expectClose(value(of: "[1 2; 3 4]^2"), Matrix([[1, 4], [9, 16]]))
        expectClose(value(of: "4^0.5"), Matrix(scalar: 2))
        expectClose(value(of: "2^-2"), Matrix(scalar: 0.25))
        expectClose(value(of: "-3^2"), Matrix(scalar: -9))
        expectClose(value(of: "beta^t", ["beta": Matrix(scalar: 0.9), "t": Matrix(scalar: 3)]), Matrix(scalar: 0.729))
    }

    @Test func aMatrixExponentIsRefused() {
        expectError("[1 2] ^ [1 2] = 1", "offset 6: '^' raises each entry to a 1×1 exponent, but the exponent is 1×2")
    }

    /// `|aᵖ| + |p aᵖ⁻¹| |a|ₘ`, plus `|aᵖ ln a| |p|ₘ` for an exponent that is not a written number.
    @Test func theMagnitudeCountsTheSlopeAndARecordedExponent() throws {
        let literal = try Expression(parsing: "(a - b)^2").evaluate(with: Bindings(["a": Matrix(scalar: 3), "b": Matrix(scalar: 1)]))
        // |2²| + |2 · 2| · (3 + 1) = 4 + 16
        #expect(literal.magnitude.values[0] == 20)
        let recorded = try Expression(parsing: "a^t").evaluate(with: Bindings(["a": Matrix(scalar: 0.5), "t": Matrix(scalar: 2)]))
        // |0.25| + |2 · 0.5| · 0.5 + |0.25 ln 0.5| · 2
        #expect(abs(recorded.magnitude.values[0] - (0.25 + 0.5 + 0.25 * 0.6931471805599453 * 2)) < 1e-15)
    }

    @Test func adamsCorrectionCanBeCheckedWithAPower() throws {
        let m = Matrix(row: [0.3, -0.2])
        let bindings = Bindings([
            "m": m, "beta1": Matrix(scalar: 0.9), "t": Matrix(scalar: 3), "mhat": m / (1 - 0.9 * 0.9 * 0.9),
        ])
        #expect(try Relation(parsing: "mhat = m / (1 - beta1^t)").check(with: bindings).held)
        #expect(try !Relation(parsing: "mhat = m / (1 - beta1^(t - 1))").check(with: bindings).held)
    }
}

@Suite struct ScalarFunctionTests {
    private func function(_ text: String) throws -> ScalarFunction {
        try ScalarFunction(parsing: text, variables: ["x", "y"])
    }

    @Test func valuesAtAPoint() throws {
        #expect(try function("x^2 + 10*y^2").value(at: [-4, 3]) == 106)
        #expect(try function("(1 - x)^2 + 100*(y - x^2)^2").value(at: [-1, 2]) == 4 + 100)
        #expect(try function("exp(x) * y ./ 2").value(at: [0, 3]) == 1.5)
    }

    @Test(arguments: [
        ("x^2 + 10*y^2", "2x", "20y"),
        ("(1 - x)^2 + 100*(y - x^2)^2", "−2(1 − x) − 400x(y − x²)", "200(y − x²)"),
        ("x*y", "y", "x"),
        ("x / y", "1 / y", "−x / y²"),
        ("exp(x*y)", "y · exp(xy)", "x · exp(xy)"),
        ("sqrt(x^2 + y^2)", "2x / (2sqrt(x² + y²))", "2y / (2sqrt(x² + y²))"),
        ("log(x) - 3*y", "1 / x", "−3"),
        ("tanh(x)", "1 − tanh(x)²", "0"),
        ("sigmoid(2*x)", "2sigmoid(2x)(1 − sigmoid(2x))", "0"),
        ("relu(x - y)", "relu'(x − y)", "−relu'(x − y)"),
    ])
    func derivativesAreDerivedAndSimplified(text: String, dx: String, dy: String) throws {
        let f = try function(text)
        #expect(f.derivative(withRespectTo: 0).prettyText == dx)
        #expect(f.derivative(withRespectTo: 1).prettyText == dy)
    }

    /// Central differences agree with every derivative above at a point where all are smooth.
    @Test(arguments: [
        "x^2 + 10*y^2", "(1 - x)^2 + 100*(y - x^2)^2", "x / y", "exp(x*y)", "sqrt(x^2 + y^2)", "log(x) - 3*y",
        "tanh(x) * sigmoid(y)", "x^3 - 3*x*y^2", "(x + 2*y)^-1", "sigmoid'(x) + tanh'(y)",
    ])
    func derivativesAgreeWithCentralDifferences(text: String) throws {
        let f = try function(text)
        let point = [0.7, 1.3], h = 1e-6
        for variable in 0..<2 {
            var up = point, down = point
            up[variable] += h
            down[variable] -= h
            let numeric = (f.value(at: up) - f.value(at: down)) / (2 * h)
            let symbolic = f.derivative(withRespectTo: variable).value(at: point)
            #expect(abs(numeric - symbolic) <= 1e-7 * max(1, abs(symbolic)), "\(text), d/d\(variable): \(numeric) vs \(symbolic)")
        }
    }

    @Test(arguments: [
        ("x^2 + z", "offset 6: 'z' is not a variable: the function's variables are x and y"),
        ("x^y", "offset 2: the exponent of '^' must be a number, not an expression of the variables"),
        ("hardlim(x) + y", "offset 0: 'hardlim' is a step: its slope is 0 wherever it has one, so it gives gradient descent nothing to follow"),
        ("x' + y", "offset 0: a function of numbers cannot hold a transpose"),
        ("sum(x) + y", "offset 0: a function of numbers cannot hold 'sum', which acts on a matrix"),
        ("leaky_relu(x) + y", "offset 0: a function of numbers cannot hold 'leaky_relu': the functions of a walk are sigmoid, tanh, relu, linear, exp, sqrt, log"),
        ("x^2 +", "offset 5: expected an expression, found the end of the relation"),
    ])
    func mistakesArePositioned(text: String, expected: String) {
        do throws(RelationError) {
            _ = try ScalarFunction(parsing: text, variables: ["x", "y"])
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func theSpellingRoundTrips() throws {
        let f = try function("(1 - x)^2 + 100*(y - x^2)^2")
        #expect(f.description == "(1 - x)^2 + 100 * (y - x^2)^2")
        #expect(try function(f.description) == f)
        #expect(f.prettyText == "(1 − x)² + 100(y − x²)²")
    }
}
