import LessonFormat

/// Gradient descent on the bowl f(x, y) = x² + y² (seed 001), whose gradient is (2x, 2y):
/// the starting point, the step η and the number of steps that the `gradient-descent-path`
/// plot and the `gradient-descent` table share.
struct GradientDescentWalk: Sendable, Equatable {
    /// The keys a cell reads for the walk.
    public static let keys = ["start", "learning_rate", "steps"]

    /// The starting point (x₀, y₀).
    public var start: (x: Double, y: Double)
    /// The step η.
    public var learningRate: Double
    /// The number of steps.
    public var steps: Int

    /// Reads `start` (default [-4, 3]), `learning_rate` (0.1) and `steps` (30).
    init(_ fields: FieldReader, place: String) throws(LessonError) {
        let point = fields.contains("start") ? try fields.matrix("start") : [[-4, 3]]
        guard point.count == 1, point[0].count == 2 else {
            throw LessonError(
                .invalidValue(key: "start", in: place, message: "should be a point [x, y]"),
                at: try fields.required("start").position)
        }
        start = (point[0][0], point[0][1])
        learningRate = try fields.number("learning_rate", default: 0.1, in: 0...10)
        steps = try fields.integer("steps", default: 30, in: 1...10_000)
    }

    /// f(x, y) = x² + y².
    public static func value(_ point: (x: Double, y: Double)) -> Double {
        point.x * point.x + point.y * point.y
    }

    /// The points (x₀, y₀), (x₁, y₁), …: each step is (x, y) ← (x, y) − η (2x, 2y).
    public func iterates() -> [(x: Double, y: Double)] {
        var point = start
        var path = [point]
        for _ in 0..<steps {
            point = (point.x - learningRate * 2 * point.x, point.y - learningRate * 2 * point.y)
            path.append(point)
        }
        return path
    }

    public static func == (lhs: GradientDescentWalk, rhs: GradientDescentWalk) -> Bool {
        lhs.start == rhs.start && lhs.learningRate == rhs.learningRate && lhs.steps == rhs.steps
    }
}
