import Engine
import LessonFormat
import Relations

/// Gradient descent on a function of two variables (seed 001 walks the bowl x² + y²): the
/// function, the starting point, the step η, the number of steps and the optimizer that the
/// `gradient-descent-path` plot and the `gradient-descent` table share.
///
/// ```yaml
/// function: x^2 + 10*y^2     # any function of x and y in the numbers language (default x^2 + y^2)
/// start: [-4, 1]             # (x₀, y₀), default [-4, 3]
/// learning_rate: 0.05        # η, default 0.1
/// steps: 40                  # default 30
/// optimizer: momentum        # any optimizer of the train cell, with its settings keys (momentum: 0.9)
/// ```
/// Each step moves the point θ = (x, y) by the optimizer's rule with the gradient
/// g = ∇f(θ); plain gradient descent is θ ← θ − η ∇f(θ). The rule is the engine's own,
/// applied to θ as to a 1 × 2 weight matrix.
struct GradientDescentWalk: Sendable, Equatable {
    /// The keys a cell reads for the walk.
    public static let keys = ["function", "start", "learning_rate", "steps", "optimizer"] + TrainCell.optimizerKeys
    /// The name the point's quantities are recorded under at a step (`theta`, `theta_v`, …).
    static let parameterName = "theta"

    /// f and its gradient.
    public var function: WalkFunction
    /// The starting point (x₀, y₀).
    public var start: (x: Double, y: Double)
    /// The step η.
    public var learningRate: Double
    /// The number of steps.
    public var steps: Int
    /// The optimizer, with its settings.
    public var optimizer: Optimizer

    /// Reads `function` (default x² + y²), `start` (default [-4, 3]), `learning_rate` (0.1),
    /// `steps` (30) and `optimizer` (gradient descent) with its settings, and confirms the
    /// derived gradient by central differences at the start.
    init(_ fields: FieldReader, place: String) throws(LessonError) {
        try self.init(fields, place: place, function: try WalkFunction(fields, place: place))
    }

    /// Reads the walk's keys but `function`, on `function`.
    init(_ fields: FieldReader, place: String, function: WalkFunction) throws(LessonError) {
        self.function = function
        let point = fields.contains("start") ? try fields.matrix("start") : [[-4, 3]]
        let startPosition = fields.value("start")?.position ?? fields.position
        guard point.count == 1, point[0].count == 2 else {
            throw LessonError(
                .invalidValue(key: "start", in: place, message: "should be a point [x, y]"),
                at: try fields.required("start").position)
        }
        start = (point[0][0], point[0][1])
        learningRate = try fields.number("learning_rate", default: 0.1, in: 0...10)
        steps = try fields.integer("steps", default: 30, in: 1...10_000)
        optimizer = try TrainCell.optimizer(fields, place: place)
        try function.confirmGradient(at: start.x, start.y, place: place, startPosition: startPosition)
    }

    /// f(x, y).
    public func value(_ point: (x: Double, y: Double)) -> Double {
        function.value(point.x, point.y)
    }

    /// How a legend names the walk: `gradient descent, η = 0.1`, `momentum (β = 0.9), η = 0.02`.
    var label: String {
        let settings = optimizer.type.hyperparameters
            .filter { $0.key != "epsilon" }
            .map { "\($0.symbol) = \(NumberText.format(optimizer.settings[$0.key], significantDigits: 4))" }
        let name = optimizer.type.title + (settings.isEmpty ? "" : " (" + settings.joined(separator: ", ") + ")")
        return name + ", η = " + NumberText.format(learningRate, significantDigits: 4)
    }

    /// Walks: the points (x₀, y₀), (x₁, y₁), … and what each step recorded. A step whose new
    /// point is not finite ends the walk early.
    public func run() -> WalkPath {
        var theta = Matrix(row: [start.x, start.y])
        var stepper = SingleParameterOptimizer(optimizer, rows: 1, columns: 2)
        let settings = optimizer.type.hyperparameters.map { ($0.key, Matrix(scalar: optimizer.settings[$0.key])) }
        var path = WalkPath(walk: self)
        path.append(theta, value: function.value(theta.values[0], theta.values[1]), gradient: function.gradient(theta.values[0], theta.values[1]))
        let name = Self.parameterName
        for step in 1...steps {
            let gradient = path.gradients[step - 1]
            let before = zip(stepper.stateNames, stepper.states).map { ("\(name)_\($0)", $1) }
            guard let next = stepper.update(theta, gradient: gradient, learningRate: learningRate) else {
                path.divergedStep = step
                break
            }
            let (x, y) = (next.values[0], next.values[1])
            let value = function.value(x, y), nextGradient = function.gradient(x, y)
            var quantities: [(String, Matrix)] = [
                ("x", Matrix(scalar: theta.values[0])), ("y", Matrix(scalar: theta.values[1])), (name, theta),
                ("f", Matrix(scalar: path.values[step - 1])),
                ("dfdx", Matrix(scalar: gradient.values[0])), ("dfdy", Matrix(scalar: gradient.values[1])),
                ("grad", gradient), ("eta", Matrix(scalar: learningRate)), ("t", Matrix(scalar: Double(step))),
            ]
            quantities += settings
            quantities += before
            quantities += [
                ("x_new", Matrix(scalar: x)), ("y_new", Matrix(scalar: y)), ("\(name)_new", next),
                ("f_new", Matrix(scalar: value)),
            ]
            quantities += zip(stepper.stateNames, stepper.states).map { ("\(name)_\($0)_new", $1) }
            quantities += stepper.derivedQuantities.map { ("\(name)_\($0.name)", $0.value) }
            path.records.append(quantities)
            path.append(next, value: value, gradient: nextGradient)
            theta = next
        }
        return path
    }

    public static func == (lhs: GradientDescentWalk, rhs: GradientDescentWalk) -> Bool {
        lhs.function == rhs.function && lhs.start == rhs.start && lhs.learningRate == rhs.learningRate
            && lhs.steps == rhs.steps && lhs.optimizer == rhs.optimizer
    }
}

/// A walk as it went: the points, f and ∇f at each, and the quantities of each step.
struct WalkPath: Sendable {
    /// The walk.
    var walk: GradientDescentWalk
    /// (xₙ, yₙ) for n = 0, 1, …, as 1 × 2 rows.
    var points: [Matrix] = []
    /// f(xₙ, yₙ).
    var values: [Double] = []
    /// ∇f(xₙ, yₙ), as 1 × 2 rows.
    var gradients: [Matrix] = []
    /// The quantities of step n (from 1) at index n − 1, in the order they were computed.
    var records: [[(String, Matrix)]] = []
    /// The step whose new point was not finite, if one was.
    var divergedStep: Int?

    mutating func append(_ point: Matrix, value: Double, gradient: Matrix) {
        points.append(point)
        values.append(value)
        gradients.append(gradient)
    }

    /// The points as (x, y) pairs.
    var coordinates: [(Double, Double)] { points.map { ($0.values[0], $0.values[1]) } }

    /// The quantities of step `step` (from 1), for an equation's `{iteration: n}`.
    ///
    /// - Throws: an error at `position` saying how many steps the walk made.
    func quantities(at step: Int, position: SourcePosition) throws(LessonError) -> StepQuantities {
        guard records.indices.contains(step - 1) else {
            let made = records.count
            let reason = divergedStep.map { "its step \($0) left the finite numbers, so it made \(made)" }
                ?? "it makes \(made) step\(made == 1 ? "" : "s")"
            throw LessonError(.failed("the gradient-descent walk above has no iteration \(step): \(reason)"), at: position)
        }
        return StepQuantities(named: records[step - 1])
    }
}
