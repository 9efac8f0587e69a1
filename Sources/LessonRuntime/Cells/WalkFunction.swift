import Engine
import LessonFormat
import Relations

/// The function f(x, y) gradient descent walks on, as the `function` key writes it in the
/// `numbers` language (`x^2 + 10*y^2`, `(1 - x)^2 + 100*(y - x^2)^2`), with its gradient
/// derived symbolically: ∇f = (∂f/∂x, ∂f/∂y).
struct WalkFunction: Sendable, Equatable {
    /// The function when a cell gives none: the round bowl x² + y² of Sarkar's example.
    static let defaultText = "x^2 + y^2"
    /// The variables, in the order of a point.
    static let variables = ["x", "y"]

    /// f as the lesson wrote it.
    var text: String
    /// f.
    var function: ScalarFunction
    /// (∂f/∂x, ∂f/∂y), simplified.
    var gradient: [ScalarFunction]
    /// Where the `function` key's value is (the cell when absent), for errors found later.
    var position: SourcePosition

    /// Reads `function` (default x² + y²) and derives the gradient.
    ///
    /// - Throws: an error at the mistake when the text does not parse or is not a function of x
    ///   and y that has a slope (see `ScalarFunction`), or when f depends on neither variable.
    init(_ fields: FieldReader, place: String) throws(LessonError) {
        let value = fields.value("function")
        text = value == nil ? Self.defaultText : try fields.text("function")
        position = value?.position ?? fields.position
        do {
            function = try ScalarFunction(parsing: text, variables: Self.variables)
        } catch {
            throw LessonError(
                .invalidValue(key: "function", in: place, message: "is not a function of x and y: \(error.message)"),
                at: value.map { Self.position(ofCharacter: error.offset, in: $0) } ?? fields.position)
        }
        guard !function.variableIndices.isEmpty else {
            throw LessonError(
                .invalidValue(key: "function", in: place, message: "'\(text)' depends on neither x nor y, so it has no slope to descend"),
                at: position)
        }
        let function = self.function
        gradient = Self.variables.indices.map { function.derivative(withRespectTo: $0) }
    }

    /// The column of character `offset` of a one-line scalar (one more for a quoted one): where a
    /// mistake in the formula is.
    private static func position(ofCharacter offset: Int, in value: LessonValue) -> SourcePosition {
        var position = value.position
        if case let .scalar(_, isPlain) = value.content { position.column += offset + (isPlain ? 0 : 1) }
        return position
    }

    /// f(x, y).
    func value(_ x: Double, _ y: Double) -> Double { function.value(at: [x, y]) }

    /// ∇f(x, y) as a 1 × 2 row, `[∂f/∂x, ∂f/∂y]`.
    func gradient(_ x: Double, _ y: Double) -> Matrix {
        Matrix(row: gradient.map { $0.value(at: [x, y]) })
    }

    /// Checks the symbolic gradient against central differences at `(x, y)`,
    /// `(f(x + h) − f(x − h)) / 2h` with `h = 10⁻⁶ max(1, |x|)` in each direction: they must
    /// agree to 10⁻⁵ of the larger of 1, |∂f| and |f|.
    ///
    /// - Throws: an error naming the function and both gradients when f or its gradient is not
    ///   finite there, or they disagree (f has a kink or a jump at the point).
    func confirmGradient(at x: Double, _ y: Double, place: String, startPosition: SourcePosition) throws(LessonError) {
        let point = [x, y]
        let f = function.value(at: point)
        let symbolic = gradient.map { $0.value(at: point) }
        func where_() -> String { "at the start (\(Self.number(x)), \(Self.number(y)))" }
        guard f.isFinite, symbolic.allSatisfy(\.isFinite) else {
            throw LessonError(
                .invalidValue(
                    key: "start", in: place,
                    message: "is where f(x, y) = \(function.prettyText) or its gradient is not a number (f = \(Self.number(f)), ∇f = (\(symbolic.map(Self.number).joined(separator: ", ")))); start elsewhere"),
                at: startPosition)
        }
        var numeric = [Double]()
        for variable in point.indices {
            let h = 1e-6 * max(1, abs(point[variable]))
            var up = point, down = point
            up[variable] += h
            down[variable] -= h
            numeric.append((function.value(at: up) - function.value(at: down)) / (up[variable] - down[variable]))
        }
        for variable in point.indices
        where !(abs(numeric[variable] - symbolic[variable]) <= 1e-5 * max(1, abs(symbolic[variable]), abs(f))) {
            throw LessonError(
                .invalidValue(
                    key: "start", in: place,
                    message: "is where the gradient of f(x, y) = \(function.prettyText), derived as (\(gradient.map(\.prettyText).joined(separator: ", "))) = (\(symbolic.map(Self.number).joined(separator: ", "))), disagrees with central differences (\(numeric.map(Self.number).joined(separator: ", "))) \(where_()): f has a kink or a jump there; start elsewhere"),
                at: startPosition)
        }
    }

    private static func number(_ value: Double) -> String {
        PlainText.number(value, significantDigits: 6).replacingOccurrences(of: "-", with: "−")
    }
}
