import Engine
import Foundation
import Report
import Testing
@testable import LessonFormat
@testable import LessonRuntime

/// Gradient descent on a function of two variables: the function read and differentiated, the
/// engine's optimizers walking it, and its steps named by `{iteration: n}`.
@Suite struct GradientDescentWalkTests {
    private let narrowBowl = "of: gradient-descent\nfunction: x^2 + 10*y^2\nstart: [-4, 1]\nsteps: 5\n"

    @Test func aFunctionsIteratesAndItsDerivedGradient() throws {
        let session = try runLesson(cell("table", narrowBowl + "learning_rate: 0.09"))
        let table = try #require(tables(session).first)
        #expect(table.headers.last == "$\\nabla f = (2x_n, 20y_n)$")
        // x shrinks by 1 − 2η = 0.82 and y by 1 − 20η = −0.8 each step.
        #expect(table.rows[1] == ["1", "−3.280", "−0.8000", "17.16", "(−6.560, −16.00)"])
    }

    @Test func rosenbrocksGradientIsTooLongForTheHeadingAndIsNamed() throws {
        let session = try runLesson(cell("table", "of: gradient-descent\nfunction: (1 - x)^2 + 100*(y - x^2)^2\nstart: [-1.5, 2]\nlearning_rate: 0.001\nsteps: 2"))
        let table = try #require(tables(session).first)
        #expect(table.headers.last == "$\\nabla f(x_n, y_n)$")
        #expect(table.rows[0] == ["0", "−1.5", "2", "12.5", "(−155, −50)"])
    }

    /// Momentum's rule at the third step, with the state the walk carried over, holds; the same
    /// rule with the velocity not updated fails.
    @Test func theStepsOfAWalkAreNamedByIteration() throws {
        let equation = "tex: v\nnumbers:\n  - grad = [2 * x, 20 * y]\n  - theta_v_new = momentum * theta_v + grad\n  - theta_new = theta - eta * theta_v_new\n  - f_new = x_new^2 + 10 * y_new^2\nat: {iteration: 3}"
        let session = try runLesson(
            cell("table", narrowBowl + "optimizer: momentum\nmomentum: 0.8\nlearning_rate: 0.02"), cell("equation", equation))
        guard case let .relation(block) = try #require(session.blocks.last) else {
            Issue.record("no relation")
            return
        }
        #expect(block.checks.count == 4)
        #expect(block.checks.allSatisfy { if case .holds = $0 { true } else { false } })
        #expect(session.failures.isEmpty)
        let walk = try #require(session.walk)
        #expect(walk.records.count == 5)
        let names = walk.records[2].map(\.0)
        #expect(names == [
            "x", "y", "theta", "f", "dfdx", "dfdy", "grad", "eta", "t", "momentum", "theta_v", "x_new", "y_new",
            "theta_new", "f_new", "theta_v_new",
        ])
    }

    @Test func adamsStepIsTheEnginesRule() throws {
        let session = try runLesson(cell("table", narrowBowl + "optimizer: adam\nlearning_rate: 0.3"))
        let record = try #require(session.walk?.records[1])
        let values = Dictionary(record, uniquingKeysWith: { a, _ in a })
        // The first Adam step is ±η in each coordinate: m̂ / √v̂ = g / |g|.
        let first = try #require(session.walk?.points[1])
        #expect(abs(first.values[0] + 3.7) < 1e-7 && abs(first.values[1] - 0.7) < 1e-7)
        let mhat = try #require(values["theta_mhat"]), vhat = try #require(values["theta_vhat"])
        let expected = try #require(values["theta"]) - (mhat / vhat.map { $0.squareRoot() + 1e-8 }) * 0.3
        #expect(try #require(values["theta_new"]) == expected)
    }

    @Test(arguments: [
        ("function: x^2 + z", "7:17: error: 'function' in table cell is not a function of x and y: 'z' is not a variable: the function's variables are x and y"),
        ("function: 'x^2 +* y'", "7:17: error: 'function' in table cell is not a function of x and y: expected an expression, found '*'"),
        ("function: hardlim(x) + y", "7:11: error: 'function' in table cell is not a function of x and y: 'hardlim' is a step: its slope is 0 wherever it has one, so it gives gradient descent nothing to follow"),
        ("function: 3", "7:11: error: 'function' in table cell '3' depends on neither x nor y, so it has no slope to descend"),
        ("function: relu(x) + y^2\nstart: [0, 1]", "8:8: error: 'start' in table cell is where the gradient of f(x, y) = relu(x) + y², derived as (relu'(x), 2y) = (0, 2), disagrees with central differences (0.5, 2) at the start (0, 1): f has a kink or a jump there; start elsewhere"),
        ("function: log(x) + y\nstart: [-1, 1]", "8:8: error: 'start' in table cell is where f(x, y) = log(x) + y or its gradient is not a number (f = NaN, ∇f = (−1, 1)); start elsewhere"),
        ("function: x^2\noptimizer: adam\nmomentum: 0.9", "9:11: error: 'momentum' in table cell does not apply to the optimizer 'adam', which reads 'beta1', 'beta2', 'epsilon'"),
    ])
    func aFunctionWithoutAUsableGradientIsAPositionedError(keys: String, expected: String) {
        expectLessonError("lessons/x.md:" + expected) {
            _ = try runLesson(cell("table", "of: gradient-descent\n" + keys))
        }
    }

    @Test func anIterationPastTheWalkSaysHowManyStepsItMade() {
        expectLessonError("lessons/x.md:15:5: error: the gradient-descent walk above has no iteration 9: it makes 5 steps") {
            let session = try runLesson(cell("table", narrowBowl), cell("equation", "tex: x\nnumbers: x_new = x - eta * dfdx\nat: {iteration: 9}"))
            if let failure = session.failures.first { throw failure }
        }
    }

    @Test func severalPathsShareOneMapWithALegend() throws {
        let plot = "kind: gradient-descent-path\nfunction: x^2 + 10*y^2\nstart: [-4, 1]\nsteps: 20\npaths:\n  - {learning_rate: 0.09}\n  - {optimizer: momentum, learning_rate: 0.02}\n  - {optimizer: adam, learning_rate: 0.3, steps: 10}"
        let session = try runLesson(cell("plot", plot))
        guard case let .figure(figure) = try #require(session.blocks.last) else {
            Issue.record("no figure")
            return
        }
        #expect(figure.alternativeText == "Contour map of f(x, y) = x² + 10y² with the paths of gradient descent, η = 0.09; momentum (β = 0.9), η = 0.02; Adam (β₁ = 0.9, β₂ = 0.999), η = 0.3.")
        #expect(figure.caption.contains("after 10 steps."))
        #expect(session.walk?.walk.learningRate == 0.09)
    }

    /// The round bowl's levels are spaced like squares; Rosenbrock's, over many decades, by factors.
    @Test func contourLevelsFollowTheFunction() {
        func levels(_ f: (Double, Double) -> Double) -> ContourLevels {
            ContourLevels((0..<100).flatMap { i in (0..<100).map { j in f(Double(i) / 25 - 2, Double(j) / 25 - 1) } })
        }
        let bowl = levels { x, y in x * x + y * y }
        #expect(!bowl.isGeometric)
        let rosenbrock = levels { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        #expect(rosenbrock.isGeometric)
        #expect(rosenbrock.levels.allSatisfy { level in [1.0, 2, 5].contains { abs(level / $0 - pow(10, log10(level / $0).rounded())) < 1e-9 * level } })
    }
}
